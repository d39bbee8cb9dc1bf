"""Interview invitations that calendars accept (RFC 5545/5546): the interviewers and the candidate each get
an e-mail in their language with a text/calendar part beside the text, read back here by two independent
parsers, Python's icalendar and ical.js under node, for the invitation, its update and its cancellation."""

import json
import os
import shutil
import subprocess
from datetime import UTC, timedelta
from email.message import Message
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from rekrut.core.errors import DomainError
from rekrut.interviews.models import Interview
from rekrut.interviews.services.interviews import (
    Place,
    interview_cancel,
    interview_reschedule,
    interview_schedule,
)
from rekrut.jobs.models import StageKind
from rekrut.notifications.models import OutboxMessage
from tests.interviews.conftest import rounds_of
from tests.jobs.factories import LocationFactory, job_make
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db

ICALJS = Path(__file__).parent / "icaljs"
# Commas, semicolons and a backslash must be escaped, and a line this long folded (RFC 5545 3.3.11, 3.1).
CANDIDATE_NAME = "Putri Maharani, S.Kom.; Jl. Kenari \\ No. 7"
ROOM = "Gedung Graha Nusantara Lantai 12, Ruang Melati; Jl. Jenderal Sudirman Kav. 52-53, Makassar"


@pytest.fixture
def wita_job(personas):
    """A job in Makassar (WITA, UTC+8) with Budi (user) and Maya (interviewer) on its team."""
    location = LocationFactory(name="Kantor Makassar", city="Makassar", time_zone="Asia/Makassar")
    return job_make(
        hr_owner=personas.recruiter,
        user=personas.hiring_manager,
        interviewers=(personas.interviewer,),
        location=location,
    )


@pytest.fixture
def scheduled(personas, wita_job, django_capture_on_commit_callbacks):
    """A user interview with Budi and Maya at 09.00 WITA in ten days; the candidate and Maya read English."""
    personas.interviewer.language = "en"
    personas.interviewer.save(update_fields=["language"])
    application = application_make(
        job=wita_job,
        stage_kind=StageKind.USER_INTERVIEW,
        full_name=CANDIDATE_NAME,
        email="putri@example.com",
        language="en",
    )
    day = (timezone.now() + timedelta(days=10)).astimezone(ZoneInfo("Asia/Makassar"))
    starts = day.replace(hour=9, minute=0, second=0, microsecond=0)
    with django_capture_on_commit_callbacks(execute=True):
        interview = interview_schedule(
            actor=personas.recruiter,
            application=application,
            plan_round=rounds_of(wita_job)["user"],
            starts_at=starts,
            duration_minutes=60,
            interviewers=[personas.hiring_manager, personas.interviewer],
            location=ROOM,
        )
    return interview


def calendar_part(message: Message) -> Message:
    """The text/calendar part beside the text body, in multipart/alternative (what Outlook needs)."""
    (alternative,) = [p for p in message.walk() if p.get_content_type() == "multipart/alternative"]
    kinds = [p.get_content_type() for p in alternative.get_payload()]
    assert kinds == ["text/plain", "text/calendar"]
    return alternative.get_payload()[1]


def sent_to(address: str) -> Message:
    (email,) = [m for m in mail.outbox if m.to == [address]]
    return email.message()


def ical_of(address: str) -> str:
    return calendar_part(sent_to(address)).get_payload(decode=True).decode()


def icaljs_read(tmp_path: Path, texts: list[str]) -> list[dict]:
    """What ical.js reads in each text. Skipped with a reason when node or ical.js is missing, except in CI,
    where `.ci/run` installs it (npm ci in tests/interviews/icaljs) and a missing parser is a failure."""
    node = shutil.which("node")
    problem = (
        "node is not installed"
        if node is None
        else "ical.js is not installed (npm ci --prefix tests/interviews/icaljs)"
        if not (ICALJS / "node_modules" / "ical.js").is_dir()
        else ""
    )
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"The second iCalendar parser is required in CI: {problem}")
        print(f"skipping the ical.js check: {problem}")
        pytest.skip(problem)
    paths = []
    for index, text in enumerate(texts):
        path = tmp_path / f"invite-{index}.ics"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    done = subprocess.run(
        [str(node), str(ICALJS / "parse.mjs"), *paths],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "TZ": "UTC"},  # a floating time would read as UTC: only VTIMEZONE gives +08:00
        check=True,
    )
    return json.loads(done.stdout)


