from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "rekrut.privacy"
    label = "privacy"
    verbose_name = _("Data privacy")

    def ready(self) -> None:
        # Rejected and withdrawn candidates past the retention period are anonymised by the worker's sweep.
        from rekrut.notifications.sweep import worker_sweep
        from rekrut.privacy.retention import retention_sweep

        worker_sweep.register(retention_sweep)
        # What this app and the apps below candidates (outbox, audit log) hold, for download and erasure.
        from rekrut.candidates.hooks import personal_data_collectors, personal_data_erasers
        from rekrut.privacy import below

        personal_data_erasers.register(below.lower_apps_erase)
        personal_data_collectors.register(below.messages_collect)
        personal_data_collectors.register(below.requests_collect)

        # The consent text states the retention period that this app's setting applies.
        from rekrut.candidates.consent import consent_retention_months
        from rekrut.privacy.retention import retention_months_in_force

        consent_retention_months.register(retention_months_in_force)
