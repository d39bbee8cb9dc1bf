"""Calendar invitations for interviews, built by core.ical (RFC 5545/5546: REQUEST and CANCEL).

One event per interview: its UID is a random UUID stored on the interview and SEQUENCE, stored too, grows
with each reschedule and the cancellation, so calendar programs update or remove the one event they hold.
Times are written in the job location's zone, so an event reads "09.00 WITA" to the candidate on site.
"""

from datetime import datetime

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _

from rekrut.core.ical import CANCEL, REQUEST, CalendarEvent, calendar_build, calendar_part
from rekrut.core.site import absolute_url
from rekrut.interviews.models import Interview, InterviewMode

__all__ = [
    "CANCEL",
    "REQUEST",
    "interview_zone",
    "invitation_build",
    "invitation_part",
    "invitation_response",
]

ONLINE, ON_SITE, PHONE = InterviewMode.ONLINE, InterviewMode.ON_SITE, InterviewMode.PHONE


def interview_zone(interview: Interview) -> str:
    """The zone the interview happens in: the job's location's (WIB, WITA or WIT)."""
    return interview.application.job.location.time_zone


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
    round_name = interview.round.stage.name
    attendees: list[tuple[str, str]] = []
    if for_candidate:
        summary = _("%(round)s: %(job)s at %(company)s") % {
            "round": round_name,
            "job": job.title,
            "company": settings.COMPANY_NAME,
        }
        description = ""
    else:
        summary = f"{round_name}: {candidate.full_name} — {job.title}"
        description = _("Interview kit and scorecard: %(url)s") % {
            "url": absolute_url("interviews:kit", interview.pk)
        }
        attendees += [(person.email, str(person)) for person in interview.interviewers.all()]
    attendees.append((candidate.email, candidate.full_name))
    return calendar_build(
        CalendarEvent(
            uid=str(interview.calendar_uid),
            sequence=interview.calendar_sequence,
            starts_at=interview.starts_at,
            ends_at=interview.ends_at,
            zone=interview_zone(interview),
            summary=summary,
            description=description,
            location=interview.place or "",
            url=interview.meeting_url if interview.mode == ONLINE else "",
            attendees=attendees,
        ),
        method=method,
        product="Interview",
        now=now,
    )


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
    """The invitation as an outbox attachment (core.ical.calendar_part)."""
    return calendar_part(ical, method=method)
