"""Calendar invitations for interviews (RFC 5545 format, RFC 5546 iTIP: REQUEST and CANCEL).

One event per interview: its UID is a random UUID stored on the interview (unique across installations and
rebuilt databases) and SEQUENCE, stored too, grows with each reschedule and the cancellation, so calendar
programs update or remove the one event they hold instead of adding another. Times are written in the job
location's zone (DTSTART;TZID=Asia/Makassar with its VTIMEZONE), so an event reads "09.00 WITA" to the
candidate on site and each calendar still converts it for people elsewhere. The icalendar library escapes
commas, semicolons and backslashes and folds long lines (RFC 5545 3.1 and 3.3.11).
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from rekrut.core.site import absolute_url
from rekrut.interviews.models import Interview, InterviewMode

REQUEST, CANCEL = "REQUEST", "CANCEL"

ONLINE, ON_SITE, PHONE = InterviewMode.ONLINE, InterviewMode.ON_SITE, InterviewMode.PHONE


def interview_zone(interview: Interview) -> str:
    """The zone the interview happens in: the job's location's (WIB, WITA or WIT)."""
    return interview.application.job.location.time_zone


def _address(email: str, name: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    address.params["cn"] = vText(name)
    return address


def _attendee(email: str, name: str) -> vCalAddress:
    # RSVP=TRUE and PARTSTAT=NEEDS-ACTION are what make Google Calendar and Outlook show Accept/Decline.
    attendee = _address(email, name)
    attendee.params.update(
        {"cutype": "INDIVIDUAL", "role": "REQ-PARTICIPANT", "partstat": "NEEDS-ACTION", "rsvp": "TRUE"}
    )
    return attendee


def invitation_build(
    *, interview: Interview, for_candidate: bool, method: str = "", now: datetime | None = None
) -> str:
    """The interview's invitation as iCalendar text, worded in the active language.

    `method` is REQUEST, or CANCEL for a cancelled interview (the default follows the interview's status).
    The interviewers' copy lists every interviewer and the candidate and links the kit; the candidate's copy
    lists only the candidate, since interviewers' addresses are the company's internal contacts and the
    organizer's mailbox answers for them.
    """
    method = method or (CANCEL if interview.is_cancelled else REQUEST)
    application = interview.application
    candidate, job = application.candidate, application.job
    zone = ZoneInfo(interview_zone(interview))
    round_name = interview.round.stage.name

    event = Event()
    event.add("uid", str(interview.calendar_uid))
    event.add("sequence", interview.calendar_sequence)
    event.add("dtstamp", now or timezone.now())
    event.add("dtstart", interview.starts_at.astimezone(zone))
    event.add("dtend", interview.ends_at.astimezone(zone))
    event.add("status", "CANCELLED" if method == CANCEL else "CONFIRMED")
    event.add("transp", "OPAQUE")
    event["organizer"] = _address(settings.ORGANIZER_EMAIL, settings.COMPANY_NAME)
    if for_candidate:
        event.add(
            "summary",
            _("%(round)s: %(job)s at %(company)s")
            % {"round": round_name, "job": job.title, "company": settings.COMPANY_NAME},
        )
    else:
        event.add("summary", f"{round_name}: {candidate.full_name} — {job.title}")
        event.add(
            "description",
            _("Interview kit and scorecard: %(url)s") % {"url": absolute_url("interviews:kit", interview.pk)},
        )
    if interview.place:
        event.add("location", interview.place)
    if interview.mode == ONLINE and interview.meeting_url:
        event.add("url", interview.meeting_url)
    if not for_candidate:
        for person in interview.interviewers.all():
            if person.email:
                event.add("attendee", _attendee(person.email, str(person)), encode=False)
    if candidate.email:
        event.add("attendee", _attendee(candidate.email, candidate.full_name), encode=False)

    calendar = Calendar()
    calendar.add("prodid", "-//Rekrut//Interview//ID")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical().decode()


def invitation_response(interview: Interview) -> HttpResponse:
    """The interview's current invitation (the interviewers' copy, in the active language) as a download
    for the page and the API; personal data, so never cached."""
    response = HttpResponse(
        invitation_build(interview=interview, for_candidate=False),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="interview-{interview.pk}.ics"'
    response["Cache-Control"] = "private, no-store"
    return response


def invitation_part(ical: str, *, method: str) -> dict:
    """The invitation as an outbox attachment. `alternative` puts it beside the text body in
    multipart/alternative as text/calendar; method=...: that, not a file, is what Outlook and Google
    Calendar show with Accept/Decline. The same text is attached as invite.ics for other mail programs."""
    return {
        "filename": "cancel.ics" if method == CANCEL else "invite.ics",
        "content": ical,
        "mimetype": "text/calendar",
        "params": {"method": method},
        "alternative": True,
        "file_mimetype": "application/ics",
    }
