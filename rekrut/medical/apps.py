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
        # The note and the report are specific data (P2): HR admins decide who sees them.
        from rekrut.accounts.specific_data import specific_data_register
        from rekrut.medical.access import HEALTH_DATA

        specific_data_register(HEALTH_DATA)

        # What this app holds about a candidate takes part in "download my data" and erasure (UU PDP).
        from rekrut.candidates.hooks import personal_data_collectors, personal_data_erasers
        from rekrut.medical.personal_data import checkups_collect, checkups_erase

        personal_data_collectors.register(checkups_collect)
        personal_data_erasers.register(checkups_erase)
