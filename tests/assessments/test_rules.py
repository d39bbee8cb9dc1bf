"""The decision policy on results: a job's rule holds an application before a stage kind unless HR
overrides it with a reason; results still pending hold an application in the assessment stage; the board
shows both like the other blockers."""

from decimal import Decimal

import pytest

from rekrut.assessments.guards import PENDING, RULE
from rekrut.assessments.models import ResultShape
from rekrut.assessments.services.assessments import assessment_result_record
from rekrut.assessments.services.rules import assessment_rule_add
from rekrut.core.errors import AccessDenied, DomainError
from rekrut.jobs.models import StageKind
from rekrut.pipeline.models import Transition
from rekrut.pipeline.selectors import move_blocks
from rekrut.pipeline.services import application_move
from tests.assessments.factories import assessment_make, type_make


@pytest.fixture
def psikotes(db):
    return type_make(name="Psikotes", shape=ResultShape.CATEGORY)


@pytest.fixture
def rule(team_a_job, psikotes, personas):
    return assessment_rule_add(
        actor=personas.recruiter,
        job=team_a_job,
        assessment_type=psikotes,
        blocking_outcome="failed",
        stage_kind=StageKind.USER_INTERVIEW,
    )


def _record(at_assessment, psikotes, personas, category):
    assessment = assessment_make(application=at_assessment, assessment_type=psikotes)
    return assessment_result_record(
        actor=personas.recruiter, assessment=assessment, expected_version=1, category=category
    )


def _stage(job, kind):
    return job.stages.get(kind=kind)


def _to_hr_interview(application, personas, job):
    return application_move(
        application=application,
        to_stage=_stage(job, StageKind.HR_INTERVIEW),
        actor=personas.recruiter,
        expected_version=None,
    )


def test_not_recommended_blocks_moving_to_the_user_interview(
    rule, at_assessment, psikotes, personas, team_a_job
):
    _record(at_assessment, psikotes, personas, "not_recommended")
    # The HR interview comes first and stays open; the rule holds the application there.
    at_assessment = _to_hr_interview(at_assessment, personas, team_a_job)
    with pytest.raises(DomainError) as refused:
        application_move(
            application=at_assessment,
            to_stage=_stage(team_a_job, StageKind.USER_INTERVIEW),
            actor=personas.recruiter,
            expected_version=None,
        )
    assert refused.value.code == "exit_blocked"
    assert "Psikotes" in str(refused.value.message) and "User interview" in str(refused.value.message)
    blockers = move_blocks(job=team_a_job, applications=[at_assessment])[at_assessment.pk]
    assert RULE in [b.code for b in blockers]  # beside the interview's own (its scorecard)


def test_hr_overrides_the_rule_with_a_reason_kept_in_the_history(
    rule, at_assessment, psikotes, personas, team_a_job
):
    _record(at_assessment, psikotes, personas, "not_recommended")
    at_assessment = _to_hr_interview(at_assessment, personas, team_a_job)
    moved = application_move(
        application=at_assessment,
        to_stage=_stage(team_a_job, StageKind.USER_INTERVIEW),
        actor=personas.recruiter,
        expected_version=None,
        override=True,
        override_reason="Kandidat langka untuk posisi ini; user ingin bertemu.",
    )
    assert moved.stage.kind == StageKind.USER_INTERVIEW
    row = Transition.objects.filter(application=moved).latest("pk")
    assert row.is_override and row.override_reason.startswith("Kandidat langka")


def test_the_hiring_manager_cannot_override_the_rule(rule, at_assessment, psikotes, personas, team_a_job):
    _record(at_assessment, psikotes, personas, "not_recommended")
    at_assessment = _to_hr_interview(at_assessment, personas, team_a_job)
    with pytest.raises(AccessDenied):
        application_move(
            application=at_assessment,
            to_stage=_stage(team_a_job, StageKind.USER_INTERVIEW),
            actor=personas.hiring_manager,
            expected_version=None,
            override=True,
            override_reason="Saya mau.",
        )


