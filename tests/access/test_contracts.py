"""Access matrix, contracts: a contract states the wage, salary data (UU PDP Ps 4, rule P2), so its page,
its documents and its scans are for exactly the people who see the offer (rekrut.offers.access: the
job's HR owner, HR admins, the hiring manager and the job's director); generating it and recording its
steps are for the HR owner and HR admins. Others on the team get a 403; people off the team a 404."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from rekrut.contracts import services
from rekrut.contracts.models import Contract, ContractStatus
from tests.access.matrix import (
    TEAMS,
    Call,
    Case,
    Page,
    World,
    access_check,
    params,
    team_action,
    team_hr_owner,
)
from tests.candidates.filebuilders import pdf_bytes
from tests.contracts.factories import contract_make, scan_make

# Who sees a contract: who sees the offer (rekrut.offers.access, reused by rekrut.contracts.access).
team_contract_readers = team_action("hr_owner", "user", "director")


def _application_call(world: World, team: str | None) -> Call:
    return Call(args=(world.applications[team or ""].pk,))


def _contract(world: World, team: str | None, steps: int = 0) -> Contract:
    """The team's application with an accepted offer and a contract taken `steps` signing steps on."""
    actor, today = world.personas.hr_admin, timezone.localdate()
    contract = contract_make(application=world.application(team or ""), actor=actor)
    if steps >= 1:
        contract = services.contract_send(actor=actor, contract=contract)
    if steps >= 2:
        contract = services.contract_candidate_sign(
            actor=actor, contract=contract, signed_on=today, scan=scan_make()
        )
    if steps >= 3:
        contract = services.contract_company_sign(actor=actor, contract=contract, signed_on=today)
    world.scratch["contract"] = contract
    return contract


def _contract_call(steps: int, **data: object):
    def call(world: World, team: str | None) -> Call:
        return Call(args=(_contract(world, team, steps).pk,), data=dict(data))

    return call


def _scan_call(world: World, team: str | None) -> Call:
    return Call(args=(_contract(world, team, steps=2).scans.get().pk,))


def _generate_call(world: World, team: str | None) -> Call:
    from tests.contracts.factories import offer_accepted_make

    application = world.application(team or "")
    offer_accepted_make(application=application, signatory=world.personas.hr_admin)
    return Call(args=(application.pk,))


def _status(world: World) -> str:
    return Contract.objects.get(pk=world.scratch["contract"].pk).status


def _today() -> str:
    return timezone.localdate().isoformat()


PAGES: tuple[Page, ...] = (
    Page("contracts:detail", team_contract_readers, teams=TEAMS, call=_application_call),
    Page("contracts:generate", team_hr_owner, teams=TEAMS, call=_generate_call),
    Page("contracts:document", team_contract_readers, teams=TEAMS, call=_contract_call(0)),
    Page("contracts:scan", team_contract_readers, teams=TEAMS, call=_scan_call),
    Page(
        "contracts:send",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=_contract_call(0),
        happened=lambda world, team: _status(world) == ContractStatus.SENT,
        success=("contracts:detail",),
    ),
    Page(
        "contracts:candidate_signed",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=lambda world, team: _contract_call(1, signed_on=_today())(world, team),
        happened=lambda world, team: _status(world) == ContractStatus.CANDIDATE_SIGNED,
        success=("contracts:detail",),
    ),
    Page(
        "contracts:company_signed",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=lambda world, team: _contract_call(2, signed_on=_today())(world, team),
        happened=lambda world, team: _status(world) == ContractStatus.SIGNED,
        success=("contracts:detail",),
    ),
    Page(
        "contracts:scan_upload",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=lambda world, team: _contract_call(
            2, scan=SimpleUploadedFile("scan.pdf", pdf_bytes("Kontrak"), content_type="application/pdf")
        )(world, team),
        happened=lambda world, team: Contract.objects.get(pk=world.scratch["contract"].pk).scans.count() == 2,
        success=("contracts:detail",),
    ),
    Page(
        "contracts:register",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=lambda world, team: _contract_call(3, registered_on=_today(), registration_number="PKWT/1")(
            world, team
        ),
        happened=lambda world, team: (
            Contract.objects.get(pk=world.scratch["contract"].pk).registered_on is not None
        ),
        success=("contracts:detail",),
    ),
)


@pytest.mark.parametrize("case", params(PAGES))
def test_access(case: Case, world: World, client) -> None:
    access_check(case, world, client)
