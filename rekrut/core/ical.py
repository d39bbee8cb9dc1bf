"""Calendar invitations (RFC 5545 format, RFC 5546 iTIP: REQUEST and CANCEL), for any app with a time.

One event per appointment: its UID is stored by the caller (unique across installations) and SEQUENCE,
stored too, grows with each change and the cancellation, so calendar programs update or remove the one
event they hold instead of adding another. Times are written in the place's zone (DTSTART;TZID=Asia/Makassar
with its VTIMEZONE), so an event reads "09.00 WITA" to someone on site and each calendar still converts it.
The icalendar library escapes commas, semicolons and backslashes and folds long lines (RFC 5545 3.1, 3.3.11).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

REQUEST, CANCEL = "REQUEST", "CANCEL"


def calendar_address(email: str, name: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    address.params["cn"] = vText(name)
    return address


def calendar_attendee(email: str, name: str) -> vCalAddress:
    # RSVP=TRUE and PARTSTAT=NEEDS-ACTION are what make Google Calendar and Outlook show Accept/Decline.
    attendee = calendar_address(email, name)
    attendee.params.update(
        {"cutype": "INDIVIDUAL", "role": "REQ-PARTICIPANT", "partstat": "NEEDS-ACTION", "rsvp": "TRUE"}
    )
    return attendee


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    sequence: int
    starts_at: datetime
    ends_at: datetime
    zone: str
    summary: str
    description: str = ""
    location: str = ""
    url: str = ""
    # (e-mail, name) of each person invited
    attendees: Iterable[tuple[str, str]] = ()


def calendar_build(
    event_data: CalendarEvent, *, method: str = REQUEST, product: str = "Event", now: datetime | None = None
) -> str:
    """One event as iCalendar text, organised by the company's mailbox; CANCEL marks it cancelled."""
    zone = ZoneInfo(event_data.zone)
    event = Event()
    event.add("uid", event_data.uid)
    event.add("sequence", event_data.sequence)
    event.add("dtstamp", now or timezone.now())
    event.add("dtstart", event_data.starts_at.astimezone(zone))
    event.add("dtend", event_data.ends_at.astimezone(zone))
    event.add("status", "CANCELLED" if method == CANCEL else "CONFIRMED")
    event.add("transp", "OPAQUE")
    event["organizer"] = calendar_address(settings.ORGANIZER_EMAIL, settings.COMPANY_NAME)
    event.add("summary", event_data.summary)
    if event_data.description:
        event.add("description", event_data.description)
    if event_data.location:
        event.add("location", event_data.location)
    if event_data.url:
        event.add("url", event_data.url)
    for email, name in event_data.attendees:
        if email:
            event.add("attendee", calendar_attendee(email, name), encode=False)

    calendar = Calendar()
    calendar.add("prodid", f"-//Rekrut//{product}//ID")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical().decode()


def calendar_part(ical: str, *, method: str) -> dict:
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
