"""The evaluation decision: a person's record with its reason, carried out through the pipeline services;
deciding before the required scorecards are in needs an explicit override and a reason."""

import pytest

from rekrut.core.errors import AccessDenied, DomainError, StaleEdit
from rekrut.interviews.models import Decision, DecisionPolicy, ImmutableRow
from rekrut.interviews.policy import Outcome, Rules
from rekrut.interviews.selectors.evaluation import advice_for
from rekrut.interviews.services.decisions import decision_policy_reset, decision_policy_set, decision_record
from rekrut.jobs.models import StageKind
from rekrut.pipeline.models import ApplicationStatus, RejectReason, TransitionKind
from tests.interviews.conftest import held, rounds_of, submit
from tests.interviews.test_policy import DEFAULT_TABLE, USER_COLUMNS
from tests.jobs.factories import job_make
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


def interviewed(application, plan, personas, hr="yes", user="yes"):
    if hr:
        submit(held(application, plan["hr"], [personas.recruiter], hours_ago=72), personas.recruiter, hr)
    if user:
        submit(held(application, plan["user"], [personas.hiring_manager]), personas.hiring_manager, user)


def decide(application, actor, **overrides):
    arguments = {
        "actor": actor,
        "application": application,
        "outcome": "proceed",
        "reason": "Both interviews recommend her.",
        "expected_version": application.version,
        "to_stage": application.job.stages.get(kind=StageKind.MEDICAL),
    }
    return decision_record(**{**arguments, **overrides})


@pytest.mark.parametrize(
    ("hr", "user", "expected"),
    [
        pytest.param(hr, user, expected, id=f"hr={hr or 'missing'}-user={user or 'missing'}")
        for hr, row in DEFAULT_TABLE.items()
        for user, expected in zip(USER_COLUMNS, row, strict=True)
    ],
)
def test_the_evaluation_reads_the_scorecards_into_the_default_policy(
    at_user_stage, plan, personas, hr, user, expected
):
    """The same 5 × 5 table as the pure policy, through real interviews, scorecards and stages."""
    interviewed(at_user_stage, plan, personas, hr=hr, user=user)
    advice, _missing, _row = advice_for(application=at_user_stage)
    assert advice.outcome == expected
    if expected == Outcome.PROCEED:
        assert advice.to_stage_id == at_user_stage.job.stages.get(kind=StageKind.MEDICAL).pk


def test_proceeding_moves_the_application_through_the_evaluation_and_records_why(
    at_user_stage, plan, personas
):
    interviewed(at_user_stage, plan, personas)
    decision = decide(at_user_stage, personas.recruiter)
    at_user_stage.refresh_from_db()
    assert at_user_stage.stage.kind == StageKind.MEDICAL
    moves = list(at_user_stage.transitions.filter(kind=TransitionKind.MOVED).order_by("pk"))[-2:]
    assert [m.to_stage.kind for m in moves] == [StageKind.EVALUATION, StageKind.MEDICAL]
    assert all("Both interviews recommend her." in m.note for m in moves)
    assert decision.policy_snapshot["outcome"] == "proceed" and decision.follows_policy
    assert {r["code"] for r in decision.policy_snapshot["reasons"]} >= {"hr_passed", "all_passed"}
    assert all(r["en"] and r["id"] for r in decision.policy_snapshot["reasons"])
    assert not decision.is_override
    with pytest.raises(ImmutableRow):
        decision.save()


def test_deciding_before_the_scorecards_are_in_needs_an_override_and_a_reason(at_user_stage, plan, personas):
    interviewed(at_user_stage, plan, personas, user=None)
    held(at_user_stage, plan["user"], [personas.hiring_manager])
    version = at_user_stage.version
    with pytest.raises(DomainError) as refused:
        decide(at_user_stage, personas.recruiter)
    assert refused.value.code == "scorecards_missing"
    assert str(personas.hiring_manager) in str(refused.value.message)
    with pytest.raises(DomainError) as refused:
        decide(at_user_stage, personas.recruiter, override=True, override_reason="  ")
    assert refused.value.code == "override_reason"
    at_user_stage.refresh_from_db()
    assert (at_user_stage.version, at_user_stage.stage.kind) == (version, StageKind.USER_INTERVIEW)
    assert not Decision.objects.exists()
    decision = decide(
        at_user_stage,
        personas.recruiter,
        override=True,
        override_reason="Candidate has another offer by Friday",
    )
    assert decision.is_override and decision.override_reason.startswith("Candidate has")
    assert not decision.follows_policy  # the policy said hold: a scorecard is missing


def test_a_round_never_held_counts_as_missing(at_user_stage, plan, personas):
    interviewed(at_user_stage, plan, personas, user=None)
    with pytest.raises(DomainError) as refused:
        decide(at_user_stage, personas.recruiter, outcome="hold")
    assert refused.value.code == "scorecards_missing"


def test_rejecting_needs_a_reason_from_the_list_and_closes_the_application(at_user_stage, plan, personas):
    interviewed(at_user_stage, plan, personas, user="no")
    with pytest.raises(DomainError) as refused:
        decide(at_user_stage, personas.recruiter, outcome="reject", to_stage=None)
    assert refused.value.code == "reject_reason"
    reason = RejectReason.objects.first()
    decision = decide(
        at_user_stage, personas.recruiter, outcome="reject", reject_reason=reason, notify_candidate=False
    )
    at_user_stage.refresh_from_db()
    assert at_user_stage.status == ApplicationStatus.REJECTED and at_user_stage.reject_reason == reason
    assert decision.follows_policy and decision.policy_snapshot["reasons"][-1]["code"] == "user_decides"


