"""The signing steps, in one order only (models.SIGNING_ORDER): draft → sent → signed by the candidate →
signed by the company. A step out of order is refused with what must happen first; the row is locked while
it is checked, so two clicks cannot both pass."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rekrut.accounts.models import User
from rekrut.contracts import rules
from rekrut.contracts.models import SIGNING_ORDER, Contract, ContractEventKind, ContractStatus
from rekrut.contracts.selectors import is_six_day_week
from rekrut.contracts.services.scans import ScanUpload, scan_store
from rekrut.contracts.services.shared import event_add, manage_check
from rekrut.core.errors import DomainError
from rekrut.events.services import audit_record
from rekrut.notifications.webhooks.services import webhooks_announce
from rekrut.pipeline.models import Application

_ALREADY = {
    ContractStatus.SENT: gettext_lazy("The contract was already sent to the candidate."),
    ContractStatus.CANDIDATE_SIGNED: gettext_lazy("The candidate's signature is already recorded."),
    ContractStatus.SIGNED: gettext_lazy("The contract is already signed by both sides."),
}
_FIRST = {
    ContractStatus.SENT: gettext_lazy("Generate the contract first."),
    ContractStatus.CANDIDATE_SIGNED: gettext_lazy(
        "Send the contract to the candidate before recording their signature."
    ),
    ContractStatus.SIGNED: gettext_lazy(
        "The candidate signs first: record the candidate's signature before the company's."
    ),
}


def _step_lock(actor: User, contract: Contract, to: ContractStatus) -> Contract:
    """The contract's row locked and read again, once it is sure `to` is the next step."""
    locked = Contract.objects.select_for_update().defer("document").get(pk=contract.pk)
    manage_check(actor, Application.objects.select_related("job").get(pk=locked.application_id))
    if locked.status == ContractStatus.SUPERSEDED:
        raise DomainError(_("A newer version replaced this contract; work on that one."), code="superseded")
    at, wanted = SIGNING_ORDER.index(ContractStatus(locked.status)), SIGNING_ORDER.index(to)
    if at >= wanted:
        raise DomainError(_ALREADY[to], code="already_done")
    if at != wanted - 1:
        raise DomainError(_FIRST[to], code="out_of_order")
    return locked


def _signed_on_check(signed_on: date | None, *, not_before: date, not_before_text: str) -> date:
    if signed_on is None:
        raise DomainError(_("Enter the date it was signed."), code="date_missing")
    today = timezone.localdate()
    if signed_on > today:
        raise DomainError(_("The signing date cannot be in the future."), code="date_future")
    if signed_on < not_before:
        raise DomainError(
            _("The signing date cannot be before %(what)s (%(date)s).")
            % {"what": not_before_text, "date": date_format(not_before, "DATE_FORMAT")},
            code="date_too_early",
        )
    return signed_on


@transaction.atomic
def contract_send(*, actor: User, contract: Contract) -> Contract:
    """HR has handed the contract to the candidate (printed, or e-mailed as the PDF) for signing."""
    locked = _step_lock(actor, contract, ContractStatus.SENT)
    locked.status, locked.sent_at = ContractStatus.SENT, timezone.now()
    locked.save(update_fields=["status", "sent_at"])
    event_add(locked, ContractEventKind.SENT, actor)
    audit_record(actor=actor, action="contract.sent", subject=locked, changes={"version": locked.version})
    return locked


@transaction.atomic
def contract_candidate_sign(
    *, actor: User, contract: Contract, signed_on: date | None, scan: ScanUpload | None = None
) -> Contract:
    """The candidate signed the contract on `signed_on` (a scan of their signed copy may come with it)."""
    locked = _step_lock(actor, contract, ContractStatus.CANDIDATE_SIGNED)
    generated = timezone.localdate(locked.generated_at)
    locked.candidate_signed_on = _signed_on_check(
        signed_on, not_before=generated, not_before_text=_("this version was generated")
    )
    locked.status = ContractStatus.CANDIDATE_SIGNED
    locked.save(update_fields=["status", "candidate_signed_on"])
    event_add(locked, ContractEventKind.CANDIDATE_SIGNED, actor, on=locked.candidate_signed_on)
    audit_record(
        actor=actor,
        action="contract.candidate_signed",
        subject=locked,
        changes={"version": locked.version, "signed_on": locked.candidate_signed_on.isoformat()},
    )
    if scan is not None:
        scan_store(actor, locked, scan)
    return locked


@transaction.atomic
def contract_company_sign(
    *, actor: User, contract: Contract, signed_on: date | None, scan: ScanUpload | None = None
) -> Contract:
    """The company signed too: the contract is in force as signed. The scan of the paper signed by both
    must be on file (uploaded now or with the candidate's signature). For a PKWT the registration's due
    date follows (PP 35/2021 Ps 13-14, C6); the "contract.signed" webhook is announced."""
    locked = _step_lock(actor, contract, ContractStatus.SIGNED)
    assert locked.candidate_signed_on is not None  # the order above guarantees it
    locked.company_signed_on = _signed_on_check(
        signed_on,
        not_before=locked.candidate_signed_on,
        not_before_text=_("the candidate signed"),
    )
    if scan is None and not locked.scans.exists():
        raise DomainError(_("Upload the scan of the contract signed by both sides."), code="scan_missing")
    if scan is not None:
        scan_store(actor, locked, scan)
    locked.status = ContractStatus.SIGNED
    if locked.is_pkwt:
        locked.registration_due = rules.registration_due(
            locked.company_signed_on, six_day_week=is_six_day_week(locked)
        )
    locked.save(update_fields=["status", "company_signed_on", "registration_due"])
    event_add(locked, ContractEventKind.COMPANY_SIGNED, actor, on=locked.company_signed_on)
    audit_record(
        actor=actor,
        action="contract.company_signed",
        subject=locked,
        changes={"version": locked.version, "signed_on": locked.company_signed_on.isoformat()},
    )
    webhooks_announce(event="contract.signed", key=f"contract-{locked.pk}-signed", data=_payload(locked))
    return locked


def _payload(contract: Contract) -> dict[str, object]:
    """What other systems learn of a signed contract: no wage (salary data, P2, stays in Rekrut)."""
    application = Application.objects.select_related("job", "candidate").get(pk=contract.application_id)
    return {
        "contract": {
            "id": contract.pk,
            "version": contract.version,
            "employment_type": contract.employment_type,
            "position": contract.position,
            "start_date": contract.start_date.isoformat(),
            "end_date": contract.end_date.isoformat() if contract.end_date else None,
            "candidate_signed_on": contract.candidate_signed_on.isoformat()
            if contract.candidate_signed_on
            else None,
            "company_signed_on": contract.company_signed_on.isoformat()
            if contract.company_signed_on
            else None,
            "registration_due": contract.registration_due.isoformat() if contract.registration_due else None,
        },
        "application": {
            "id": application.pk,
            "job": {"id": application.job_id, "title": application.job.title},
            "candidate": {"id": application.candidate_id, "full_name": application.candidate.full_name},
        },
    }
