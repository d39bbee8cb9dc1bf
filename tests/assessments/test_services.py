"""Assigning, inviting, cancelling and recording results through the services: each shape, the refusals,
stale versions and double submits; the restricted report with its audit rows; reusing an earlier result."""

from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone
from icalendar import Calendar

from rekrut.assessments.access import assessment_access
from rekrut.assessments.models import Assessment, AssessmentStatus, Outcome, ResultShape, ResultSource
from rekrut.assessments.services.assessments import (
    assessment_assign,
    assessment_cancel,
    assessment_invite,
    assessment_result_record,
    assessment_reuse,
    reusable_results,
)
from rekrut.assessments.services.reports import ReportUpload, assessment_report_open, assessment_report_save
from rekrut.core.errors import AccessDenied, DomainError, StaleEdit
from rekrut.events.models import AuditEvent
from rekrut.jobs.models import StageKind
from rekrut.notifications.models import OutboxMessage
from rekrut.pipeline.access import application_access
from tests.accounts.factories import UserFactory
from tests.assessments.factories import assessment_make, reports_permission_grant, type_make
from tests.core.images import png_bytes
from tests.jobs.factories import job_make
from tests.pipeline.factories import application_make


def _later(days: int = 3):
    return timezone.now() + timedelta(days=days)


def test_hr_assigns_an_assessment_and_a_second_of_the_same_type_is_refused(at_assessment, personas):
    kind = type_make()
    assessment = assessment_assign(actor=personas.recruiter, application=at_assessment, assessment_type=kind)
    assert assessment.status == AssessmentStatus.ASSIGNED
    with pytest.raises(DomainError) as refused:
        assessment_assign(actor=personas.recruiter, application=at_assessment, assessment_type=kind)
    assert refused.value.code == "already_assigned"
    assert Assessment.objects.count() == 1


def test_a_double_submitted_assignment_makes_one_assessment(at_assessment, personas):
    kind = type_make()
    key = "k" * 32
    first = assessment_assign(
        actor=personas.recruiter, application=at_assessment, assessment_type=kind, idempotency_key=key
    )
    again = assessment_assign(
        actor=personas.recruiter, application=at_assessment, assessment_type=kind, idempotency_key=key
    )
    assert first.pk == again.pk and Assessment.objects.count() == 1


def test_the_hiring_manager_cannot_assign(at_assessment, personas):
    with pytest.raises(AccessDenied):
        assessment_assign(
            actor=personas.hiring_manager, application=at_assessment, assessment_type=type_make()
        )


def test_a_retired_type_cannot_be_assigned(at_assessment, personas):
    kind = type_make()
    kind.is_active = False
    kind.save()
    with pytest.raises(DomainError) as refused:
        assessment_assign(actor=personas.recruiter, application=at_assessment, assessment_type=kind)
    assert refused.value.code == "type_retired"


def test_the_invitation_goes_in_the_candidates_language_with_a_calendar_event(at_assessment, personas):
    assessment = assessment_make(
        application=at_assessment, assessment_type=type_make(name="Psikotes", shape="category")
    )
    at = _later()
    issued = assessment_invite(
        actor=personas.recruiter,
        assessment=assessment,
        expected_version=assessment.version,
        scheduled_at=at,
        location="Biro Psikologi Harapan, Jl. Melati 3",
    )
    message = OutboxMessage.objects.get(to="putri@example.com")
    assert message.language == "en"
    assert "Psikotes" in message.subject and issued.url in message.body
    assert "Biro Psikologi Harapan" in message.body
    ical = Calendar.from_ical(message.attachments[0]["content"])
    event = next(iter(ical.walk("VEVENT")))
    assert str(ical["METHOD"]) == "REQUEST" and int(event["SEQUENCE"]) == 0
    assert event.decoded("DTSTART") == at.replace(microsecond=0) or event.decoded("DTSTART") == at
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.INVITED


def test_an_invitation_needs_a_time_or_a_deadline_and_a_place(at_assessment, personas):
    assessment = assessment_make(application=at_assessment)
    with pytest.raises(DomainError) as refused:
        assessment_invite(
            actor=personas.recruiter, assessment=assessment, expected_version=assessment.version
        )
    assert refused.value.code == "no_time"
    with pytest.raises(DomainError) as refused:
        assessment_invite(
            actor=personas.recruiter,
            assessment=assessment,
            expected_version=assessment.version,
            scheduled_at=_later(),
        )
    assert refused.value.code == "no_place"
    with pytest.raises(DomainError) as refused:
        assessment_invite(
            actor=personas.recruiter,
            assessment=assessment,
            expected_version=assessment.version,
            deadline=timezone.now() - timedelta(days=1),
        )
    assert refused.value.code == "in_the_past"
    assert not OutboxMessage.objects.exists()


