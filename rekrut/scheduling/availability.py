"""When people are free: their working hours (in their own zone), minus the time they blocked, minus the
interviews they already have, minus Indonesia's public holidays. Pure reads; every result is in aware
datetimes, so callers show them in whichever zone they need."""

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

from rekrut.accounts.models import User
from rekrut.interviews.models import MAX_DURATION_MINUTES, Interview, InterviewStatus
from rekrut.scheduling.models import BlockedTime, WorkingHours
from rekrut.scheduling.models.availability import DEFAULT_ENDS, DEFAULT_STARTS, DEFAULT_WEEKDAYS

Window = tuple[datetime, datetime]
# A week's hours as {weekday: [(starts, ends), ...]} in the person's own zone.
Week = dict[int, list[tuple[time, time]]]

DEFAULT_WEEK: Week = {weekday: [(DEFAULT_STARTS, DEFAULT_ENDS)] for weekday in DEFAULT_WEEKDAYS}


@lru_cache(maxsize=16)
def _holidays_of(year: int, language: str) -> dict[date, str]:
    # The holidays library follows the government's yearly joint decree (SKB) on national holidays.
    return dict(holidays.Indonesia(years=year, language=language).items())


def public_holiday(day: date, *, language: str = "id") -> str:
    """The name of the Indonesian public holiday on `day`, or "" on an ordinary day."""
    return _holidays_of(day.year, "id" if language == "id" else "en_US").get(day, "")


def week_of(user: User) -> Week:
    """The person's working hours by weekday; the default office week when they set none."""
    return _weeks_of([user])[user.pk]


def _weeks_of(users: Sequence[User]) -> dict[int, Week]:
    weeks: dict[int, Week] = {user.pk: {} for user in users}
    for row in WorkingHours.objects.filter(user__in=users).order_by("weekday", "starts"):
        weeks[row.user_id].setdefault(row.weekday, []).append((row.starts, row.ends))
    return {pk: week or DEFAULT_WEEK for pk, week in weeks.items()}


def _windows_on(week: Week, zone: ZoneInfo, day: date) -> list[Window]:
    return _merged(
        [
            (datetime.combine(day, starts, zone), datetime.combine(day, ends, zone))
            for starts, ends in week.get(day.weekday(), [])
        ]
    )


def working_windows(*, user: User, day: date) -> list[Window]:
    """The stretches `user` works on `day` (a date in their own zone), as aware datetimes."""
    return _windows_on(week_of(user), ZoneInfo(user.time_zone), day)


def is_within_working_hours(*, user: User, starts_at: datetime, ends_at: datetime) -> bool:
    """Whether [starts_at, ends_at) lies inside one unbroken stretch of the person's working hours."""
    zone = ZoneInfo(user.time_zone)
    week = week_of(user)
    first = starts_at.astimezone(zone).date()
    last = ends_at.astimezone(zone).date()
    windows = _merged(
        [
            window
            for offset in range((last - first).days + 1)
            for window in _windows_on(week, zone, first + timedelta(days=offset))
        ]
    )
    return any(begin <= starts_at and ends_at <= end for begin, end in windows)


def blocked_times_overlapping(
    *, users: Iterable[User], starts_at: datetime, ends_at: datetime
) -> list[BlockedTime]:
    """Blocked times of any of `users` that overlap [starts_at, ends_at), earliest first."""
    return list(
        BlockedTime.objects.filter(user__in=list(users), starts_at__lt=ends_at, ends_at__gt=starts_at)
        .select_related("user")
        .order_by("starts_at", "pk")
    )


def interviews_overlapping(
    *, users: Iterable[User], starts_at: datetime, ends_at: datetime, exclude_pk: int | None = None
) -> list[Interview]:
    """Non-cancelled interviews with any of `users` as interviewer that overlap [starts_at, ends_at)."""
    # The end is a property (start + length): narrow by the longest length in SQL, then check exactly.
    candidates = Interview.objects.filter(
        interviewers__in=list(users),
        starts_at__lt=ends_at,
        starts_at__gt=starts_at - timedelta(minutes=MAX_DURATION_MINUTES),
    )
    if exclude_pk is not None:
        candidates = candidates.exclude(pk=exclude_pk)
    candidates = candidates.exclude(status=InterviewStatus.CANCELLED).distinct().order_by("starts_at", "pk")
    return [interview for interview in candidates if interview.ends_at > starts_at]


def free_windows(*, users: Sequence[User], start: datetime, end: datetime) -> list[Window]:
    """The stretches inside [start, end) when every one of `users` works, has nothing blocked, has no
    interview and it is not a public holiday (in their own zone). Earliest first; empty without users."""
    people = list(dict.fromkeys(users))
    if not people or end <= start:
        return []
    weeks = _weeks_of(people)
    free: list[Window] = [(start, end)]
    for person in people:
        free = _intersected(free, _working_between(weeks[person.pk], ZoneInfo(person.time_zone), start, end))
    busy = [
        (row.starts_at, row.ends_at)
        for row in blocked_times_overlapping(users=people, starts_at=start, ends_at=end)
    ]
    busy += [
        (interview.starts_at, interview.ends_at)
        for interview in interviews_overlapping(users=people, starts_at=start, ends_at=end)
    ]
    return _subtracted(free, _merged(busy))


def _working_between(week: Week, zone: ZoneInfo, start: datetime, end: datetime) -> list[Window]:
    first, last = start.astimezone(zone).date(), end.astimezone(zone).date()
    windows: list[Window] = []
    for offset in range((last - first).days + 1):
        day = first + timedelta(days=offset)
        if not public_holiday(day):
            windows += _windows_on(week, zone, day)
    return _intersected(_merged(windows), [(start, end)])


def _merged(windows: Iterable[Window]) -> list[Window]:
    """Sorted, with overlapping or touching windows joined (08-12 and 12-17 is one stretch)."""
    result: list[Window] = []
    for begin, end in sorted(windows):
        if result and begin <= result[-1][1]:
            result[-1] = (result[-1][0], max(result[-1][1], end))
        else:
            result.append((begin, end))
    return result


def _intersected(first: list[Window], second: list[Window]) -> list[Window]:
    result: list[Window] = []
    i = j = 0
    while i < len(first) and j < len(second):
        begin, end = max(first[i][0], second[j][0]), min(first[i][1], second[j][1])
        if begin < end:
            result.append((begin, end))
        if first[i][1] < second[j][1]:
            i += 1
        else:
            j += 1
    return result


def _subtracted(windows: list[Window], busy: list[Window]) -> list[Window]:
    result: list[Window] = []
    for begin, end in windows:
        cursor = begin
        for busy_begin, busy_end in busy:
            if busy_end <= cursor or busy_begin >= end:
                continue
            if busy_begin > cursor:
                result.append((cursor, busy_begin))
            cursor = max(cursor, busy_end)
        if cursor < end:
            result.append((cursor, end))
    return result
