"""Contracts for the demo company: of the active applications at a contract stage whose offer was accepted,
the first is taken through the signing steps to "signed by both" (its registration due date shows) and the
second is left sent; an application the demo walks past its contract stage signs one first. Through the
services; a second run changes nothing."""

from django.db import transaction
from django.utils import timezone

from rekrut.accounts.models import User
from rekrut.contracts import services
from rekrut.contracts.models import Contract
from rekrut.contracts.services import ContractData, ScanUpload
from rekrut.jobs.models import HiringTeamMember, StageKind, TeamRole
from rekrut.offers.models import Offer
from rekrut.pipeline.models import Application
from rekrut.pipeline.services import application_move
from rekrut.pipeline.transitions import ApplicationStatus


def _scan() -> ScanUpload:
    from weasyprint import HTML  # the demo's scan is a rendered page, as a scanner's PDF would be

    data = HTML(string="<h1>Perjanjian kerja (pindaian)</h1><p>Ditandatangani kedua pihak.</p>").write_pdf()
    return ScanUpload(name="pindaian-kontrak.pdf", data=data)


def contract_demo_data() -> ContractData:
    return ContractData(
        company_name="PT Nusantara Maju Bersama",
        company_address="Jl. Jenderal Sudirman Kav. 52-53, Senayan, Jakarta Selatan 12190",
        company_business="Perdagangan eceran dan distribusi barang konsumsi",
        worker_sex="f",
        worker_birth_date=timezone.localdate().replace(year=timezone.localdate().year - 27, day=1),
        worker_address="Jl. Melati No. 7, RT 03/RW 05, Cibeunying, Bandung",
        pay_method="transfer",
        pay_day=25,
        signing_place="Jakarta",
        signing_date=timezone.localdate(),
        signatory_title="Manajer Sumber Daya Manusia",
    )


def _one_moved_to_its_contract_stage() -> None:
    """The demo's walk leaves no application at a contract stage; the one whose offer was accepted at the
    offer stage moves on to it, as HR would (the offer stage's exit rule holds: its offer is accepted)."""
    at_contract = Application.objects.filter(status=ApplicationStatus.ACTIVE, stage__kind=StageKind.CONTRACT)
    if at_contract.exists() or Contract.objects.filter(application__stage__kind=StageKind.CONTRACT).exists():
        return
    accepted = Offer.objects.filter(status="accepted").values("application_id")
    application = (
        Application.objects.filter(
            status=ApplicationStatus.ACTIVE, stage__kind=StageKind.OFFER, pk__in=accepted
        )
        .select_related("job")
        .order_by("pk")
        .first()
    )
    if application is None:
        return
    owner = HiringTeamMember.objects.filter(job=application.job, role=TeamRole.HR_OWNER).first()
    contract_stage = application.job.stages.filter(kind=StageKind.CONTRACT, is_active=True).first()
    if owner is None or contract_stage is None:
        return
    application_move(
        application=application, to_stage=contract_stage, actor=owner.user, expected_version=None
    )


def contracts_demo_make(users: dict[str, User]) -> int:
    """Returns how many applications got a contract now."""
    _one_moved_to_its_contract_stage()
    waiting = (
        Application.objects.filter(status=ApplicationStatus.ACTIVE, stage__kind=StageKind.CONTRACT)
        .filter(pk__in=Offer.objects.filter(status="accepted").values("application_id"))
        .exclude(pk__in=Contract.objects.values("application_id"))
        .order_by("pk")[:2]
    )
    made = 0
    for index, application in enumerate(waiting):
        owner = HiringTeamMember.objects.filter(job=application.job, role=TeamRole.HR_OWNER).first()
        actor = owner.user if owner else users["sari"]
        today = timezone.localdate()
        with transaction.atomic():
            contract = services.contract_generate(
                actor=actor, application=application, data=contract_demo_data()
            )
            contract = services.contract_send(actor=actor, contract=contract)
            if index == 0:
                contract = services.contract_candidate_sign(actor=actor, contract=contract, signed_on=today)
                services.contract_company_sign(actor=actor, contract=contract, signed_on=today, scan=_scan())
        made += 1
    return made


def contract_signed(*, application: Application, actor: User) -> None:
    """A demo application walked past its contract stage signed its contract first (the exit rule holds)."""
    if Contract.objects.filter(application=application, status="signed").exists():
        return
    today = timezone.localdate()
    contract = services.contract_generate(actor=actor, application=application, data=contract_demo_data())
    contract = services.contract_send(actor=actor, contract=contract)
    contract = services.contract_candidate_sign(actor=actor, contract=contract, signed_on=today)
    services.contract_company_sign(actor=actor, contract=contract, signed_on=today, scan=_scan())
