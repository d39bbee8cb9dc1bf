from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContractsConfig(AppConfig):
    name = "rekrut.contracts"
    label = "contracts"
    verbose_name = _("Contracts")

    def ready(self) -> None:
        # Leaving the contract stage forward needs a contract signed by both sides.
        from rekrut.contracts.guards import contract_exit_blockers
        from rekrut.pipeline.guards import exit_blockers

        exit_blockers.register(contract_exit_blockers)

        # The PKWT registration reminder (rule C6) is found and queued by the worker's sweep.
        from rekrut.contracts.reminders import registrations_remind_due
        from rekrut.notifications.sweep import worker_sweep

        worker_sweep.register(registrations_remind_due)

        # The reminder's wording HR may change on the message templates page.
        from rekrut.contracts.purposes import purposes_register

        purposes_register()

        # What this app holds about a candidate takes part in "download my data" and erasure (UU PDP).
        from rekrut.candidates.hooks import personal_data_collectors, personal_data_erasers
        from rekrut.contracts.personal_data import contracts_collect, contracts_erase

        personal_data_collectors.register(contracts_collect)
        personal_data_erasers.register(contracts_erase)
