"""An interview invitation through a real SMTP server (aiosmtpd on loopback), parsed back as a mail
program reads it: multipart/mixed around a multipart/alternative of the text and the text/calendar part
with method=REQUEST (what Outlook and Google Calendar turn into Accept/Decline), plus invite.ics."""

from datetime import timedelta
from email import message_from_bytes, policy

import pytest
from django.utils import timezone
from icalendar import Calendar

from rekrut.interviews.services.interviews import interview_schedule
from rekrut.jobs.models import StageKind
from rekrut.notifications.models import MessageStatus, OutboxMessage
from tests.interviews.conftest import rounds_of
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


def test_the_candidate_receives_an_invitation_their_calendar_recognises(
    personas, team_a_job, smtp_settings, django_capture_on_commit_callbacks
):
    application = application_make(
        job=team_a_job, stage_kind=StageKind.HR_INTERVIEW, full_name="Siti Rahma", email="siti@example.com"
    )
    with django_capture_on_commit_callbacks(execute=True):
        interview = interview_schedule(
            actor=personas.recruiter,
            application=application,
            plan_round=rounds_of(team_a_job)["hr"],
            starts_at=timezone.now() + timedelta(days=3),
            duration_minutes=45,
            interviewers=[personas.recruiter],
            location="meet.google.com/abc-defg-hij",
        )
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {MessageStatus.SENT}
    received = {}
    for raw in smtp_settings.delivered:
        parsed = message_from_bytes(raw, policy=policy.default)
        received[str(parsed["To"])] = parsed
    assert set(received) == {"siti@example.com", personas.recruiter.email}

    mail = received["siti@example.com"]
    assert mail.get_content_type() == "multipart/mixed"
    alternative, attachment = mail.get_payload()
    assert alternative.get_content_type() == "multipart/alternative"
    text, invitation = alternative.get_payload()
    assert text.get_content_type() == "text/plain"
    assert invitation.get_content_type() == "text/calendar"
    assert invitation.get_param("method") == "REQUEST" and invitation.get_content_charset() == "utf-8"
    assert invitation.get_content_disposition() is None  # shown as the invitation, not as a file
    assert attachment.get_content_type() == "application/ics" and attachment.get_filename() == "invite.ics"
    assert attachment.get_content() == invitation.get_content().encode()

    body = text.get_content()  # Bahasa Indonesia, the candidate's default language
    assert "Interview HR" in body and "WIB" in body and "https://meet.google.com/abc-defg-hij" in body
    event = next(iter(Calendar.from_ical(invitation.get_content()).walk("VEVENT")))
    assert str(event["uid"]) == str(interview.calendar_uid)
    assert str(event["url"]) == "https://meet.google.com/abc-defg-hij"
    assert str(event["attendee"]) == "mailto:siti@example.com"
