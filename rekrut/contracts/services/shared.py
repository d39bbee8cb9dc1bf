"""What every contract write shares: the audit codes and the webhook event, who may work on a contract,
and the contract's history row."""

from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rekrut.accounts.models import User
from rekrut.contracts.access import contract_access
from rekrut.contracts.models import Contract, ContractEvent
from rekrut.core.errors import AccessDenied, DomainError
from rekrut.events.actions import action_register
from rekrut.notifications.webhooks.events import event_register
from rekrut.pipeline.models import Application

action_register("contract.generated", gettext_lazy("Contract generated"))
action_register("contract.sent", gettext_lazy("Contract sent to the candidate"))
action_register("contract.candidate_signed", gettext_lazy("Contract signed by the candidate"))
action_register("contract.company_signed", gettext_lazy("Contract signed by the company"))
action_register("contract.scan_uploaded", gettext_lazy("Signed contract scan uploaded"))
action_register("contract.registered", gettext_lazy("Fixed-term contract registered"))
action_register("contract.downloaded", gettext_lazy("Contract downloaded"))
action_register("contract.scan_downloaded", gettext_lazy("Signed contract scan downloaded"))

event_register("contract.signed", gettext_lazy("A contract was signed by the candidate and the company"))


def manage_check(actor: User, application: Application) -> None:
    access = contract_access(user=actor, application=application)
    if not access.application.job.is_hr_owner:
        raise AccessDenied(_("Only the job's HR owner or an HR admin can work on the contract."))
    if not access.can_manage:
        raise DomainError(_("This application is closed; reopen it first."), code="closed")


def event_add(contract: Contract, kind: str, actor: User, on: date | None = None) -> None:
    ContractEvent.objects.create(contract=contract, kind=kind, actor=actor, on=on)
