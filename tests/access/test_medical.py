"""Access matrix, medical: an application's MCU page (everyone who sees the application reads the
conclusion), HR's actions on a check-up (the job's HR owner and HR admins), the health details and the
report (only with the explicit permission: nobody in the world holds it, so those are 403 or 404), and the
candidate's invitation (the signed link, no account). Who may see health data: test_accounts.py."""

from datetime import timedelta

import pytest
from django.utils import timezone

from rekrut.core.signed_links import signed_link_issue
from rekrut.medical.models import CheckStatus, MedicalCheck
from rekrut.medical.services import INVITE_PURPOSE
from rekrut.notifications.models import OutboxMessage
from tests.access.matrix import (
    FORBIDDEN,
    NOT_FOUND,
    TEAMS,
    Call,
    Case,
    Page,
    World,
    access_check,
    anyone,
    params,
    sees,
    team_hr_owner,
    team_members,
)
from tests.medical.factories import medical_check_make


def _application_call(world: World, team: str | None) -> Call:
    return Call(args=(world.applications[team or ""].pk,))


def _check(world: World, team: str | None) -> MedicalCheck:
    check = medical_check_make(application=world.application(team or ""), actor=world.personas.hr_admin)
    world.scratch["check"] = check
    return check


def _check_call(world: World, team: str | None, **data: object) -> Call:
    check = _check(world, team)
    return Call(args=(check.pk,), data={"version": check.version, **data})


def _later() -> str:
    return timezone.localtime(timezone.now() + timedelta(days=4)).strftime("%Y-%m-%dT%H:%M")


def _reschedule(world: World, team: str | None) -> Call:
    check = _check(world, team)
    data = {"provider": check.provider_id, "package": check.package_id, "scheduled_at": _later()}
    return Call(args=(check.pk,), data={"version": check.version, **data})


def _current(world: World) -> MedicalCheck:
    return MedicalCheck.objects.get(pk=world.scratch["check"].pk)


def _details_policy(persona: str, team: str | None) -> object:
    assert team
    return FORBIDDEN if sees(persona, team) else NOT_FOUND


def _invitation(world: World, team: str | None) -> Call:
    check = _check(world, team)
    issued = signed_link_issue(
        purpose=INVITE_PURPOSE, subject=check, valid_for=timedelta(days=1), created_by=None
    )
    return Call(args=(issued.token,))


PAGES: tuple[Page, ...] = (
    Page("medical:application", team_members, teams=TEAMS, call=_application_call),
    Page(
        "medical:reschedule",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=_reschedule,
        happened=lambda world, team: _current(world).version > 1,
        success=("medical:application",),
    ),
    Page(
        "medical:cancel",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=lambda world, team: _check_call(world, team, reason="Klinik tutup"),
        happened=lambda world, team: _current(world).status == CheckStatus.CANCELLED,
        success=("medical:application",),
    ),
    Page(
        "medical:invite",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=_check_call,
        happened=lambda world, team: OutboxMessage.objects.filter(
            key__startswith=f"medical-invite-{world.scratch['check'].pk}-"
        ).exists(),
        success=("medical:application",),
    ),
    Page(
        "medical:result",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=lambda world, team: _check_call(world, team, conclusion="fit"),
        happened=lambda world, team: _current(world).conclusion == "fit",
        success=("medical:application",),
    ),
    Page("medical:details", _details_policy, teams=TEAMS, call=_check_call),  # type: ignore[arg-type]
    Page("medical:report", _details_policy, teams=TEAMS, call=_check_call),  # type: ignore[arg-type]
    Page("medical:invitation", anyone, teams=TEAMS, login_required=False, call=_invitation),
)


@pytest.mark.parametrize("case", params(PAGES))
def test_access(case: Case, world: World, client) -> None:
    access_check(case, world, client)
