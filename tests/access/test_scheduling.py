"""Access matrix, scheduling (planning): scheduling an application's interview, moving one, my week and a
job's week. Scheduling and moving belong to the job's managers (its HR owner and user, HR admins); the
team's other members see the job's week; everyone has a week of their own, showing only their interviews
(and, for HR, those of the jobs they own)."""

from zoneinfo import ZoneInfo

import pytest

from rekrut.interviews.models import Interview
from rekrut.scheduling.selectors_week import week_label
from tests.access.matrix import (
    TEAMS,
    Call,
    Case,
    Page,
    World,
    access_check,
    anyone,
    job_call,
    params,
    team_managers,
    team_members,
)
from tests.scheduling.planning_setup import working_day

# Each team's interviewer for a new interview: its user, on the team (tests/conftest.py).
TEAM_USER = {"team_a": "hiring_manager", "team_b": "other_manager"}


def _schedule(world: World, team: str | None) -> Call:
    application = world.applications[team or ""]
    interviewer = getattr(world.personas, TEAM_USER[team or ""])
    data = {
        "round": application.job.interview_rounds.order_by("stage__position").first().pk,
        "day": working_day(3).isoformat(),
        "at": "10:00",
        "duration_minutes": "60",
        "mode": "on_site",
        "address": "Ruang Melati",
        "interviewers": [interviewer.pk],
    }
    return Call(args=(application.pk,), data=data)


def _reschedule(world: World, team: str | None) -> Call:
    interview = world.interviews[team or ""]
    data = {
        "day": working_day(4).isoformat(),
        "at": "10:00",
        "duration_minutes": "60",
        "mode": "on_site",
        "address": "Ruang Melati",
        "sequence": str(interview.calendar_sequence),
    }
    return Call(args=(interview.pk,), data=data)


def _week_of_the_interviews(world: World, team: str | None) -> Call:
    # The world's interviews began two hours ago: ask for their week, even early on a Monday.
    started = world.interviews["team_a"].starts_at.astimezone(ZoneInfo("Asia/Jakarta"))
    return Call(data={"week": week_label(started.date())})


# Who finds the team's interview in their own week: its interviewer, and the team's HR owner.
IN_MY_WEEK = {
    "interviewer": {"team_a"},
    "recruiter": {"team_a"},
    "other_manager": {"team_b"},
    "other_recruiter": {"team_b"},
}

PAGES: tuple[Page, ...] = (
    Page(
        "scheduling:schedule",
        team_managers,
        method="post",
        teams=TEAMS,
        call=_schedule,
        happened=lambda world, team: Interview.objects.filter(
            application_id=world.applications[team or ""].pk
        ).exists(),
        success=("interviews:application",),
    ),
    Page(
        "scheduling:reschedule",
        team_managers,
        method="post",
        teams=TEAMS,
        call=_reschedule,
        happened=lambda world, team: world.interview(team or "").location == "Ruang Melati",
        success=("interviews:kit",),
    ),
    Page(
        "scheduling:week",
        anyone,
        call=_week_of_the_interviews,
        listed=lambda persona: IN_MY_WEEK.get(persona, set()),
        listed_text={"team_a": "Diwawancarai team_a", "team_b": "Diwawancarai team_b"},
    ),
    Page("scheduling:job_week", team_members, teams=TEAMS, call=job_call),
)


@pytest.mark.parametrize("case", params(PAGES))
def test_access(case: Case, world: World, client) -> None:
    access_check(case, world, client)
