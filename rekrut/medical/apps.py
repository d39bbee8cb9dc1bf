from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MedicalConfig(AppConfig):
    name = "rekrut.medical"
    label = "medical"
    verbose_name = _("Medical check-ups")

    def ready(self) -> None:
        # Pipeline's move service asks whether the MCU stage may be left: it needs a recorded result.
        from rekrut.medical.guards import medical_exit_blockers
        from rekrut.pipeline.guards import exit_blockers

        exit_blockers.register(medical_exit_blockers)
