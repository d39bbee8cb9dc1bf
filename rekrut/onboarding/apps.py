from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OnboardingConfig(AppConfig):
    name = "rekrut.onboarding"
    label = "onboarding"
    verbose_name = _("Onboarding")

    def ready(self) -> None:
        # Pipeline's move service asks whether the hire may happen: a started checklist's required items.
        from rekrut.onboarding.guards import onboarding_exit_blockers
        from rekrut.pipeline.guards import exit_blockers

        exit_blockers.register(onboarding_exit_blockers)
        # Bank account, salary and the full numbers are specific data (P2): HR admins decide who sees them.
        from rekrut.accounts.specific_data import specific_data_register
        from rekrut.onboarding.access import FINANCIAL_DATA

        specific_data_register(FINANCIAL_DATA)
        # What this app holds about a candidate takes part in "download my data" and erasure (UU PDP).
        from rekrut.candidates.hooks import personal_data_collectors, personal_data_erasers
        from rekrut.onboarding.personal_data import onboarding_collect, onboarding_erase

        personal_data_collectors.register(onboarding_collect)
        personal_data_erasers.register(onboarding_erase)
        # Registers the audit actions and the `employee.hired` webhook event before any page lists them.
        from rekrut.onboarding import candidate, privacy, services  # noqa: F401