@pytest.mark.parametrize("category", ["recommended", "considered"])
def test_other_outcomes_pass_a_rule_on_not_recommended(
    rule, at_assessment, psikotes, personas, team_a_job, category
):
    _record(at_assessment, psikotes, personas, category)
    assert move_blocks(job=team_a_job, applications=[at_assessment])[at_assessment.pk] == []


def test_a_required_stage_between_keeps_the_rule_for_later(
    rule, at_assessment, psikotes, personas, team_a_job
):
    # The HR interview (required) comes before the user interview: the psikotes stage may still be left.
    _record(at_assessment, psikotes, personas, "not_recommended")
    assert move_blocks(job=team_a_job, applications=[at_assessment])[at_assessment.pk] == []


def test_a_borderline_rule_also_holds_a_failure(team_a_job, psikotes, personas, at_assessment):
    assessment_rule_add(
        actor=personas.recruiter,
        job=team_a_job,
        assessment_type=psikotes,
        blocking_outcome="borderline",
        stage_kind=StageKind.HR_INTERVIEW,
    )
    _record(at_assessment, psikotes, personas, "not_recommended")
    assert [b.code for b in move_blocks(job=team_a_job, applications=[at_assessment])[at_assessment.pk]] == [
        RULE
    ]


def test_a_rule_needs_the_jobs_hr_owner(team_a_job, psikotes, personas):
    with pytest.raises(AccessDenied):
        assessment_rule_add(
            actor=personas.hiring_manager,
            job=team_a_job,
            assessment_type=psikotes,
            blocking_outcome="failed",
            stage_kind=StageKind.USER_INTERVIEW,
        )


def test_a_pending_result_holds_the_application_in_the_assessment_stage(at_assessment, personas, team_a_job):
    assessment = assessment_make(application=at_assessment)
    assert [b.code for b in move_blocks(job=team_a_job, applications=[at_assessment])[at_assessment.pk]] == [
        PENDING
    ]
    assessment_result_record(
        actor=personas.recruiter, assessment=assessment, expected_version=1, score=Decimal(75)
    )
    assert move_blocks(job=team_a_job, applications=[at_assessment])[at_assessment.pk] == []


def test_the_board_asks_in_a_bounded_number_of_queries(
    team_a_job, psikotes, personas, django_assert_max_num_queries
):
    from tests.pipeline.factories import application_make

    assessment_rule_add(
        actor=personas.recruiter,
        job=team_a_job,
        assessment_type=psikotes,
        blocking_outcome="failed",
        stage_kind=StageKind.HR_INTERVIEW,
    )
    apps = [
        application_make(
            job=team_a_job,
            actor=personas.hr_admin,
            stage_kind=StageKind.ASSESSMENT,
            email=f"p{i}@example.com",
        )
        for i in range(6)
    ]
    for app in apps:
        _record(app, psikotes, personas, "not_recommended")
    # Pending results, the rules, and for a job with rules its stages and the cards' results.
    with django_assert_max_num_queries(4):
        from rekrut.assessments.guards import assessment_exit_blockers

        answer = assessment_exit_blockers(team_a_job, apps)
    assert len(answer) == 6


def test_the_evaluation_advice_mentions_the_rule_holding_the_application(
    rule, at_assessment, psikotes, personas, team_a_job, client_for
):
    from django.urls import reverse

    at_assessment = _to_hr_interview(at_assessment, personas, team_a_job)
    url = reverse("interviews:evaluation", args=[at_assessment.pk])
    client = client_for(personas.recruiter)
    assert 'id="assessment-holds"' not in client.get(url).content.decode()  # no result yet: nothing holds
    _record(at_assessment, psikotes, personas, "not_recommended")
    page = client.get(url).content.decode()
    advice = page[page.index('id="advice"') :]
    assert 'id="assessment-holds"' in advice
    assert "This job&#x27;s rule holds the application before" in advice and "Psikotes" in advice
