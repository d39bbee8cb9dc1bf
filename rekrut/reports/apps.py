from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "rekrut.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from rekrut.notifications.sweep import worker_sweep
        from rekrut.reports.summary import summary_sweep

        # The summary rows follow the pipeline's history from the worker, every sweep (reports.summary).
        worker_sweep.register(summary_sweep)