def test_an_edit_from_a_stale_page_is_refused(at_assessment, personas):
    assessment = assessment_make(application=at_assessment)
    assessment_invite(
        actor=personas.recruiter,
        assessment=assessment,
        expected_version=assessment.version,
        deadline=_later(),
    )
    with pytest.raises(StaleEdit):
        assessment_result_record(
            actor=personas.recruiter,
            assessment=assessment,
            expected_version=assessment.version,
            score=Decimal(80),
        )
    assert Assessment.objects.get().outcome == ""


def test_cancelling_an_invited_assessment_withdraws_the_calendar_event(at_assessment, personas):
    assessment = assessment_make(application=at_assessment)
    assessment_invite(
        actor=personas.recruiter,
        assessment=assessment,
        expected_version=1,
        scheduled_at=_later(),
        location="Kantor Pusat",
    )
    assessment_cancel(
        actor=personas.recruiter, assessment=assessment, reason="Posisi ditutup", expected_version=2
    )
    cancelled = OutboxMessage.objects.get(key=f"assessment-cancelled-{assessment.pk}")
    ical = Calendar.from_ical(cancelled.attachments[0]["content"])
    assert str(ical["METHOD"]) == "CANCEL"
    assert int(next(iter(ical.walk("VEVENT")))["SEQUENCE"]) == 1
    with pytest.raises(DomainError):
        assessment_cancel(
            actor=personas.recruiter, assessment=assessment, reason="again", expected_version=None
        )


@pytest.mark.parametrize(
    ("shape", "result", "outcome"),
    [
        ("score", {"score": Decimal("82.5")}, Outcome.PASSED),
        ("score", {"score": Decimal("40")}, Outcome.FAILED),
        ("category", {"category": "considered"}, Outcome.BORDERLINE),
        ("category", {"category": "not_recommended"}, Outcome.FAILED),
        ("rubric", {"ratings": {"c1": 4, "c2": 3, "c3": 3}}, Outcome.PASSED),
        ("rubric", {"ratings": {"c1": 2, "c2": 2, "c3": 3}}, Outcome.FAILED),
    ],
)
def test_recording_a_result_of_each_shape_computes_its_outcome(
    at_assessment, personas, shape, result, outcome
):
    assessment = assessment_make(application=at_assessment, assessment_type=type_make(shape=shape))
    saved = assessment_result_record(
        actor=personas.recruiter,
        assessment=assessment,
        expected_version=1,
        conclusion="Cukup baik.",
        **result,
    )
    assert saved.outcome == outcome and saved.status == AssessmentStatus.COMPLETED
    assert saved.result_source == ResultSource.MANUAL and saved.conclusion == "Cukup baik."
    assert AuditEvent.objects.filter(action="assessments.result_recorded", subject_id=saved.pk).exists()


def test_a_result_out_of_range_changes_nothing(at_assessment, personas):
    assessment = assessment_make(application=at_assessment)
    with pytest.raises(DomainError) as refused:
        assessment_result_record(
            actor=personas.recruiter, assessment=assessment, expected_version=1, score=Decimal(101)
        )
    assert refused.value.code == "score_out_of_range"
    assessment.refresh_from_db()
    assert assessment.outcome == "" and assessment.version == 1


# ---- restricted reports -----------------------------------------------------------------------------


@pytest.fixture
def psikotes_done(at_assessment, personas):
    kind = type_make(name="Psikotes", shape=ResultShape.CATEGORY)
    assert kind.details_restricted  # forced on for a psikotes
    assessment = assessment_make(application=at_assessment, assessment_type=kind)
    return assessment_result_record(
        actor=personas.recruiter, assessment=assessment, expected_version=1, category="recommended"
    )


def _access(user, assessment):
    return assessment_access(
        user=user, application=application_access(user=user, application=assessment.application)
    )


