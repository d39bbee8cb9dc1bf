"""Interview fixtures: team A's job with its interview plan, and helpers to hold interviews and submit
scorecards through the real services."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from rekrut.accounts.services import api_token_create
from rekrut.interviews.models import PlanRound, RoundType
from rekrut.interviews.services.interviews import interview_schedule
from rekrut.interviews.services.plans import interview_plan_ensure
from rekrut.interviews.services.scorecards import ScorecardInput, scorecard_submit
from rekrut.jobs.models import StageKind
from tests.pipeline.factories import application_make


def rounds_of(job) -> dict[str, PlanRound]:
    interview_plan_ensure(job=job)
    return {r.round_type: r for r in PlanRound.objects.filter(job=job, stage__is_active=True)}


@pytest.fixture
def plan(team_a_job) -> dict[str, PlanRound]:
    """Team A's rounds by type: hr (Rina), user (Budi and Maya), superior (nobody on the team)."""
    return rounds_of(team_a_job)


def held(application, plan_round, interviewers, *, actor=None, hours_ago=3, minutes=45, add_to_team=True):
    """An interview that already took place (or, with negative hours_ago, one still to come). Interviewers
    off the hiring team join it, as HR does when scheduling them (add_to_team=False: they are refused)."""
    actor = actor or next(iter(plan_round.job.team.filter(role="hr_owner"))).user
    return interview_schedule(
        actor=actor,
        application=application,
        plan_round=plan_round,
        starts_at=timezone.now() - timedelta(hours=hours_ago),
        duration_minutes=minutes,
        interviewers=interviewers,
        notify=False,
        add_to_team=add_to_team,
        allow_past=hours_ago > 0,
    )


def content(plan_round, recommendation="yes", rating=3, **extra) -> ScorecardInput:
    codes = list(plan_round.round_attributes.values_list("attribute__code", flat=True))
    return ScorecardInput(
        ratings=dict.fromkeys(codes, rating),
        evidence={codes[0]: f"Evidence for {codes[0]}"},
        recommendation=recommendation,
        **extra,
    )


def submit(interview, person, recommendation="yes", rating=3, **extra):
    return scorecard_submit(
        actor=person, interview=interview, content=content(interview.round, recommendation, rating, **extra)
    )


@pytest.fixture
def api_for():
    """api_for(user): an API client sending a fresh token of that user."""

    def make(user):
        _, key = api_token_create(user=user, name="tests")
        return Client(HTTP_AUTHORIZATION=f"Bearer {key}", HTTP_ACCEPT_LANGUAGE="en")

    return make


@pytest.fixture
def at_user_stage(team_a_job, plan):
    return application_make(job=team_a_job, stage_kind=StageKind.USER_INTERVIEW, full_name="Putri Maharani")


__all__ = ["RoundType", "content", "held", "rounds_of", "submit"]
