"""The one write path for applications: every change is checked, versioned and leaves a history row."""

import pytest
from django.core import mail

from rekrut.core.errors import AccessDenied, DomainError, StaleEdit
from rekrut.jobs.models import StageKind
from rekrut.notifications.models import OutboxMessage
from rekrut.pipeline import services
from rekrut.pipeline.models import Application, ImmutableRow, RejectReason, Transition
from tests.candidates.factories import CandidateFactory
from tests.pipeline.factories import SET_UP_OVERRIDE, application_make

pytestmark = pytest.mark.django_db


def stage(job, kind):
    return job.stages.get(kind=kind)


def test_applying_puts_the_candidate_in_the_first_stage_with_a_history_row(personas, team_a_job):
    application = services.application_create(
        actor=personas.recruiter, candidate=CandidateFactory(), job=team_a_job
    )
    assert application.stage.kind == StageKind.APPLIED
    (row,) = application.transitions.all()
    assert (row.kind, row.actor, row.to_stage) == ("applied", personas.recruiter, application.stage)


def test_a_candidate_applies_once_per_job(personas, team_a_job):
    candidate = CandidateFactory(full_name="Dewi Lestari")
    services.application_create(actor=personas.recruiter, candidate=candidate, job=team_a_job)
    with pytest.raises(DomainError, match="Dewi Lestari has already applied"):
        services.application_create(actor=personas.recruiter, candidate=candidate, job=team_a_job)
    assert Application.objects.filter(candidate=candidate).count() == 1


def test_moving_forward_records_who_when_from_and_to(personas, team_a_job):
    application = application_make(job=team_a_job)
    screening = stage(team_a_job, StageKind.SCREENING)
    moved = services.application_move(
        application=application,
        to_stage=screening,
        actor=personas.hiring_manager,
        expected_version=application.version,
        note="CV cocok",
    )
    last = moved.transitions.last()
    assert (last.kind, last.from_stage.kind, last.to_stage.kind, last.note, last.actor) == (
        "moved",
        "applied",
        "screening",
        "CV cocok",
        personas.hiring_manager,
    )
    assert moved.version == application.version + 1


def test_skipping_the_hr_interview_is_refused_and_changes_nothing(personas, team_a_job):
    application = application_make(job=team_a_job, stage_kind=StageKind.SCREENING)
    before = application.transitions.count()
    with pytest.raises(DomainError) as refused:
        services.application_move(
            application=application,
            to_stage=stage(team_a_job, StageKind.USER_INTERVIEW),
            actor=personas.recruiter,
            expected_version=application.version,
        )
    assert refused.value.code == "skips_required"
    application.refresh_from_db()
    assert application.stage.kind == StageKind.SCREENING
    assert application.transitions.count() == before


def test_optional_superior_interview_can_be_skipped(personas, team_a_job):
    application = application_make(job=team_a_job, stage_kind=StageKind.EVALUATION)
    moved = services.application_move(
        application=application,
        to_stage=stage(team_a_job, StageKind.MEDICAL),
        actor=personas.recruiter,
        expected_version=application.version,
        # Leaving the evaluation needs its recorded decision (tests/interviews/test_exit_rules.py).
        override=True,
        override_reason="Decided on paper in the evaluation meeting",
    )
    assert moved.stage.kind == StageKind.MEDICAL


def test_a_stale_move_is_detected_and_the_first_move_wins(personas, team_a_job):
    application = application_make(job=team_a_job)
    seen_by_both = application.version
    screening = stage(team_a_job, StageKind.SCREENING)
    services.application_move(
        application=application, to_stage=screening, actor=personas.recruiter, expected_version=seen_by_both
    )
    with pytest.raises(StaleEdit):
        services.application_move(
            application=application,
            to_stage=screening,
            actor=personas.hiring_manager,
            expected_version=seen_by_both,
        )
    assert list(application.transitions.values_list("kind", flat=True)) == ["applied", "moved"]


@pytest.mark.parametrize("persona", ["interviewer", "director", "other_recruiter", "outsider"])
def test_people_who_do_not_own_the_job_cannot_move(personas, team_a_job, persona):
    application = application_make(job=team_a_job)
    with pytest.raises(AccessDenied):
        services.application_move(
            application=application,
            to_stage=stage(team_a_job, StageKind.SCREENING),
            actor=getattr(personas, persona),
            expected_version=None,
        )


