"""What is wrong with a proposed interview time: a person already in another interview then, outside an
interviewer's working hours, on their blocked time, or on an Indonesian public holiday.

Pure reads with a fixed number of queries (two, one for blocked time and one per interviewer's working
hours), worded in the viewer's language and zone. They are warnings: HR may go ahead after seeing them
(the planning page asks to confirm exactly the warnings it showed).
"""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import formats, timezone
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from rekrut.accounts.models import User
from rekrut.candidates.models import Candidate
from rekrut.core.localization import zone_abbreviation
from rekrut.interviews.models import MAX_DURATION_MINUTES, Interview, InterviewStatus
from rekrut.scheduling.availability import (
    blocked_times_overlapping,
    is_within_working_hours,
    public_holiday,
)

INTERVIEWER_BUSY = "interviewer_busy"
CANDIDATE_BUSY = "candidate_busy"
OUTSIDE_HOURS = "outside_hours"
BLOCKED = "blocked"
HOLIDAY = "holiday"


@dataclass(frozen=True)
class Conflict:
    kind: str
    # What the warning is about (the person and the other interview, the holiday's date): the planning
    # page's confirmation names these, so a changed warning is asked again.
    key: str
    message: str


def overlaps(first: tuple[datetime, datetime], second: tuple[datetime, datetime]) -> bool:
    """Two half-open stretches [start, end) share a moment: 09-10 and 10-11 touch and do not conflict."""
    return first[0] < second[1] and second[0] < first[1]


def conflicts_find(
    *,
    starts_at: datetime,
    ends_at: datetime,
    interviewers: Sequence[User],
    candidate: Candidate,
    place_zone: str,
    moving: Interview | None = None,
) -> list[Conflict]:
    """Every warning for an interview [starts_at, ends_at) with these interviewers and this candidate.

    `place_zone` is the zone of the job's location, whose calendar decides the holiday; `moving` is the
    interview being rescheduled, which does not conflict with itself.
    """
    people = list(dict.fromkeys(interviewers))
    found = _people_busy(starts_at, ends_at, people, moving)
    found += _candidate_busy(starts_at, ends_at, candidate, moving)
    for person in people:
        if not is_within_working_hours(user=person, starts_at=starts_at, ends_at=ends_at):
            found.append(_outside_hours(person, starts_at))
    for blocked in blocked_times_overlapping(users=people, starts_at=starts_at, ends_at=ends_at):
        found.append(
            Conflict(
                BLOCKED,
                f"blocked:{blocked.pk}",
                (
                    _("%(person)s has blocked this time (%(reason)s): %(when)s.")
                    if blocked.reason
                    else _("%(person)s has blocked this time: %(when)s.")
                )
                % {
                    "person": blocked.user,
                    "reason": blocked.reason,
                    "when": when_text(blocked.starts_at, blocked.ends_at),
                },
            )
        )
    found += _holidays(starts_at, ends_at, ZoneInfo(place_zone))
    return found


def conflicts_fingerprint(conflicts: Sequence[Conflict], *, starts_at: datetime, ends_at: datetime) -> str:
    """What "Schedule anyway" confirms: these warnings for this time. Another time or another warning
    gives another fingerprint, so the page asks again."""
    text = "|".join([starts_at.isoformat(), ends_at.isoformat(), *sorted(c.key for c in conflicts)])
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _people_busy(
    starts_at: datetime, ends_at: datetime, people: list[User], moving: Interview | None
) -> list[Conflict]:
    if not people:
        return []
    rows = (
        # The end is a property (start + length): narrow by the longest length in SQL, check exactly after.
        Interview.interviewers.through.objects.filter(
            user__in=people,
            interview__starts_at__lt=ends_at,
            interview__starts_at__gt=starts_at - timedelta(minutes=MAX_DURATION_MINUTES),
        )
        .exclude(interview__status=InterviewStatus.CANCELLED)
        .select_related("interview", "user")
        .order_by("interview__starts_at", "interview_id", "user_id")
    )
    if moving is not None:
        rows = rows.exclude(interview_id=moving.pk)
    return [
        Conflict(
            INTERVIEWER_BUSY,
            f"busy:{row.user_id}:{row.interview_id}",
            _("%(person)s already has another interview then: %(when)s.")
            % {"person": row.user, "when": when_text(row.interview.starts_at, row.interview.ends_at)},
        )
        for row in rows
        if overlaps((starts_at, ends_at), (row.interview.starts_at, row.interview.ends_at))
    ]


def _candidate_busy(
    starts_at: datetime, ends_at: datetime, candidate: Candidate, moving: Interview | None
) -> list[Conflict]:
    # Any of the candidate's applications: one person cannot sit two interviews at once, whatever the job.
    others = (
        Interview.objects.filter(
            application__candidate=candidate,
            starts_at__lt=ends_at,
            starts_at__gt=starts_at - timedelta(minutes=MAX_DURATION_MINUTES),
        )
        .exclude(status=InterviewStatus.CANCELLED)
        .order_by("starts_at", "pk")
    )
    if moving is not None:
        others = others.exclude(pk=moving.pk)
    return [
        Conflict(
            CANDIDATE_BUSY,
            f"candidate:{other.pk}",
            _("The candidate, %(person)s, already has another interview then: %(when)s.")
            % {"person": candidate.full_name, "when": when_text(other.starts_at, other.ends_at)},
        )
        for other in others
        if overlaps((starts_at, ends_at), (other.starts_at, other.ends_at))
    ]


def _outside_hours(person: User, starts_at: datetime) -> Conflict:
    own = timezone.localtime(starts_at, ZoneInfo(person.time_zone))
    return Conflict(
        OUTSIDE_HOURS,
        f"hours:{person.pk}",
        _("It is outside %(person)s's working hours (for them it starts %(time)s).")
        % {"person": person, "time": f"{_day_and_time(own)} {zone_abbreviation(person.time_zone)}"},
    )


def _holidays(starts_at: datetime, ends_at: datetime, zone: ZoneInfo) -> list[Conflict]:
    first = timezone.localtime(starts_at, zone).date()
    last = timezone.localtime(ends_at - timedelta(microseconds=1), zone).date()
    language = "id" if (get_language() or "id").startswith("id") else "en"
    found = []
    for offset in range((last - first).days + 1):
        day = first + timedelta(days=offset)
        if name := public_holiday(day, language=language):
            found.append(
                Conflict(
                    HOLIDAY,
                    f"holiday:{day.isoformat()}",
                    _("%(day)s is a public holiday in Indonesia: %(name)s.")
                    % {"day": formats.date_format(day, "DATE_FORMAT"), "name": name},
                )
            )
    return found


def _day_and_time(moment: datetime) -> str:
    day = f"{formats.date_format(moment, 'D')} {formats.date_format(moment, 'DATE_FORMAT')}"
    return f"{day}, {formats.time_format(moment, 'TIME_FORMAT')}"


def when_text(starts_at: datetime, ends_at: datetime) -> str:
    """ "Tue 1 December 2026, 10.00–11.00 WIB" in the viewer's zone."""
    zone_name = timezone.get_current_timezone_name()
    start = timezone.localtime(starts_at)
    end = timezone.localtime(ends_at)
    until = formats.time_format(end, "TIME_FORMAT")
    if end.date() != start.date():
        until = _day_and_time(end)
    return pgettext("a stretch of time", "%(start)s–%(end)s %(zone)s") % {
        "start": _day_and_time(start),
        "end": until,
        "zone": zone_abbreviation(zone_name),
    }