def test_only_a_permission_holder_writes_and_reads_a_psikotes_report_and_each_reading_is_logged(
    psikotes_done, personas
):
    with pytest.raises(AccessDenied):
        assessment_report_save(
            actor=personas.recruiter, assessment=psikotes_done, expected_version=None, note="x"
        )
    holder = reports_permission_grant(personas.recruiter)
    assessment_report_save(
        actor=holder,
        assessment=psikotes_done,
        expected_version=None,
        note="Stabilitas emosi baik.",
        report=ReportUpload(name="laporan.png", data=png_bytes()),
    )
    changed = AuditEvent.objects.get(action="assessments.report_changed")
    assert changed.changes == {"fields": ["note", "report"]}  # what changed, never what it says
    details = assessment_report_open(
        user=holder, access=_access(holder, psikotes_done), assessment=psikotes_done
    )
    assert details.note == "Stabilitas emosi baik."
    assert AuditEvent.objects.filter(action="assessments.report_viewed", actor=holder).count() == 1


def test_superuser_status_is_not_enough_for_a_restricted_report(psikotes_done, personas):
    admin = UserFactory(role="hr_admin", is_superuser=True, is_staff=True)
    with pytest.raises(AccessDenied):
        assessment_report_open(user=admin, access=_access(admin, psikotes_done), assessment=psikotes_done)
    assert not AuditEvent.objects.filter(action="assessments.report_viewed").exists()


def test_the_team_reads_an_ordinary_report_without_an_audit_row(at_assessment, personas):
    assessment = assessment_make(application=at_assessment)
    assessment_result_record(
        actor=personas.recruiter, assessment=assessment, expected_version=1, score=Decimal(90)
    )
    manager = personas.hiring_manager
    assessment_report_open(user=manager, access=_access(manager, assessment), assessment=assessment)
    assert not AuditEvent.objects.filter(action="assessments.report_viewed").exists()


def test_a_report_of_the_wrong_type_is_refused(at_assessment, personas):
    assessment = assessment_make(application=at_assessment)
    with pytest.raises(DomainError) as refused:
        assessment_report_save(
            actor=personas.recruiter,
            assessment=assessment,
            expected_version=None,
            report=ReportUpload(name="x.exe", data=b"MZ\x90\x00not a report"),
        )
    assert refused.value.code == "unsupported_type"


# ---- reuse -------------------------------------------------------------------------------------------


@pytest.fixture
def earlier(personas, team_a_job, at_assessment):
    kind = type_make(name="Psikotes", shape=ResultShape.CATEGORY, validity_days=180)
    assessment = assessment_make(application=at_assessment, assessment_type=kind)
    return assessment_result_record(
        actor=personas.recruiter, assessment=assessment, expected_version=1, category="recommended"
    )


def _second_application(personas, candidate):
    job = job_make(hr_owner=personas.recruiter, title="Teller")
    return application_make(
        job=job, actor=personas.hr_admin, candidate=candidate, stage_kind=StageKind.SCREENING
    )


def test_a_result_within_its_validity_is_offered_and_reused_only_when_hr_asks(earlier, personas):
    second = _second_application(personas, earlier.application.candidate)
    assert not Assessment.objects.filter(application=second).exists()  # never silently
    with time_machine.travel(timezone.now() + timedelta(days=179)):
        assert reusable_results(application=second) == [earlier]
        copy = assessment_reuse(actor=personas.recruiter, application=second, source=earlier)
    assert copy.result_source == ResultSource.REUSED and copy.reused_from == earlier
    assert copy.outcome == Outcome.PASSED and copy.category == "recommended"
    assert reusable_results(application=second) == []


def test_a_result_past_its_validity_is_not_offered(earlier, personas):
    second = _second_application(personas, earlier.application.candidate)
    with time_machine.travel(timezone.now() + timedelta(days=181)):
        assert reusable_results(application=second) == []
        with pytest.raises(DomainError) as refused:
            assessment_reuse(actor=personas.recruiter, application=second, source=earlier)
    assert refused.value.code == "not_reusable"


def test_another_persons_result_cannot_be_reused(earlier, personas, team_a_job):
    other = application_make(job=team_a_job, actor=personas.hr_admin, email="other@example.com")
    with pytest.raises(DomainError):
        assessment_reuse(actor=personas.recruiter, application=other, source=earlier)


def test_hr_cannot_assign_work_to_a_closed_application(at_assessment, personas):
    from rekrut.pipeline.services import application_withdraw

    application_withdraw(application=at_assessment, actor=personas.recruiter, expected_version=None, note="x")
    at_assessment.refresh_from_db()
    with pytest.raises(DomainError):
        assessment_assign(actor=personas.recruiter, application=at_assessment, assessment_type=type_make())
