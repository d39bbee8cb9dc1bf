"""Writes: generating a contract version from the accepted offer, the signing steps, the signed scan and
the PKWT's registration. Each runs in one transaction with its audit row and its history row.

The signing steps happen in one order only (models.SIGNING_ORDER): draft → sent → signed by the
candidate → signed by the company. A step out of order is refused with what must happen first; the row is
locked while it is checked, so two clicks cannot both pass.
"""

from dataclasses import asdict, dataclass
from datetime import date

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rekrut.accounts.models import User
from rekrut.contracts import rules
from rekrut.contracts.access import contract_access
from rekrut.contracts.documents import contract_pdf
from rekrut.contracts.models import (
    SIGNING_ORDER,
    Contract,
    ContractEvent,
    ContractEventKind,
    ContractScan,
    ContractStatus,
    PayMethod,
    Sex,
)
from rekrut.contracts.rules import ContractFacts, Missing
from rekrut.contracts.selectors import is_six_day_week, offer_accepted
from rekrut.core.errors import AccessDenied, DomainError
from rekrut.core.idempotency import idempotent_run
from rekrut.core.uploads import UploadRejected, scan_check
from rekrut.events.actions import action_register
from rekrut.events.services import audit_record
from rekrut.notifications.webhooks.events import event_register
from rekrut.notifications.webhooks.services import webhooks_announce
from rekrut.offers.models import OfferEmployment
from rekrut.pipeline.models import Application
from rekrut.pipeline.services import application_lock

action_register("contract.generated", gettext_lazy("Contract generated"))
action_register("contract.sent", gettext_lazy("Contract sent to the candidate"))
action_register("contract.candidate_signed", gettext_lazy("Contract signed by the candidate"))
action_register("contract.company_signed", gettext_lazy("Contract signed by the company"))
action_register("contract.scan_uploaded", gettext_lazy("Signed contract scan uploaded"))
action_register("contract.registered", gettext_lazy("Fixed-term contract registered"))
action_register("contract.downloaded", gettext_lazy("Contract downloaded"))
action_register("contract.scan_downloaded", gettext_lazy("Signed contract scan downloaded"))

event_register("contract.signed", gettext_lazy("A contract was signed by the candidate and the company"))

ADDRESS_MAX = 500
TEXT_MAX = 200
EXTRA_TERMS_MAX = 5000
REGISTRATION_NUMBER_MAX = 100
# The signed paper, scanned or photographed (core's scan_check), in the contract's words.
SCAN_WRONG_TYPE = gettext_lazy("Upload the signed contract as a PDF or as a scan or photo (JPEG or PNG).")
SCAN_TOO_LARGE = gettext_lazy(
    "The file unpacks to far more than a signed contract needs. Upload a smaller scan."
)
SCAN_PAGES = 60  # a contract and its attachments


@dataclass(frozen=True)
class ContractData:
    """What HR adds on the generate form to what the accepted offer says (UU 13/2003 Ps 54(1), C5)."""

    company_name: str = ""
    company_address: str = ""
    company_business: str = ""
    worker_sex: str = ""
    worker_birth_date: date | None = None
    worker_address: str = ""
    pay_method: str = ""
    pay_day: int | None = None
    signing_place: str = ""
    signing_date: date | None = None
    signatory_title: str = ""
    extra_terms: str = ""


@dataclass(frozen=True)
class ScanUpload:
    name: str
    data: bytes


class ContractRefused(DomainError):
    """The contract cannot be written yet; each reason names what is missing and its article."""

    code = "contract_incomplete"

    def __init__(self, missing: list[Missing]) -> None:
        self.missing = missing
        super().__init__(" ".join(str(item.message) for item in missing))


def _manage(actor: User, application: Application) -> None:
    access = contract_access(user=actor, application=application)
    if not access.application.job.is_hr_owner:
        raise AccessDenied(_("Only the job's HR owner or an HR admin can work on the contract."))
    if not access.can_manage:
        raise DomainError(_("This application is closed; reopen it first."), code="closed")


