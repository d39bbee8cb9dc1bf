"""The decision policy enforced by the move service: an interview stage is left once its scorecards are in,
the HR interview is a gate when the policy says so, and the internal evaluation is left with its recorded
decision. The board's move_blocks gives the same answer as the service, for any number of cards."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rekrut.core.errors import DomainError
from rekrut.interviews.guards import EVALUATION_UNDECIDED, NO_SCORECARD, SCORECARDS_PENDING
from rekrut.interviews.policy import Rules
from rekrut.interviews.services.decisions import decision_policy_set, decision_record
from rekrut.interviews.services.interviews import interview_cancel
from rekrut.jobs.models import StageKind
from rekrut.pipeline import services
from rekrut.pipeline.guards import exit_blockers
from rekrut.pipeline.models import TransitionKind
from rekrut.pipeline.selectors import move_blocks
from tests.interviews.conftest import held, submit
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


def blocks(application) -> list[str]:
    return [b.code for b in move_blocks(job=application.job, applications=[application])[application.pk]]


def next_stage(application):
    return application.job.stages.filter(is_active=True, position__gt=application.stage.position).first()


def move_on(application, actor, **extra):
    application.refresh_from_db()
    return services.application_move(
        application=application,
        to_stage=next_stage(application),
        actor=actor,
        expected_version=application.version,
        **extra,
    )


def policy(job, actor, **switches):
    decision_policy_set(actor=actor, job=job, rules=Rules(**switches))


def test_interviews_registers_its_exit_rules_with_the_pipeline():
    assert any(r.__module__ == "rekrut.interviews.guards" for r in exit_blockers.receivers)


@pytest.mark.parametrize(
    ("hr_is_gate", "recommendations", "blocked_by"),
    [
        (True, ["no"], "hr_gate"),
        (False, ["no"], None),
        (True, ["strong_no"], "hr_gate"),
        (False, ["strong_no"], None),
        (True, ["yes", "no"], "hr_split"),
        (False, ["yes", "no"], None),
        (True, ["yes"], None),
        (True, ["strong_yes", "yes"], None),
    ],
)
def test_hrs_verdict_gates_leaving_the_hr_interview_only_under_a_gating_policy(
    team_a_job, plan, personas, hr_is_gate, recommendations, blocked_by
):
    policy(team_a_job, personas.recruiter, hr_is_gate=hr_is_gate)
    application = application_make(job=team_a_job, stage_kind=StageKind.HR_INTERVIEW)
    panel = [personas.recruiter, personas.hr_admin][: len(recommendations)]
    interview = held(application, plan["hr"], panel)
    for person, recommendation in zip(panel, recommendations, strict=True):
        submit(interview, person, recommendation)

    reported = move_blocks(job=team_a_job, applications=[application])[application.pk]
    assert [b.code for b in reported] == ([blocked_by] if blocked_by else [])
    if blocked_by:
        with pytest.raises(DomainError) as refused:
            move_on(application, personas.recruiter)
        assert refused.value.code == "exit_blocked"
        assert str(refused.value.message) == f"The application cannot leave “HR interview” yet. {reported[0]}"
    else:
        assert move_on(application, personas.recruiter).stage.kind == StageKind.USER_INTERVIEW


def test_a_strong_user_yes_can_carry_hrs_no_when_the_policy_makes_it_decisive(team_a_job, plan, personas):
    policy(team_a_job, personas.recruiter, strong_user_yes_weight=2)
    application = application_make(job=team_a_job, stage_kind=StageKind.HR_INTERVIEW)
    submit(held(application, plan["hr"], [personas.recruiter]), personas.recruiter, "no")
    assert blocks(application) == ["hr_gate"]
    submit(held(application, plan["user"], [personas.hiring_manager]), personas.hiring_manager, "strong_yes")
    assert blocks(application) == []


def test_a_missing_scorecard_blocks_leaving_the_interview_and_names_who_owes_it(team_a_job, plan, personas):
    application = application_make(job=team_a_job, stage_kind=StageKind.USER_INTERVIEW)
    interview = held(application, plan["user"], [personas.hiring_manager, personas.interviewer])
    submit(interview, personas.hiring_manager, "yes")

    (blocker,) = move_blocks(job=team_a_job, applications=[application])[application.pk]
    assert blocker.code == SCORECARDS_PENDING
    assert str(blocker) == (
        f"1 scorecard of the “User interview” round is not in yet ({personas.interviewer})."
    )
    with pytest.raises(DomainError) as refused:
        move_on(application, personas.hiring_manager)
    assert refused.value.code == "exit_blocked" and "Maya" in str(refused.value.message)

    submit(interview, personas.interviewer, "yes")
    assert blocks(application) == []
    assert move_on(application, personas.hiring_manager).stage.kind == StageKind.EVALUATION


@pytest.mark.parametrize("kind", [StageKind.HR_INTERVIEW, StageKind.USER_INTERVIEW])
def test_an_interview_stage_without_a_submitted_scorecard_cannot_be_left(team_a_job, plan, personas, kind):
    application = application_make(job=team_a_job, stage_kind=kind)
    assert blocks(application) == [NO_SCORECARD]
    round_type = "hr" if kind == StageKind.HR_INTERVIEW else "user"
    interview = held(application, plan[round_type], [personas.hiring_manager])
    assert blocks(application) == [SCORECARDS_PENDING]
    interview_cancel(actor=personas.recruiter, interview=interview, reason="Kandidat sakit")
    assert blocks(application) == [NO_SCORECARD]  # a cancelled interview owes nothing and counts for nothing


def test_scorecards_of_another_round_do_not_count(team_a_job, plan, personas):
    application = application_make(job=team_a_job, stage_kind=StageKind.USER_INTERVIEW)
    submit(held(application, plan["hr"], [personas.recruiter]), personas.recruiter, "yes")
    assert blocks(application) == [NO_SCORECARD]


def test_the_evaluation_is_left_with_its_recorded_decision_to_go_on(team_a_job, plan, personas):
    application = application_make(job=team_a_job, stage_kind=StageKind.EVALUATION)
    assert blocks(application) == [EVALUATION_UNDECIDED]
    with pytest.raises(DomainError) as refused:
        move_on(application, personas.recruiter)
    assert refused.value.code == "exit_blocked"

    arguments = {
        "actor": personas.recruiter,
        "application": application,
        "reason": "Nilai HR dan user bagus",
        "expected_version": None,
        "override": True,
        "override_reason": "Test set-up: the interviews were on paper",
    }
    decision_record(**arguments, outcome="hold")
    assert blocks(application) == [EVALUATION_UNDECIDED]  # holding is not going on
    medical = team_a_job.stages.get(kind=StageKind.MEDICAL)
    decision_record(**arguments, outcome="proceed", to_stage=medical)
    application.refresh_from_db()
    assert application.stage == medical

    # HR undoes the move: the decision still stands, so the evaluation can be left again.
    back = services.application_move_back(
        application=application, actor=personas.recruiter, expected_version=None, reason="Salah klik"
    )
    assert back.stage.kind == StageKind.EVALUATION and blocks(back) == []


def test_a_decision_taken_at_the_user_interview_is_the_evaluation_it_passes(team_a_job, plan, personas):
    application = application_make(job=team_a_job, stage_kind=StageKind.USER_INTERVIEW)
    submit(held(application, plan["hr"], [personas.recruiter], hours_ago=72), personas.recruiter, "yes")
    submit(held(application, plan["user"], [personas.hiring_manager]), personas.hiring_manager, "yes")
    decision_record(
        actor=personas.recruiter,
        application=application,
        outcome="proceed",
        reason="Keduanya merekomendasikan",
        expected_version=None,
        to_stage=team_a_job.stages.get(kind=StageKind.MEDICAL),
    )
    application.refresh_from_db()
    assert application.stage.kind == StageKind.MEDICAL
    moves = application.transitions.filter(kind=TransitionKind.MOVED).order_by("-pk")[:2]
    assert [m.is_override for m in moves] == [False, False]


def test_a_decision_against_the_hr_gate_needs_decide_now_and_its_moves_carry_the_override(
    team_a_job, plan, personas
):
    application = application_make(job=team_a_job, stage_kind=StageKind.HR_INTERVIEW)
    submit(held(application, plan["hr"], [personas.recruiter]), personas.recruiter, "no")
    arguments = {
        "actor": personas.recruiter,
        "application": application,
        "outcome": "proceed",
        "reason": "Kandidat langka untuk posisi ini",
        "expected_version": None,
        "to_stage": team_a_job.stages.get(kind=StageKind.USER_INTERVIEW),
    }
    with pytest.raises(DomainError) as refused:
        decision_record(**arguments)
    assert refused.value.code == "exit_blocked" and "decide now" in str(refused.value.message)

    decision = decision_record(**arguments, override=True, override_reason="Budi ingin bertemu langsung")
    assert decision.is_override and decision.override_reason == "Budi ingin bertemu langsung"
    last = application.transitions.order_by("pk").last()
    assert (last.to_stage.kind, last.is_override, last.override_reason) == (
        StageKind.USER_INTERVIEW,
        True,
        "Budi ingin bertemu langsung",
    )


def test_a_decision_taken_before_every_scorecard_carries_its_override_onto_the_moves(
    team_a_job, plan, personas
):
    application = application_make(job=team_a_job, stage_kind=StageKind.USER_INTERVIEW)
    submit(held(application, plan["hr"], [personas.recruiter], hours_ago=72), personas.recruiter, "yes")
    interview = held(application, plan["user"], [personas.hiring_manager, personas.interviewer])
    submit(interview, personas.hiring_manager, "strong_yes")
    decision_record(
        actor=personas.recruiter,
        application=application,
        outcome="proceed",
        reason="User sangat merekomendasikan",
        expected_version=None,
        to_stage=team_a_job.stages.get(kind=StageKind.MEDICAL),
        override=True,
        override_reason="Kandidat punya tawaran lain hari Jumat",
    )
    first, second = application.transitions.filter(kind=TransitionKind.MOVED).order_by("-pk")[:2][::-1]
    # Leaving the user interview needed the override (Maya's scorecard); the evaluation had its decision.
    assert (first.to_stage.kind, first.is_override, first.override_reason) == (
        StageKind.EVALUATION,
        True,
        "Kandidat punya tawaran lain hari Jumat",
    )
    assert (second.to_stage.kind, second.is_override) == (StageKind.MEDICAL, False)


@pytest.mark.parametrize("count", [1, 20])
def test_move_blocks_answers_a_whole_board_in_a_bounded_number_of_queries(
    team_a_job, plan, personas, django_assert_max_num_queries, count
):
    kinds = [StageKind.HR_INTERVIEW, StageKind.USER_INTERVIEW, StageKind.EVALUATION, StageKind.SCREENING]
    applications = [application_make(job=team_a_job, stage_kind=kinds[i % len(kinds)]) for i in range(count)]
    for application in applications[::2]:
        round_type = "hr" if application.stage.kind == StageKind.HR_INTERVIEW else "user"
        if application.stage.kind in (StageKind.HR_INTERVIEW, StageKind.USER_INTERVIEW):
            interview = held(application, plan[round_type], [personas.hiring_manager, personas.interviewer])
            submit(interview, personas.hiring_manager, "no")
    # As the board loads its cards: no stage, no candidate beyond what the card shows.
    cards = list(type(applications[0]).objects.filter(job=team_a_job).only("pk", "status", "stage_id"))
    team_a_job = type(team_a_job).objects.get(pk=team_a_job.pk)
    # Seven for the interview stages' rules, and one or two for each later stage's (the guards of
    # rekrut/medical, offers, contracts, onboarding; two for assessments): fixed, for a card as for twenty.
    with django_assert_max_num_queries(13):
        blocked = move_blocks(job=team_a_job, applications=cards)
    assert len(blocked) == count
    deciding = {StageKind.HR_INTERVIEW, StageKind.USER_INTERVIEW, StageKind.EVALUATION}
    for application in applications:
        assert bool(blocked[application.pk]) == (application.stage.kind in deciding)


# Hypothesis: whatever the policy and the verdicts, the service refuses exactly what move_blocks reports.
verdict_panels = st.sampled_from(
    [(), ("no",), ("strong_no",), ("yes",), ("strong_yes",), ("yes", "no"), ("yes", None)]
)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    hr_is_gate=st.booleans(),
    user_decides=st.booleans(),
    weight=st.sampled_from([0, 1, 2]),
    kind=st.sampled_from([StageKind.HR_INTERVIEW, StageKind.USER_INTERVIEW]),
    hr=verdict_panels,
    user=verdict_panels,
)
def test_the_move_service_and_move_blocks_always_agree(
    team_a_job, plan, personas, hr_is_gate, user_decides, weight, kind, hr, user
):
    policy(
        team_a_job,
        personas.recruiter,
        hr_is_gate=hr_is_gate,
        user_decides=user_decides,
        strong_user_yes_weight=weight,
    )
    application = application_make(job=team_a_job, stage_kind=kind)
    for plan_round, recommendations in ((plan["hr"], hr), (plan["user"], user)):
        if recommendations:
            panel = [personas.hr_admin, personas.interviewer][: len(recommendations)]
            interview = held(application, plan_round, panel)
            for person, recommendation in zip(panel, recommendations, strict=True):
                if recommendation:
                    submit(interview, person, recommendation)

    reported = blocks(application)
    try:
        move_on(application, personas.recruiter)
    except DomainError as refused:
        assert refused.code == "exit_blocked" and reported
    else:
        assert not reported