def test_hold_records_the_decision_and_leaves_the_application_where_it_is(at_user_stage, plan, personas):
    interviewed(at_user_stage, plan, personas, hr="no", user="strong_yes")
    version = at_user_stage.version
    decision = decide(at_user_stage, personas.hr_admin, outcome="hold", reason="Talk with Budi on Monday")
    at_user_stage.refresh_from_db()
    assert at_user_stage.version == version and decision.to_stage is None and decision.follows_policy


@pytest.mark.parametrize("name", ["hiring_manager", "interviewer", "director", "other_recruiter", "outsider"])
def test_only_the_hr_owner_or_an_hr_admin_decides(at_user_stage, plan, personas, name):
    interviewed(at_user_stage, plan, personas)
    with pytest.raises(AccessDenied):
        decide(at_user_stage, getattr(personas, name))
    assert not Decision.objects.exists()


def test_a_stale_page_changes_nothing(at_user_stage, plan, personas):
    interviewed(at_user_stage, plan, personas)
    with pytest.raises(StaleEdit):
        decide(at_user_stage, personas.recruiter, expected_version=at_user_stage.version - 1)
    assert not Decision.objects.exists()


def test_a_reason_is_always_required(at_user_stage, plan, personas):
    interviewed(at_user_stage, plan, personas)
    with pytest.raises(DomainError) as refused:
        decide(at_user_stage, personas.recruiter, reason="")
    assert refused.value.code == "reason_required"


def test_managerial_jobs_proceed_to_the_superior_then_the_director_interview(personas):
    job = job_make(
        hr_owner=personas.recruiter,
        user=personas.hiring_manager,
        superior=personas.other_manager,
        director=personas.director,
        managerial=True,
        title="Operations Manager",
    )
    plan = rounds_of(job)
    application = application_make(job=job, stage_kind=StageKind.EVALUATION)
    interviewed(application, plan, personas, user="strong_yes")
    advice, missing, _row = advice_for(application=application)
    assert (advice.outcome, advice.to_stage_id, missing) == (Outcome.PROCEED, plan["superior"].stage_id, [])
    decide(application, personas.recruiter, to_stage=plan["superior"].stage)
    application.refresh_from_db()
    submit(held(application, plan["superior"], [personas.other_manager]), personas.other_manager, "yes")
    advice, _missing, _row = advice_for(application=application)
    assert (advice.outcome, advice.to_stage_id) == (Outcome.PROCEED, plan["director"].stage_id)
    decide(application, personas.recruiter, to_stage=plan["director"].stage)
    application.refresh_from_db()
    assert application.stage == plan["director"].stage


def test_a_job_can_override_the_company_policy(at_user_stage, plan, personas):
    interviewed(at_user_stage, plan, personas, hr="no", user="strong_yes")
    assert advice_for(application=at_user_stage)[0].outcome == Outcome.HOLD
    with pytest.raises(AccessDenied):
        decision_policy_set(actor=personas.hiring_manager, job=at_user_stage.job, rules=Rules())
    with pytest.raises(AccessDenied):
        decision_policy_set(actor=personas.recruiter, job=None, rules=Rules())
    decision_policy_set(
        actor=personas.recruiter, job=at_user_stage.job, rules=Rules(strong_user_yes_weight=2)
    )
    assert advice_for(application=at_user_stage)[0].outcome == Outcome.PROCEED
    decision_policy_reset(actor=personas.recruiter, job=at_user_stage.job)
    assert advice_for(application=at_user_stage)[0].outcome == Outcome.HOLD
    assert DecisionPolicy.objects.count() == 1


def test_decisions_happen_at_interview_or_evaluation_stages_only(team_a_job, plan, personas):
    application = application_make(job=team_a_job, stage_kind=StageKind.SCREENING)
    with pytest.raises(DomainError) as refused:
        decide(application, personas.recruiter, outcome="hold")
    assert refused.value.code == "not_deciding_stage"


def test_the_decision_on_the_timeline_is_worded_in_the_viewers_language(at_user_stage, plan, personas):
    """The reason is stored as typed, and the system's framing as a code: each viewer reads their language."""
    from django.utils import translation

    from rekrut.interviews.services.decisions import decision_record
    from rekrut.jobs.models import StageKind
    from tests.interviews.conftest import held, submit

    submit(held(at_user_stage, plan["hr"], [personas.recruiter], hours_ago=48), personas.recruiter, "yes")
    submit(
        held(at_user_stage, plan["user"], [personas.hiring_manager]), personas.hiring_manager, "strong_yes"
    )
    medical = at_user_stage.job.stages.get(kind=StageKind.MEDICAL)
    decision = decision_record(
        actor=personas.recruiter,
        application=at_user_stage,
        outcome="proceed",
        reason="Kuat di teknis dan sikap.",
        expected_version=None,
        to_stage=medical,
    )
    last = at_user_stage.transitions.order_by("at", "pk").last()
    assert last.note == "Kuat di teknis dan sikap." and last.params == {"decision": decision.pk}
    with translation.override("en"):
        assert last.note_text == "Evaluation decision: Kuat di teknis dan sikap."
    with translation.override("id"):
        assert last.note_text.endswith("Kuat di teknis dan sikap.") and not last.note_text.startswith(
            "Evaluation"
        )