def _too_long(data: ContractData) -> list[Missing]:
    limits = {
        "company_name": TEXT_MAX,
        "company_address": ADDRESS_MAX,
        "company_business": TEXT_MAX,
        "worker_address": ADDRESS_MAX,
        "signing_place": 120,
        "signatory_title": 120,
        "extra_terms": EXTRA_TERMS_MAX,
    }
    return [
        Missing(f"{name}_too_long", name, _("Keep this to %(max)d characters.") % {"max": limit}, rule="")
        for name, limit in limits.items()
        if len(getattr(data, name)) > limit
    ]


def contract_generate(
    *, actor: User, application: Application, data: ContractData, idempotency_key: str = ""
) -> Contract:
    """Makes the next version of the application's contract from its accepted offer, as a draft with its
    PDF, after checking everything UU 13/2003 Ps 54(1) requires (C5: every missing item at once, nothing
    saved). A version not yet signed by both is superseded and stays in the history; a contract signed by
    both is final (a change is an addendum, signed on paper). A double click makes one version."""
    return idempotent_run(
        actor=actor,
        key=idempotency_key,
        action="contract.generate",
        inputs={"application": application, **asdict(data)},
        run=lambda: _generate(actor=actor, application=application, data=data),
    )


@transaction.atomic
def _generate(*, actor: User, application: Application, data: ContractData) -> Contract:
    _manage(actor, application)
    application = application_lock(application)
    offer = offer_accepted(application=application)
    if offer is None:
        raise DomainError(
            _("The candidate has not accepted an offer yet: the contract is made from the accepted offer."),
            code="no_accepted_offer",
        )
    current = (
        Contract.objects.select_for_update()
        .filter(application=application)
        .exclude(status=ContractStatus.SUPERSEDED)
        .first()
    )
    if current is not None and current.status == ContractStatus.SIGNED:
        raise DomainError(
            _("The contract is signed by both sides and can no longer be changed; agree an addendum."),
            code="signed",
        )
    signatory = offer.signatory
    facts = ContractFacts(
        company_name=data.company_name,
        company_address=data.company_address,
        company_business=data.company_business,
        worker_name=application.candidate.full_name,
        worker_sex=data.worker_sex if data.worker_sex in Sex.values else "",
        worker_birth_date=data.worker_birth_date,
        worker_address=data.worker_address,
        position=offer.position,
        workplace=_workplace(offer),
        base_salary=offer.base_salary,
        pay_method=data.pay_method if data.pay_method in PayMethod.values else "",
        pay_day=data.pay_day,
        start_date=offer.start_date,
        is_pkwt=offer.employment_type == OfferEmployment.PKWT,
        contract_months=offer.contract_months,
        signing_place=data.signing_place,
        signing_date=data.signing_date,
        signatory_name=signatory.get_full_name().strip() if signatory.is_active else "",
    )
    refusals = [*rules.contract_missing(facts), *_too_long(data)]
    if refusals:
        raise ContractRefused(refusals)
    assert data.worker_birth_date and data.signing_date and data.pay_day  # checked above (mypy)

    if current is not None:
        current.status = ContractStatus.SUPERSEDED
        current.save(update_fields=["status"])
        ContractEvent.objects.create(contract=current, kind=ContractEventKind.SUPERSEDED, actor=actor)
    latest_version = Contract.objects.filter(application=application).order_by("-version").first()
    contract = Contract(
        application=application,
        offer=offer,
        version=latest_version.version + 1 if latest_version else 1,
        employment_type=offer.employment_type,
        company_name=data.company_name.strip(),
        company_address=data.company_address.strip(),
        company_business=data.company_business.strip(),
        worker_name=facts.worker_name.strip(),
        worker_sex=data.worker_sex,
        worker_birth_date=data.worker_birth_date,
        worker_address=data.worker_address.strip(),
        position=offer.position,
        department=offer.department.name,
        workplace=facts.workplace,
        base_salary=offer.base_salary,
        allowances=[{"kind": a.kind, "name": a.name, "amount": a.amount} for a in offer.allowances.all()],
        pay_method=data.pay_method,
        pay_day=data.pay_day,
        start_date=offer.start_date,
        contract_months=offer.contract_months if facts.is_pkwt else None,
        end_date=offer.end_date if facts.is_pkwt else None,
        probation_months=0 if facts.is_pkwt else offer.probation_months,
        working_pattern=offer.working_pattern,
        annual_leave_days=offer.annual_leave_days,
        benefits=offer.benefits,
        extra_terms=data.extra_terms.strip(),
        signing_place=data.signing_place.strip(),
        signing_date=data.signing_date,
        signatory=signatory,
        signatory_name=facts.signatory_name,
        signatory_title=data.signatory_title.strip(),
        generated_by=actor,
    )
    contract.document = contract_pdf(contract, language="id")
    contract.save()
    ContractEvent.objects.create(contract=contract, kind=ContractEventKind.GENERATED, actor=actor)
    audit_record(
        actor=actor,
        action="contract.generated",
        subject=contract,
        changes={
            "version": contract.version,
            "offer_version": offer.version,
            "employment_type": contract.employment_type,
        },
    )
    return contract


