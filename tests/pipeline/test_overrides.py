"""A move the stage's exit rules block (pipeline.guards) is refused, unless HR overrides it with a reason;
the override and its reason are recorded on the history row. The rules themselves are tested in
tests/interviews/test_exit_rules.py; here the HR interview without any scorecard stands for a blocked move."""

import pytest
from django.utils import translation

from rekrut.core.errors import AccessDenied, DomainError
from rekrut.jobs.models import StageKind
from rekrut.pipeline import services
from rekrut.pipeline.guards import Blocker, blockers_of, exit_blockers
from rekrut.pipeline.models import RejectReason, TransitionKind
from rekrut.pipeline.selectors import move_blocks
from rekrut.pipeline.transitions import ApplicationStatus
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db

REASON = "Kandidat punya tawaran lain; interview user dimajukan"


@pytest.fixture
def blocked(team_a_job):
    """In the HR interview, which nobody has held yet: leaving it is blocked."""
    application = application_make(job=team_a_job, stage_kind=StageKind.HR_INTERVIEW)
    assert move_blocks(job=team_a_job, applications=[application])[application.pk]
    return application


def move(application, actor, **extra):
    return services.application_move(
        application=application,
        to_stage=application.job.stages.get(kind=StageKind.USER_INTERVIEW),
        actor=actor,
        expected_version=application.version,
        **extra,
    )


@pytest.mark.parametrize(
    ("persona", "override", "reason", "refusal"),
    [
        pytest.param("recruiter", False, "", "exit_blocked", id="no-override"),
        pytest.param("recruiter", False, REASON, "exit_blocked", id="a-reason-alone-is-no-override"),
        pytest.param("recruiter", True, "", "override_reason", id="hr-owner-without-reason"),
        pytest.param("recruiter", True, "   ", "override_reason", id="hr-owner-blank-reason"),
        pytest.param("hiring_manager", True, REASON, AccessDenied, id="hiring-manager"),
        pytest.param("hiring_manager", False, "", "exit_blocked", id="hiring-manager-no-override"),
        pytest.param("recruiter", True, REASON, None, id="hr-owner"),
        pytest.param("hr_admin", True, REASON, None, id="hr-admin"),
    ],
)
def test_only_hr_overrides_a_blocked_move_and_only_with_a_reason(
    blocked, personas, persona, override, reason, refusal
):
    actor = getattr(personas, persona)
    before = (blocked.version, blocked.transitions.count())
    if refusal is None:
        moved = move(blocked, actor, override=override, override_reason=reason)
        last = moved.transitions.order_by("pk").last()
        assert (last.kind, last.actor, last.is_override, last.override_reason) == (
            TransitionKind.MOVED,
            actor,
            True,
            REASON,
        )
        assert (last.from_stage.kind, last.to_stage.kind) == (
            StageKind.HR_INTERVIEW,
            StageKind.USER_INTERVIEW,
        )
        return
    expected = refusal if isinstance(refusal, type) else DomainError
    with pytest.raises(expected) as refused:
        move(blocked, actor, override=override, override_reason=reason)
    if isinstance(refusal, str):
        assert refused.value.code == refusal
    blocked.refresh_from_db()
    assert (blocked.version, blocked.transitions.count()) == before
    assert blocked.stage.kind == StageKind.HR_INTERVIEW


def test_the_refusal_names_the_stage_and_every_reason(blocked, personas):
    with pytest.raises(DomainError) as refused:
        move(blocked, personas.recruiter)
    (reason,) = move_blocks(job=blocked.job, applications=[blocked])[blocked.pk]
    assert str(refused.value.message) == f"The application cannot leave “HR interview” yet. {reason}"
    assert str(reason) == "No scorecard of the “HR interview” round has been submitted yet."


def test_a_move_nothing_blocks_records_no_override(personas, team_a_job):
    application = application_make(job=team_a_job)
    moved = services.application_move(
        application=application,
        to_stage=team_a_job.stages.get(kind=StageKind.SCREENING),
        actor=personas.hiring_manager,
        expected_version=None,
        override=True,
        override_reason=REASON,
    )
    last = moved.transitions.order_by("pk").last()
    assert (last.is_override, last.override_reason) == (False, "")


def test_reasons_in_the_refusal_follow_the_users_language(blocked, personas):
    with translation.override("id"), pytest.raises(DomainError) as refused:
        move(blocked, personas.recruiter)
    assert "Interview HR" in str(refused.value.message)


def test_closed_applications_are_never_blocked_and_receivers_are_merged(blocked, personas, monkeypatch):
    def extra(job, applications):
        return {a.pk: [Blocker("extra", "Something else.")] for a in applications}

    monkeypatch.setattr(exit_blockers, "_receivers", [*exit_blockers.receivers, extra])
    assert [b.code for b in blockers_of(job=blocked.job, applications=[blocked])[blocked.pk]] == [
        "no_scorecard",
        "extra",
    ]
    rejected = services.application_reject(
        application=blocked,
        reason=RejectReason.objects.first(),
        actor=personas.recruiter,
        expected_version=None,
        notify_candidate=False,
    )
    assert rejected.status == ApplicationStatus.REJECTED
    assert blockers_of(job=blocked.job, applications=[rejected]) == {rejected.pk: []}
