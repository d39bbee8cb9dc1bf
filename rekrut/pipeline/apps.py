from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PipelineConfig(AppConfig):
    name = "rekrut.pipeline"
    label = "pipeline"
    verbose_name = _("Pipeline")

    def ready(self) -> None:
        from rekrut.jobs import hooks as job_hooks
        from rekrut.pipeline import receivers, selectors

        job_hooks.stages_switching_off.register(receivers.stages_switching_off_refuse_when_in_use)
        job_hooks.job_hired_count.register(selectors.job_hired_count)

        # The messages HR may reword on the message templates page.
        from rekrut.pipeline.purposes import purposes_register

        purposes_register()

        # What this app holds about a candidate takes part in "download my data" and erasure (UU PDP).
        from rekrut.candidates.hooks import personal_data_collectors, personal_data_erasers
        from rekrut.pipeline.personal_data import applications_collect, applications_erase

        personal_data_collectors.register(applications_collect)
        personal_data_erasers.register(applications_erase)