def _workplace(offer: object) -> str:
    location = offer.work_location  # type: ignore[attr-defined]
    city = location.city.strip()
    name = location.name.strip()
    if city and city.casefold() not in name.casefold():
        return f"{name}, {city}" if name else city
    return name or city


# ---- the signing steps --------------------------------------------------------------------------------

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
    _manage(actor, Application.objects.select_related("job").get(pk=locked.application_id))
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


def _event(contract: Contract, kind: str, actor: User, on: date | None = None) -> None:
    ContractEvent.objects.create(contract=contract, kind=kind, actor=actor, on=on)


@transaction.atomic
def contract_send(*, actor: User, contract: Contract) -> Contract:
    """HR has handed the contract to the candidate (printed, or e-mailed as the PDF) for signing."""
    locked = _step_lock(actor, contract, ContractStatus.SENT)
    locked.status, locked.sent_at = ContractStatus.SENT, timezone.now()
    locked.save(update_fields=["status", "sent_at"])
    _event(locked, ContractEventKind.SENT, actor)
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
    _event(locked, ContractEventKind.CANDIDATE_SIGNED, actor, on=locked.candidate_signed_on)
    audit_record(
        actor=actor,
        action="contract.candidate_signed",
        subject=locked,
        changes={"version": locked.version, "signed_on": locked.candidate_signed_on.isoformat()},
    )
    if scan is not None:
        _scan_store(actor, locked, scan)
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
        _scan_store(actor, locked, scan)
    locked.status = ContractStatus.SIGNED
    if locked.is_pkwt:
        locked.registration_due = rules.registration_due(
            locked.company_signed_on, six_day_week=is_six_day_week(locked)
        )
    locked.save(update_fields=["status", "company_signed_on", "registration_due"])
    _event(locked, ContractEventKind.COMPANY_SIGNED, actor, on=locked.company_signed_on)
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


def _scan_store(actor: User, contract: Contract, scan: ScanUpload) -> ContractScan:
    try:
        kind = scan_check(
            scan.data, wrong_type=SCAN_WRONG_TYPE, too_large=SCAN_TOO_LARGE, max_pages=SCAN_PAGES
        )
    except UploadRejected as rejected:
        raise DomainError(rejected.message, code=rejected.code) from None
    row = ContractScan(
        contract=contract,
        name=(scan.name or "").strip()[:200] or f"contract-{contract.pk}",
        kind=kind,
        size=len(scan.data),
        uploaded_by=actor,
    )
    row.file.save("scan", ContentFile(scan.data), save=False)
    row.save()
    _event(contract, ContractEventKind.SCAN_UPLOADED, actor)
    audit_record(actor=actor, action="contract.scan_uploaded", subject=contract, changes={"kind": kind})
    return row


