"""Calendar invites for interviews (RFC 5545 format, RFC 5546 iTIP: REQUEST and CANCEL).

The UID stays the same for an interview's whole life and SEQUENCE grows with each change, so calendar
programs update or remove the one event instead of adding another. Times are written in UTC, never floating.
"""

from datetime import UTC, datetime

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from rekrut.accounts.models import User
from rekrut.core.site import absolute_url
from rekrut.interviews.models import Interview


def interview_invite(
    *,
    interview: Interview,
    attendees: list[User],
    method: str = "REQUEST",
    sequence: int = 0,
    now: datetime | None = None,
) -> dict:
    """The invite as an outbox attachment: {"filename", "content", "mimetype", "params"}."""
    application = interview.application
    calendar = Calendar()
    calendar.add("prodid", "-//Rekrut//Interview//ID")
    calendar.add("version", "2.0")
    calendar.add("method", method)
    event = Event()
    event.add("uid", f"interview-{interview.pk}@rekrut")
    event.add("sequence", sequence)
    event.add("dtstamp", now or timezone.now())
    event.add("dtstart", interview.starts_at.astimezone(UTC))
    event.add("dtend", interview.ends_at.astimezone(UTC))
    event.add(
        "summary",
        f"{interview.round.stage.name_id}: {application.candidate.full_name} — {application.job.title}",
    )
    if interview.location:
        event.add("location", interview.location)
    event.add("description", absolute_url("interviews:kit", interview.pk))
    event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
    organizer = vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL.split('<')[-1].rstrip('>')}")
    organizer.params["cn"] = vText(settings.COMPANY_NAME)
    event["organizer"] = organizer
    for person in attendees:
        if person.email:
            attendee = vCalAddress(f"mailto:{person.email}")
            attendee.params.update(
                {
                    "cn": vText(str(person)),
                    "role": vText("REQ-PARTICIPANT"),
                    "partstat": vText("NEEDS-ACTION"),
                    "rsvp": vText("TRUE"),
                }
            )
            event.add("attendee", attendee, encode=False)
    calendar.add_component(event)
    return {
        "filename": "cancel.ics" if method == "CANCEL" else "invite.ics",
        "content": calendar.to_ical().decode(),
        "mimetype": "text/calendar",
        "params": {"method": method},
    }
