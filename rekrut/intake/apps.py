from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    name = "rekrut.intake"
    label = "intake"
    verbose_name = _("Intake")

    def ready(self) -> None:
        from rekrut.intake.importing import imports_recover_stuck
        from rekrut.notifications.sweep import worker_sweep

        worker_sweep.register(imports_recover_stuck)

        # The messages HR may reword on the message templates page.
        from rekrut.intake.purposes import purposes_register

        purposes_register()

        # What this app holds about a candidate takes part in "download my data" and erasure (UU PDP).
        from rekrut.candidates.hooks import personal_data_collectors, personal_data_erasers
        from rekrut.intake.personal_data import (
            imports_erase,
            screening_answers_collect,
            screening_answers_erase,
        )

        personal_data_collectors.register(screening_answers_collect)
        personal_data_erasers.register(screening_answers_erase)
        personal_data_erasers.register(imports_erase)