def test_everyone_gets_an_invitation_calendars_accept(scheduled, personas):
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted(
        ["putri@example.com", personas.hiring_manager.email, personas.interviewer.email]
    )
    part = calendar_part(sent_to("putri@example.com"))
    assert part.get_param("method") == "REQUEST" and part.get_content_charset() == "utf-8"
    assert "method=REQUEST" in part["Content-Type"]
    calendar = Calendar.from_ical(ical_of("putri@example.com"))
    assert str(calendar["method"]) == "REQUEST"
    assert [str(z["tzid"]) for z in calendar.walk("VTIMEZONE")] == ["Asia/Makassar"]
    (event,) = calendar.walk("VEVENT")
    assert str(event["uid"]) == str(scheduled.calendar_uid) and int(event["sequence"]) == 0
    assert event["dtstart"].params["TZID"] == "Asia/Makassar"
    assert event.decoded("dtstart").strftime("%H:%M") == "09:00"
    assert event.decoded("dtstart").astimezone(UTC) == scheduled.starts_at
    assert str(event["status"]) == "CONFIRMED" and str(event["location"]) == ROOM
    assert str(event["organizer"]) == f"mailto:{settings.ORGANIZER_EMAIL}"
    candidate = event["attendee"]  # one attendee: the candidate's copy lists nobody else
    assert str(candidate) == "mailto:putri@example.com"
    assert candidate.params["CN"] == CANDIDATE_NAME
    assert dict(candidate.params) | {"CN": ""} == {
        "CN": "",
        "CUTYPE": "INDIVIDUAL",
        "ROLE": "REQ-PARTICIPANT",
        "PARTSTAT": "NEEDS-ACTION",
        "RSVP": "TRUE",
    }
    # The interviewers' copy names every interviewer and the candidate; the candidate's only the candidate.
    staff = next(iter(Calendar.from_ical(ical_of(personas.hiring_manager.email)).walk("VEVENT")))
    assert {str(a) for a in staff["attendee"]} == {
        f"mailto:{personas.hiring_manager.email}",
        f"mailto:{personas.interviewer.email}",
        "mailto:putri@example.com",
    }
    assert str(staff["uid"]) == str(scheduled.calendar_uid)


def test_escaping_and_folding_follow_rfc_5545(scheduled, personas):
    text = ical_of(personas.hiring_manager.email)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert "Putri Maharani\\, S.Kom.\\; Jl. Kenari \\\\ No. 7" in text.replace("\r\n ", "")
    event = next(iter(Calendar.from_ical(text).walk("VEVENT")))
    assert CANDIDATE_NAME in str(event["summary"]) and str(event["location"]) == ROOM


def test_uids_are_random_and_unique(scheduled, personas, wita_job):
    other = application_make(job=wita_job, stage_kind=StageKind.USER_INTERVIEW, full_name="Andi Wijaya")
    second = interview_schedule(
        actor=personas.recruiter,
        application=other,
        plan_round=rounds_of(wita_job)["user"],
        starts_at=scheduled.starts_at,
        duration_minutes=45,
        interviewers=[personas.hiring_manager],
        notify=False,
    )
    assert scheduled.calendar_uid != second.calendar_uid
    assert f"interview-{scheduled.pk}@rekrut" not in ical_of(personas.hiring_manager.email)


def test_request_update_and_cancel_read_the_same_in_both_parsers(
    scheduled, personas, tmp_path, django_capture_on_commit_callbacks
):
    invited = ical_of("putri@example.com")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        moved = interview_reschedule(
            actor=personas.recruiter,
            interview=scheduled,
            starts_at=scheduled.starts_at + timedelta(days=1, hours=2),
            duration_minutes=90,
            location="https://meet.google.com/abc-defg-hij",
        )
    assert len(mail.outbox) == 3
    updated = ical_of("putri@example.com")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        interview_cancel(actor=personas.recruiter, interview=moved, reason="Posisi ditunda")
    assert len(mail.outbox) == 3
    cancelled = ical_of("putri@example.com")
    assert calendar_part(sent_to("putri@example.com")).get_param("method") == "CANCEL"

    uid = str(scheduled.calendar_uid)
    expected = [
        ("REQUEST", 0, "CONFIRMED", "09:00", scheduled.starts_at),
        ("REQUEST", 1, "CONFIRMED", "11:00", moved.starts_at),
        ("CANCEL", 2, "CANCELLED", "11:00", moved.starts_at),
    ]
    python_read = []
    for text in (invited, updated, cancelled):
        calendar = Calendar.from_ical(text)
        (event,) = calendar.walk("VEVENT")
        python_read.append(
            (
                str(calendar["method"]),
                int(event["sequence"]),
                str(event["status"]),
                event.decoded("dtstart").strftime("%H:%M"),
                event.decoded("dtstart").astimezone(UTC),
            )
        )
        assert str(event["uid"]) == uid
    assert python_read == expected
    update_event = next(iter(Calendar.from_ical(updated).walk("VEVENT")))
    assert str(update_event["url"]) == "https://meet.google.com/abc-defg-hij"

    for read, (method, sequence, status, local, utc) in zip(
        icaljs_read(tmp_path, [invited, updated, cancelled]), expected, strict=True
    ):
        assert (read["method"], read["uid"], read["sequence"], read["status"]) == (
            method,
            uid,
            sequence,
            status,
        )
        assert read["timezones"] == ["Asia/Makassar"] and read["dtstart_tzid"] == "Asia/Makassar"
        assert read["dtstart_local"].endswith(f"T{local}:00")
        assert read["dtstart_utc"] == utc.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        assert read["organizer"]["address"] == f"mailto:{settings.ORGANIZER_EMAIL}"
        (candidate,) = read["attendees"]
        assert candidate == {
            "address": "mailto:putri@example.com",
            "cn": CANDIDATE_NAME,
            "role": "REQ-PARTICIPANT",
            "partstat": "NEEDS-ACTION",
            "rsvp": "TRUE",
        }
        assert read["location"] == (ROOM if sequence == 0 else "https://meet.google.com/abc-defg-hij")


