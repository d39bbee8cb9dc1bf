"""Interviewers get a calendar invite (RFC 5545/5546) with the e-mail, and a CANCEL for the same event."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from rekrut.interviews.services.interviews import interview_cancel, interview_schedule
from rekrut.jobs.models import StageKind
from tests.interviews.conftest import rounds_of
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


def event_of(message) -> tuple[str, object]:
    (part,) = [p for p in message.message().walk() if p.get_content_type() == "text/calendar"]
    calendar = Calendar.from_ical(part.get_payload(decode=True))
    return part.get_param("method"), next(iter(calendar.walk("VEVENT")))


def test_scheduling_sends_each_interviewer_an_invite_and_cancelling_withdraws_it(
    personas, team_a_job, django_capture_on_commit_callbacks
):
    application = application_make(
        job=team_a_job, stage_kind=StageKind.USER_INTERVIEW, full_name="Putri Maharani"
    )
    plan = rounds_of(team_a_job)
    starts = (timezone.now() + timedelta(days=2)).replace(microsecond=0)
    with django_capture_on_commit_callbacks(execute=True):
        interview = interview_schedule(
            actor=personas.recruiter,
            application=application,
            plan_round=plan["user"],
            starts_at=starts,
            duration_minutes=60,
            interviewers=[personas.hiring_manager, personas.interviewer],
            location="Ruang Melati",
        )
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [personas.hiring_manager.email, personas.interviewer.email]
    )
    method, event = event_of(mail.outbox[0])
    assert method == "REQUEST"
    assert str(event["uid"]) == f"interview-{interview.pk}@rekrut"
    assert event.decoded("dtstart") == starts.astimezone(UTC)
    assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(minutes=60)
    assert "Putri Maharani" in str(event["summary"]) and str(event["location"]) == "Ruang Melati"
    attendees = {str(a).removeprefix("mailto:") for a in event["attendee"]}
    assert attendees == {personas.hiring_manager.email, personas.interviewer.email}

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        interview_cancel(actor=personas.recruiter, interview=interview, reason="Kandidat sakit")
    method, cancelled = event_of(mail.outbox[0])
    assert method == "CANCEL"
    assert str(cancelled["uid"]) == str(event["uid"])
    assert int(cancelled["sequence"]) > int(event["sequence"])
    assert datetime.now(UTC) < cancelled.decoded("dtstart")
