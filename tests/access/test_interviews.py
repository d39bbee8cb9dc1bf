"""Access matrix, interviews: my interviews, the question bank, a job's plan, policy and rounds with their
kits, an application's interviews and evaluation, the decision, an interview's kit, times, scorecard and
forms. Each team's interview is the world's (World.interviews), held with the people in ASSIGNED."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from rekrut.interviews.models import Attribute, Decision, DecisionPolicy, InterviewStatus, Question
from rekrut.interviews.services.plans import question_create
from rekrut.jobs.models import JobFamily
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
    question_author,
    team_assigned_interviewer,
    team_hr_owner,
    team_managers,
    team_managers_or_assigned,
    team_members,
)


def _interview_call(world: World, team: str | None) -> Call:
    return Call(args=(world.interviews[team or ""].pk,))


def _interview_application(world: World, team: str | None) -> Call:
    return Call(args=(world.interviews[team or ""].application_id,))


def _round(world: World, team: str | None) -> Any:
    return world.interviews[team or ""].round


def _round_call(world: World, team: str | None) -> Call:
    return Call(args=(_round(world, team).pk,))


def _kit(world: World, team: str | None) -> list[int]:
    return list(_round(world, team).kit.order_by("position", "pk").values_list("question_id", flat=True))


def _kit_add(world: World, team: str | None) -> Call:
    plan_round = _round(world, team)
    question = (
        Question.objects.filter(is_active=True, round_type=plan_round.round_type)
        .exclude(pk__in=_kit(world, team))
        .first()
    )
    assert question, "the shipped question bank has no spare question for this round"
    world.scratch["question"] = question
    return Call(args=(plan_round.pk,), data={"question": question.pk})


def _kit_first(world: World, team: str | None, **data: str) -> Call:
    kit = _kit(world, team)
    assert len(kit) >= 2, "the round's kit was not filled from the question bank"
    world.scratch["kit"] = kit
    return Call(args=(_round(world, team).pk,), data={"question": kit[0], **data})


def _decide(world: World, team: str | None) -> Call:
    application = world.interviews[team or ""].application
    data = {
        "version": application.version,
        "outcome": "hold",
        "reason": "Menunggu hasil interview user.",
        "override": "on",
        "override_reason": "Kandidat punya tawaran lain.",
    }
    return Call(args=(application.pk,), data=data)


def _times(world: World, team: str | None) -> Call:
    interview = world.interviews[team or ""]
    local = timezone.localtime(interview.starts_at)
    data = {
        "started_at": local.strftime("%Y-%m-%dT%H:%M"),
        "ended_at": (local + timedelta(minutes=50)).strftime("%Y-%m-%dT%H:%M"),
    }
    return Call(args=(interview.pk,), data=data)


def _question(world: World, team: str | None) -> Call:
    question = question_create(
        actor=world.personas.recruiter,
        round_type="hr",
        job_family=JobFamily.GENERAL,
        text_id="Ceritakan saat Anda menenangkan pelanggan yang marah.",
        text_en="Tell about a time you calmed an angry customer.",
        attributes=Attribute.objects.all()[:1],
    )
    world.scratch["question"] = question
    return Call(args=(question.pk,))


def _interview_status_is(status: str) -> Callable[[World, str | None], bool]:
    return lambda world, team: world.interview(team or "").status == status


PAGES: tuple[Page, ...] = (
    Page("interviews:mine", anyone),
    Page("interviews:questions", anyone),
    Page(
        "interviews:question_retire",
        question_author,
        method="post",
        call=_question,
        happened=lambda world, team: not Question.objects.get(pk=world.scratch["question"].pk).is_active,
        success=("interviews:questions",),
    ),
    Page("interviews:plan", team_members, teams=TEAMS, call=job_call),
    Page(
        "interviews:policy",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=lambda world, team: Call(
            args=(world.jobs[team or ""].pk,), data={"hr_is_gate": "on", "strong_user_yes_weight": "1"}
        ),
        happened=lambda world, team: DecisionPolicy.objects.filter(job=world.jobs[team or ""]).exists(),
        success=("interviews:plan",),
    ),
    Page("interviews:round_edit", team_members, teams=TEAMS, call=_round_call),
    Page("interviews:round_form_pdf", team_members, teams=TEAMS, call=_round_call),
    Page(
        "interviews:kit_add",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=_kit_add,
        happened=lambda world, team: world.scratch["question"].pk in _kit(world, team),
        success=("interviews:round_edit",),
    ),
    Page(
        "interviews:kit_remove",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=_kit_first,
        happened=lambda world, team: world.scratch["kit"][0] not in _kit(world, team),
        success=("interviews:round_edit",),
    ),
    Page(
        "interviews:kit_move",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=lambda world, team: _kit_first(world, team, offset="1"),
        happened=lambda world, team: _kit(world, team)[:2] == world.scratch["kit"][1::-1],
        success=("interviews:round_edit",),
    ),
    Page(
        "interviews:kit_share",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=lambda world, team: _kit_first(world, team, shareable="on"),
        happened=lambda world, team: (
            _round(world, team).kit.get(question_id=world.scratch["kit"][0]).shareable
        ),
        success=("interviews:round_edit",),
    ),
    Page(
        "interviews:kit_suggest",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=_round_call,
        success=("interviews:round_edit",),
    ),
    Page("interviews:application", team_members, teams=TEAMS, call=_interview_application),
    Page("interviews:evaluation", team_members, teams=TEAMS, call=_interview_application),
    Page(
        "interviews:decide",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=_decide,
        happened=lambda world, team: Decision.objects.filter(
            application_id=world.interviews[team or ""].application_id
        ).exists(),
        success=("interviews:evaluation",),
    ),
    Page("interviews:kit", team_members, teams=TEAMS, call=_interview_call),
    Page(
        "interviews:times",
        team_managers_or_assigned,
        method="post",
        teams=TEAMS,
        call=_times,
        happened=lambda world, team: world.interview(team or "").actual_started_at is not None,
        success=("interviews:kit",),
    ),
    Page(
        "interviews:cancel",
        team_managers,
        method="post",
        teams=TEAMS,
        call=lambda world, team: Call(
            args=(world.interviews[team or ""].pk,), data={"reason": "Jadwal bentrok."}
        ),
        happened=_interview_status_is(InterviewStatus.CANCELLED),
        success=("interviews:application",),
    ),
    Page("interviews:scorecard", team_assigned_interviewer, teams=TEAMS, call=_interview_call),
    Page("interviews:form_pdf", team_members, teams=TEAMS, call=_interview_call),
    Page("interviews:calendar", team_members, teams=TEAMS, call=_interview_call),
)


@pytest.mark.parametrize("case", params(PAGES))
def test_access(case: Case, world: World, client) -> None:
    access_check(case, world, client)
