"""Reads: an application's contracts, the offer a contract is made from, what the generate form starts
with, and the figures the contract page shows (C6 due date, C7 compensation)."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404

from rekrut.accounts.models import User
from rekrut.contracts import rules
from rekrut.contracts.access import ContractAccess, contract_access_get
from rekrut.contracts.models import Contract, ContractScan, ContractStatus
from rekrut.offers.models import AllowanceKind, Offer, OfferStatus, WorkingPattern
from rekrut.pipeline.models import Application


def contracts_of(*, application: Application) -> QuerySet[Contract]:
    """Every version, newest first, without the PDF bytes (read only when downloaded)."""
    return (
        Contract.objects.filter(application=application)
        .defer("document")
        .select_related("generated_by", "signatory")
        .order_by("-version")
    )


def contract_current(*, application: Application) -> Contract | None:
    return contracts_of(application=application).exclude(status=ContractStatus.SUPERSEDED).first()


def offer_accepted(*, application: Application) -> Offer | None:
    """The offer the candidate accepted (the newest, should there be several)."""
    return (
        Offer.objects.filter(application=application, status=OfferStatus.ACCEPTED)
        .select_related("department", "work_location", "signatory")
        .prefetch_related("allowances")
        .order_by("-version")
        .first()
    )


@dataclass(frozen=True)
class FoundContract:
    contract: Contract
    access: ContractAccess


def contract_get(*, user: User, contract_id: int) -> FoundContract:
    """A version with the user's access to its application: 404 if they may not see the application, 403
    if they see it but not its contract (salary data)."""
    application_id = Contract.objects.filter(pk=contract_id).values_list("application_id", flat=True).first()
    if application_id is None:
        raise Http404
    access = contract_access_get(user=user, application_id=application_id)
    contract = Contract.objects.select_related("application__job", "application__candidate").get(
        pk=contract_id
    )
    return FoundContract(contract=contract, access=access)


def scan_latest(*, contract: Contract) -> ContractScan | None:
    return contract.scans.select_related("uploaded_by").first()


def generate_initial(*, application: Application, offer: Offer) -> dict[str, object]:
    """What the generate form starts with: this application's previous version (a correction changes one
    thing), else the company's details from its latest contract, else its name from the settings."""
    previous = contracts_of(application=application).first()
    company = previous or Contract.objects.defer("document").order_by("-generated_at", "-pk").first()
    initial: dict[str, object] = {
        "company_name": company.company_name if company else settings.COMPANY_NAME,
        "company_address": company.company_address if company else "",
        "company_business": company.company_business if company else "",
        "signing_place": offer.work_location.city,
        "pay_method": "transfer",
        "pay_day": company.pay_day if company else 25,
    }
    if previous is not None:
        initial.update(
            worker_sex=previous.worker_sex,
            worker_birth_date=previous.worker_birth_date,
            worker_address=previous.worker_address,
            pay_method=previous.pay_method,
            pay_day=previous.pay_day,
            signing_place=previous.signing_place,
            signing_date=previous.signing_date,
            signatory_title=previous.signatory_title,
            extra_terms=previous.extra_terms,
        )
    elif company is not None and company.signatory_id == offer.signatory_id:
        initial["signatory_title"] = company.signatory_title
    return initial


def fixed_allowances(contract: Contract) -> list[int]:
    return [int(a["amount"]) for a in contract.allowances if a.get("kind") == AllowanceKind.FIXED]


@dataclass(frozen=True)
class Compensation:
    """Uang kompensasi at the PKWT's end (rule C7), for information."""

    months: int
    monthly_wage: int
    amount: int


def compensation_for(contract: Contract) -> Compensation | None:
    """PP 35/2021 Ps 15-16 (rule C7): only for a PKWT, over its whole agreed length."""
    if not contract.is_pkwt or not contract.contract_months:
        return None
    wage = rules.compensation_wage(
        base_salary=contract.base_salary, fixed_allowances=fixed_allowances(contract)
    )
    amount = rules.compensation_amount(months_of_service=contract.contract_months, monthly_wage=wage)
    return Compensation(months=contract.contract_months, monthly_wage=wage, amount=amount)


def is_six_day_week(contract: Contract) -> bool:
    return contract.working_pattern == WorkingPattern.SIX_DAYS


def holidays_skipped(contract: Contract, *, language: str) -> list[tuple[date, str]]:
    """The public holidays the registration's count of working days passed over (shown beside the date)."""
    if contract.company_signed_on is None or contract.registration_due is None:
        return []
    return rules.days_not_counted(
        contract.company_signed_on,
        contract.registration_due,
        six_day_week=is_six_day_week(contract),
        language=language,
    )
