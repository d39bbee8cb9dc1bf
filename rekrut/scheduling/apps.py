from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchedulingConfig(AppConfig):
    name = "rekrut.scheduling"
    label = "scheduling"
    verbose_name = _("Scheduling")

    def ready(self) -> None:
        # The self-scheduling messages HR may reword on the message templates page.
        from rekrut.scheduling.purposes import purposes_register

        purposes_register()
