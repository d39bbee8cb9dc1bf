"""Generating a contract version from the accepted offer, after checking everything UU 13/2003 Ps 54(1)
requires (C5)."""

from dataclasses import asdict, dataclass
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from rekrut.accounts.models import User
from rekrut.contracts import rules
from rekrut.contracts.documents import contract_pdf
from rekrut.contracts.models import Contract, ContractEvent, ContractEventKind, ContractStatus, PayMethod, Sex
from rekrut.contracts.rules import ContractFacts, Missing
from rekrut.contracts.selectors import offer_accepted
from rekrut.contracts.services.shared import manage_check
from rekrut.core.errors import DomainError
from rekrut.core.idempotency import idempotent_run
from rekrut.events.services import audit_record
from rekrut.offers.models import OfferEmployment
from rekrut.pipeline.models import Application
from rekrut.pipeline.services import application_lock

ADDRESS_MAX = 500
TEXT_MAX = 200
EXTRA_TERMS_MAX = 5000


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
    manage_check(actor, application)
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
