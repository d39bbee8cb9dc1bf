"""Contracts factories: an accepted offer made directly (the offer's own flow is the offers app's), the
data HR types on the generate form, and contracts taken through the real services step by step."""

from datetime import date, timedelta

from django.utils import timezone

from rekrut.accounts.models import User
from rekrut.contracts import services
from rekrut.contracts.models import Contract
from rekrut.contracts.services import ContractData, ScanUpload
from rekrut.offers.models import Offer, OfferAllowance, OfferStatus
from rekrut.offers.rules import contract_end
from rekrut.pipeline.models import Application
from tests.candidates.filebuilders import pdf_bytes


def offer_accepted_make(
    *,
    application: Application,
    signatory: User,
    allowances: tuple[tuple[str, str, int], ...] = (
        ("fixed", "Tunjangan jabatan", 1_000_000),
        ("variable", "Uang makan", 500_000),
    ),
    **fields: object,
) -> Offer:
    """An offer the candidate accepted, written straight to the database: a PKWT of 12 months at
    Rp7.000.000 base, starting in a month, unless `fields` say otherwise."""
    start = fields.pop("start_date", None) or timezone.localdate() + timedelta(days=30)
    assert isinstance(start, date)
    employment = fields.pop("employment_type", "pkwt")
    months = fields.pop("contract_months", 12 if employment == "pkwt" else None)
    values: dict[str, object] = {
        "application": application,
        "version": (Offer.objects.filter(application=application).count() + 1),
        "status": OfferStatus.ACCEPTED,
        "position": application.job.title,
        "department": application.job.department,
        "work_location": application.job.location,
        "start_date": start,
        "employment_type": employment,
        "contract_months": months,
        "end_date": contract_end(start, months) if months else None,
        "probation_months": 0 if employment == "pkwt" else 3,
        "base_salary": 7_000_000,
        "benefits": "Asuransi kesehatan swasta\nLaptop",
        "expires_on": start - timedelta(days=14),
        "signatory": signatory,
        "created_by": signatory,
    }
    values.update(fields)
    offer = Offer.objects.create(**values)
    OfferAllowance.objects.bulk_create(
        OfferAllowance(offer=offer, kind=kind, name=name, amount=amount, position=n)
        for n, (kind, name, amount) in enumerate(allowances)
    )
    return offer


def contract_data_make(**overrides: object) -> ContractData:
    """Everything Ps 54(1) needs that the offer does not give (rule C5)."""
    values: dict[str, object] = {
        "company_name": "PT Nusantara Maju Bersama",
        "company_address": "Jl. Jenderal Sudirman Kav. 52, Jakarta Selatan",
        "company_business": "Perdagangan eceran",
        "worker_sex": "f",
        "worker_birth_date": date(1996, 5, 20),
        "worker_address": "Jl. Melati No. 7, Bandung",
        "pay_method": "transfer",
        "pay_day": 25,
        "signing_place": "Jakarta",
        "signing_date": timezone.localdate(),
        "signatory_title": "Direktur Sumber Daya Manusia",
    }
    values.update(overrides)
    return ContractData(**values)  # type: ignore[arg-type]


def scan_make(text: str = "Kontrak ditandatangani") -> ScanUpload:
    return ScanUpload(name="kontrak-bertanda-tangan.pdf", data=pdf_bytes(text))


def contract_make(
    *, application: Application, actor: User, offer: Offer | None = None, **data: object
) -> Contract:
    """A draft contract generated through the service, from an accepted offer made if there is none."""
    if offer is None and not Offer.objects.filter(application=application, status="accepted").exists():
        offer_accepted_make(application=application, signatory=actor)
    return services.contract_generate(actor=actor, application=application, data=contract_data_make(**data))


def contract_sign_fully(*, contract: Contract, actor: User, on: date | None = None) -> Contract:
    """Sent, signed by the candidate and by the company on `on` (today), with a scan."""
    on = on or timezone.localdate()
    contract = services.contract_send(actor=actor, contract=contract)
    contract = services.contract_candidate_sign(actor=actor, contract=contract, signed_on=on)
    return services.contract_company_sign(actor=actor, contract=contract, signed_on=on, scan=scan_make())
