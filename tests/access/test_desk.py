"""Access matrix, the staff desk: job and candidate lists, my work, the board and its moves, a candidate's
page, CV and merge."""

from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from rekrut.jobs.models import StageKind
from rekrut.notifications.models import OutboxMessage
from rekrut.pipeline import services as pipeline_services
from rekrut.pipeline.models import ApplicationStatus, RejectReason
from tests.access.matrix import (
    CANDIDATE_NAMES,
    JOB_TITLES,
    TEAM_ROLES,
    TEAMS,
    Call,
    Case,
    Page,
    World,
    access_check,
    anyone,
    candidate_call,
    hr_staff,
    job_call,
    params,
    sees,
    team_hr_owner,
    team_hr_staff,
    team_managers,
    team_members,
)
from tests.pipeline.factories import application_make


def _screening(world: World, team: str | None) -> Any:
    assert team
    return world.jobs[team].stages.get(kind=StageKind.SCREENING)


def _merge(world: World, team: str | None) -> Call:
    """The team's candidate and a second record of the same person, who applied for the same job again."""
    assert team
    keep = world.applications[team].candidate
    twin = application_make(job=world.jobs[team], full_name=keep.full_name, email=keep.email.upper())
    return Call(args=(keep.pk, twin.candidate_id))


def _move_back(world: World, team: str | None) -> Call:
    """The team's application, moved on to CV screening by mistake, to be moved back to Applied."""
    application = pipeline_services.application_move(
        application=world.application(team or ""),
        to_stage=_screening(world, team),
        actor=world.personas.hr_admin,
        expected_version=None,
    )
    return Call(args=(application.pk,), data={"version": application.version, "reason": "Salah geser."})


def _move(world: World, team: str | None) -> Call:
    application = world.application(team or "")
    return Call(
        args=(application.pk,), data={"version": application.version, "to_stage": _screening(world, team).pk}
    )


def _reject(world: World, team: str | None) -> Call:
    application = world.application(team or "")
    reason = RejectReason.objects.filter(is_active=True).first()
    assert reason, "the data migration's reject reasons are missing"
    return Call(args=(application.pk,), data={"version": application.version, "reason": reason.pk})


def _version(world: World, team: str | None) -> Call:
    application = world.application(team or "")
    return Call(args=(application.pk,), data={"version": application.version})


def _reopen(world: World, team: str | None) -> Call:
    application = pipeline_services.application_reject(
        application=world.application(team or ""),
        reason=RejectReason.objects.filter(is_active=True).first(),  # type: ignore[arg-type]
        actor=world.personas.hr_admin,
        expected_version=None,
        notify_candidate=False,
    )
    return Call(args=(application.pk,), data={"version": application.version, "note": "Salah klik."})


def _candidate_message(world: World, team: str | None) -> Call:
    """An e-mail Rekrut sent to the team's candidate."""
    candidate = world.application(team or "").candidate
    message = OutboxMessage.objects.create(
        key=f"access-{team}",
        to=candidate.email,
        subject="Undangan",
        body="Halo",
        next_attempt_at=timezone.now(),
    )
    return Call(args=(candidate.pk, message.pk))


def _status_is(status: str) -> Callable[[World, str | None], bool]:
    return lambda world, team: world.application(team or "").status == status


def _my_work_lists(persona: str) -> set[str]:
    # A new application waits in "Applied", which its team's HR owner works on.
    return {team for team, roles in TEAM_ROLES.items() if roles.get(persona) == "hr_owner"}


def _visible_teams(persona: str) -> set[str]:
    return {team for team in TEAMS if sees(persona, team)}


PAGES: tuple[Page, ...] = (
    # jobs
    Page("desk:jobs", anyone, listed=_visible_teams, listed_text=JOB_TITLES),
    # pipeline
    Page("desk:my_work", anyone, listed=_my_work_lists, listed_text=CANDIDATE_NAMES),
    Page("desk:board", team_members, teams=TEAMS, call=job_call),
    # A column's next cards, loaded as the board scrolls: the board's own audience.
    Page(
        "desk:board_cards",
        team_members,
        teams=TEAMS,
        call=lambda world, team: Call(args=(world.jobs[team or ""].pk, _screening(world, team).pk)),
    ),
    # The ranking of applicants in CV screening: a list to read, for the job's team and HR admins.
    Page("desk:ranking", team_members, teams=TEAMS, call=job_call),
    # Downloads of personal data: HR only, each seeing what they may see (desk.exporting).
    Page("desk:candidates_export", hr_staff, call=lambda world, team: Call(args=("csv",))),
    Page(
        "desk:applications_export",
        team_hr_staff,
        teams=TEAMS,
        call=lambda world, team: Call(args=(*job_call(world, team).args, "xlsx")),
    ),
    Page(
        "desk:move",
        team_managers,
        method="post",
        teams=TEAMS,
        call=_move,
        happened=lambda world, team: world.application(team or "").stage == _screening(world, team),
        success=("desk:board",),
    ),
    Page(
        "desk:move_back",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=_move_back,
        happened=lambda world, team: world.application(team or "").stage.kind == StageKind.APPLIED,
        success=("desk:board",),
    ),
    Page(
        "desk:reject",
        team_managers,
        method="post",
        teams=TEAMS,
        call=_reject,
        happened=_status_is(ApplicationStatus.REJECTED),
        success=("desk:board",),
    ),
    Page(
        "desk:withdraw",
        team_managers,
        method="post",
        teams=TEAMS,
        call=_version,
        happened=_status_is(ApplicationStatus.WITHDRAWN),
        success=("desk:candidate",),
    ),
    Page(
        "desk:reopen",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=_reopen,
        happened=_status_is(ApplicationStatus.ACTIVE),
        success=("desk:candidate",),
    ),
    # candidates
    Page("desk:candidates", anyone, listed=_visible_teams, listed_text=CANDIDATE_NAMES),
    Page("desk:candidate", team_members, teams=TEAMS, call=candidate_call),
    Page("desk:candidate_cv", team_members, teams=TEAMS, call=candidate_call),  # the world's CV
    Page("desk:candidate_message", team_members, teams=TEAMS, call=_candidate_message),
    Page("desk:merge", team_hr_staff, teams=TEAMS, call=_merge),
)


@pytest.mark.parametrize("case", params(PAGES))
def test_access(case: Case, world: World, client) -> None:
    access_check(case, world, client)