def test_rejecting_needs_a_reason_records_it_and_queues_one_polite_email(
    personas, team_a_job, django_capture_on_commit_callbacks
):
    application = application_make(job=team_a_job, stage_kind=StageKind.HR_INTERVIEW)
    reason = RejectReason.objects.first()
    with django_capture_on_commit_callbacks(execute=True):
        rejected = services.application_reject(
            application=application,
            reason=reason,
            actor=personas.recruiter,
            expected_version=application.version,
            note="Kurang komunikatif",
        )
    assert rejected.status == "rejected"
    assert rejected.transitions.last().reason == reason
    assert OutboxMessage.objects.filter(to=application.candidate.email).count() == 1
    assert len(mail.outbox) == 1
    assert team_a_job.title in mail.outbox[0].body


def test_the_rejection_email_is_never_sent_twice(personas, team_a_job, django_capture_on_commit_callbacks):
    from rekrut.notifications.services import message_send, outbox_drain

    application = application_make(job=team_a_job)
    with django_capture_on_commit_callbacks(execute=True):
        services.application_reject(
            application=application,
            reason=RejectReason.objects.first(),
            actor=personas.recruiter,
            expected_version=None,
        )
    message = OutboxMessage.objects.get()
    assert message_send(message_id=message.pk) is False
    assert outbox_drain() == 0
    assert len(mail.outbox) == 1


def test_a_failed_send_is_retried_later(personas, team_a_job, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.pipeline.test_services.BrokenBackend"
    application = application_make(job=team_a_job)
    with django_capture_on_commit_callbacks(execute=True):
        services.application_reject(
            application=application,
            reason=RejectReason.objects.first(),
            actor=personas.recruiter,
            expected_version=None,
        )
    message = OutboxMessage.objects.get()
    assert (message.status, message.attempts) == ("pending", 1)
    assert message.next_attempt_at > message.created_at


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionError("SMTP server unreachable")


def test_withdraw_then_hr_reopens_with_a_reason(personas, team_a_job):
    application = application_make(job=team_a_job, stage_kind=StageKind.HR_INTERVIEW)
    withdrawn = services.application_withdraw(
        application=application,
        actor=personas.recruiter,
        expected_version=None,
        note="Sudah diterima di tempat lain",
    )
    with pytest.raises(DomainError):
        services.application_reopen(
            application=withdrawn, actor=personas.recruiter, expected_version=None, note=""
        )
    with pytest.raises(AccessDenied):
        services.application_reopen(
            application=withdrawn,
            actor=personas.hiring_manager,
            expected_version=None,
            note="Kandidat berubah pikiran",
        )
    reopened = services.application_reopen(
        application=withdrawn,
        actor=personas.recruiter,
        expected_version=None,
        note="Kandidat berubah pikiran",
    )
    assert (reopened.status, reopened.stage.kind) == ("active", StageKind.HR_INTERVIEW)
    assert list(reopened.transitions.values_list("kind", flat=True))[-2:] == ["withdrawn", "reopened"]


def test_reaching_onboarding_marks_the_hire(personas, team_a_job):
    application = application_make(job=team_a_job, stage_kind=StageKind.CONTRACT)
    hired = services.application_move(
        application=application,
        to_stage=stage(team_a_job, StageKind.ONBOARDING),
        actor=personas.recruiter,
        expected_version=None,
        # The contract stage is left by a signed contract (tests/contracts); here only the hire is tested.
        override=True,
        override_reason=SET_UP_OVERRIDE,
    )
    assert hired.status == "hired"
    assert hired.transitions.last().kind == "hired"


def test_history_rows_cannot_be_edited_or_deleted(personas, team_a_job):
    row = application_make(job=team_a_job).transitions.get()
    row.note = "rewritten"
    with pytest.raises(ImmutableRow):
        row.save()
    with pytest.raises(ImmutableRow):
        row.delete()
    assert Transition.objects.get(pk=row.pk).note == ""