def test_each_person_reads_it_in_their_language(scheduled, personas):
    budi = sent_to(personas.hiring_manager.email)  # Indonesian, the default
    maya = sent_to(personas.interviewer.email)  # English
    putri = sent_to("putri@example.com")  # English
    stage = scheduled.round.stage
    assert stage.name_id in budi["Subject"] and stage.name_en in maya["Subject"]
    text = putri.get_payload()[0].get_payload()[0].get_payload(decode=True).decode()
    assert stage.name_en in text and " WITA" in text
    assert "never asks for money" in text and settings.ORGANIZER_EMAIL in text
    assert "technical skills" in text  # what a user interview assesses
    summary = str(next(iter(Calendar.from_ical(ical_of("putri@example.com")).walk("VEVENT")))["summary"])
    assert summary.startswith(stage.name_en) and settings.COMPANY_NAME in summary


def test_the_candidate_is_not_shown_the_internal_cancel_reason(
    scheduled, personas, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        interview_cancel(actor=personas.recruiter, interview=scheduled, reason="Kandidat kurang cocok")
    assert "Kandidat kurang cocok" in sent_to(personas.hiring_manager.email).as_string()
    assert "Kandidat kurang cocok" not in sent_to("putri@example.com").as_string()


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"starts_at": timezone.now() - timedelta(days=1)}, "in_the_past"),
        ({"duration_minutes": 0}, "duration"),
        ({}, "unchanged"),
    ],
)
def test_a_bad_reschedule_changes_nothing_and_tells_nobody(scheduled, personas, change, code):
    before = OutboxMessage.objects.count()
    values = {
        "starts_at": scheduled.starts_at,
        "duration_minutes": scheduled.duration_minutes,
        "location": scheduled.location,
    }
    with pytest.raises(DomainError) as refused:
        interview_reschedule(actor=personas.recruiter, interview=scheduled, **(values | change))
    assert refused.value.code == code
    fresh = Interview.objects.get(pk=scheduled.pk)
    assert (fresh.starts_at, fresh.calendar_sequence) == (scheduled.starts_at, 0)
    assert OutboxMessage.objects.count() == before


def test_a_cancelled_interview_cannot_be_moved(scheduled, personas):
    interview_cancel(actor=personas.recruiter, interview=scheduled, reason="Posisi ditunda")
    with pytest.raises(DomainError, match="cancelled"):
        interview_reschedule(
            actor=personas.recruiter,
            interview=scheduled,
            starts_at=scheduled.starts_at + timedelta(days=1),
            duration_minutes=60,
            location="",
        )


@pytest.mark.parametrize(
    ("place", "mode"),
    [
        ("https://zoom.us/j/123", "online"),
        ("+62 812-3456-7890", "phone"),
        ("zoom.us/j/123", "online"),
        ("Ruang Melati, lantai 3", "on_site"),
        ("", "on_site"),
    ],
)
def test_without_a_mode_it_is_read_from_the_place(place, mode):
    assert Place(location=place).checked().mode == mode


def test_an_online_interview_needs_its_link():
    with pytest.raises(DomainError, match="meeting link"):
        Place(mode="online", location="Ruang Melati").checked()


def test_each_mode_keeps_only_its_own_parts():
    assert Place(
        mode="online", location="Gedung A", room="3", meeting_url="meet.google.com/abc-defg-hij"
    ).checked() == (Place(mode="online", meeting_url="https://meet.google.com/abc-defg-hij"))
    assert Place(
        mode="phone", location="+62 21 555 0123", room="3", meeting_url="https://x.id"
    ).checked() == (Place(mode="phone", location="+62 21 555 0123"))
    assert Place(
        mode="on_site", location="Jl. Sudirman 1", room="Melati", meeting_url="https://x.id"
    ).checked() == (Place(mode="on_site", location="Jl. Sudirman 1", room="Melati"))


def test_the_current_invitation_downloads_from_the_page_and_the_api(scheduled, personas, client, api_for):
    client.force_login(personas.interviewer)
    page = client.get(f"/interviews/{scheduled.pk}/kit/")
    assert f"/interviews/{scheduled.pk}/calendar.ics".encode() in page.content
    for response in (
        client.get(f"/interviews/{scheduled.pk}/calendar.ics"),
        api_for(personas.interviewer).get(f"/api/v1/interviews/{scheduled.pk}/calendar.ics"),
    ):
        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        assert response["Cache-Control"] == "private, no-store"
        event = next(iter(Calendar.from_ical(response.content).walk("VEVENT")))
        assert str(event["uid"]) == str(scheduled.calendar_uid)
    outsider = api_for(personas.other_recruiter).get(f"/api/v1/interviews/{scheduled.pk}/calendar.ics")
    assert outsider.status_code == 404
