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
        # Registers the audit actions and the `employee.hired` webhook event before any page lists them.
        from rekrut.onboarding import candidate, privacy, services  # noqa: F401
