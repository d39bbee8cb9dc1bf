"""Reads of the week views: a person's interviews in an ISO week and a job's, by day in the viewer's zone,
with Indonesia's public holidays marked. Two queries whatever the number of interviews (the interviews
with their candidate, round and job, then their interviewers)."""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import get_language

from rekrut.accounts.models import User
from rekrut.interviews.models import Interview
from rekrut.interviews.selectors.interviews import interviews_visible_to
from rekrut.jobs.models import Job, TeamRole
from rekrut.scheduling.availability import public_holiday

# A week holds far fewer interviews than this; the cap keeps a page bounded whatever the data.
WEEK_LIMIT = 500
_ISO_WEEK = re.compile(r"(\d{4})-?W(\d{1,2})", re.IGNORECASE)


@dataclass
class Day:
    day: date
    holiday: str = ""
    is_today: bool = False
    interviews: list[Interview] = field(default_factory=list)


@dataclass
class Week:
    monday: date
    days: list[Day]
    truncated: bool = False

    @property
    def label(self) -> str:
        return week_label(self.monday)

    @property
    def number(self) -> int:
        return self.monday.isocalendar().week

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    @property
    def previous(self) -> str:
        return week_label(self.monday - timedelta(days=7))

    @property
    def next(self) -> str:
        return week_label(self.monday + timedelta(days=7))

    @property
    def count(self) -> int:
        return sum(len(d.interviews) for d in self.days)


def week_label(monday: date) -> str:
    """The ISO 8601 week of a day, as the address carries it: 2026-W49."""
    year, number, _weekday = monday.isocalendar()
    return f"{year}-W{number:02d}"


def week_monday(text: str, *, today: date) -> date | None:
    """The Monday of an ISO week typed as 2026-W49 (or 2026W49); today's week when empty; None when the
    text is not a week of the years Rekrut accepts (2000-2099)."""
    if not text.strip():
        return today - timedelta(days=today.weekday())
    match = _ISO_WEEK.fullmatch(text.strip())
    if not match:
        return None
    year, number = int(match.group(1)), int(match.group(2))
    if not 2000 <= year <= 2099:
        return None
    try:
        return date.fromisocalendar(year, number, 1)
    except ValueError:
        return None


def interviews_mine(*, user: User) -> QuerySet[Interview]:
    """Interviews the user holds, and for HR those of the jobs they own; only what they may still see."""
    wanted = Q(pk__in=Interview.interviewers.through.objects.filter(user=user).values("interview_id"))
    if user.is_hr:
        owned = Job.objects.filter(team__user=user, team__role=TeamRole.HR_OWNER).values("pk")
        wanted |= Q(application__job__in=owned)
    return interviews_visible_to(user=user).filter(wanted)


def interviews_of_job(*, job: Job) -> QuerySet[Interview]:
    """A job's interviews; the caller has checked that the viewer may see the job."""
    return Interview.objects.filter(application__job=job).select_related(
        "round__stage", "application__candidate", "application__stage"
    )


def week_build(*, interviews: QuerySet[Interview], monday: date, zone_name: str) -> Week:
    """The week from `monday` in the viewer's zone, each day with its interviews and holiday."""
    zone = ZoneInfo(zone_name)
    start = datetime.combine(monday, time.min, tzinfo=zone)
    end = start + timedelta(days=7)
    rows = list(
        interviews.filter(starts_at__gte=start, starts_at__lt=end)
        .select_related("application__job__location")
        .prefetch_related("interviewers")
        .order_by("starts_at", "pk")[: WEEK_LIMIT + 1]
    )
    today = timezone.localtime(timezone.now(), zone).date()
    language = "id" if (get_language() or "id").startswith("id") else "en"
    days = []
    for offset in range(7):
        day = monday + timedelta(days=offset)
        days.append(Day(day=day, holiday=public_holiday(day, language=language), is_today=day == today))
    for interview in rows[:WEEK_LIMIT]:
        offset = (timezone.localtime(interview.starts_at, zone).date() - monday).days
        days[offset].interviews.append(interview)
    return Week(monday=monday, days=days, truncated=len(rows) > WEEK_LIMIT)