@transaction.atomic
def contract_scan_upload(*, actor: User, contract: Contract, scan: ScanUpload) -> ContractScan:
    """Adds a (better) scan of the signed paper; earlier scans stay in the history."""
    locked = Contract.objects.select_for_update().defer("document").get(pk=contract.pk)
    _manage(actor, Application.objects.select_related("job").get(pk=locked.application_id))
    if locked.status not in (ContractStatus.CANDIDATE_SIGNED, ContractStatus.SIGNED):
        raise DomainError(_("A signed scan can be added once the candidate has signed."), code="not_signed")
    return _scan_store(actor, locked, scan)


@transaction.atomic
def contract_register(
    *, actor: User, contract: Contract, registered_on: date | None, number: str
) -> Contract:
    """HR registered the PKWT with the Ministry of Manpower (PP 35/2021 Ps 13-14, C6) on `registered_on`
    under `number`; the reminder stops."""
    locked = Contract.objects.select_for_update().defer("document").get(pk=contract.pk)
    _manage(actor, Application.objects.select_related("job").get(pk=locked.application_id))
    if not locked.is_pkwt:
        raise DomainError(
            _("Only a fixed-term contract (PKWT) is registered with the Ministry of Manpower."),
            code="not_pkwt",
        )
    if locked.status != ContractStatus.SIGNED or locked.company_signed_on is None:
        raise DomainError(_("A contract is registered once both sides have signed it."), code="not_signed")
    if locked.registered_on is not None:
        raise DomainError(
            _("This contract is already registered (number %(number)s).")
            % {"number": locked.registration_number},
            code="already_registered",
        )
    number = (number or "").strip()
    if not number:
        raise DomainError(_("Enter the registration number."), code="number_missing")
    if len(number) > REGISTRATION_NUMBER_MAX:
        raise DomainError(
            _("Keep the registration number to %(max)d characters.") % {"max": REGISTRATION_NUMBER_MAX},
            code="number_too_long",
        )
    if registered_on is None:
        raise DomainError(_("Enter the date it was registered."), code="date_missing")
    if registered_on > timezone.localdate():
        raise DomainError(_("The registration date cannot be in the future."), code="date_future")
    if registered_on < locked.company_signed_on:
        raise DomainError(
            _("The registration date cannot be before the contract was signed (%(date)s).")
            % {"date": date_format(locked.company_signed_on, "DATE_FORMAT")},
            code="date_too_early",
        )
    locked.registered_on, locked.registration_number = registered_on, number
    locked.save(update_fields=["registered_on", "registration_number"])
    _event(locked, ContractEventKind.REGISTERED, actor, on=registered_on)
    audit_record(
        actor=actor,
        action="contract.registered",
        subject=locked,
        changes={
            "registered_on": registered_on.isoformat(),
            "late": registered_on > (locked.registration_due or registered_on),
        },
    )
    return locked


# ---- reading the documents (salary data: each download is logged) -------------------------------------


@transaction.atomic
def contract_document_open(*, actor: User, contract: Contract, language: str) -> bytes:
    """The version's PDF: the stored Indonesian document as it was generated, or its English translation."""
    document = (
        bytes(Contract.objects.values_list("document", flat=True).get(pk=contract.pk))
        if language == "id"
        else contract_pdf(contract, language="en")
    )
    audit_record(actor=actor, action="contract.downloaded", subject=contract, changes={"language": language})
    return document


@transaction.atomic
def contract_scan_open(*, actor: User, scan: ContractScan) -> ContractScan:
    audit_record(
        actor=actor, action="contract.scan_downloaded", subject=scan.contract, changes={"scan": scan.pk}
    )
    return scan
