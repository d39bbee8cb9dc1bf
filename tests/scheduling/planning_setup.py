"""What the planning, conflict and week tests share: a frozen Monday morning in August 2027 (the week
before Independence Day, 17 August), team A's job in Jakarta (WIB) and helpers to plan interviews."""

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from rekrut.interviews.models import Interview, PlanRound
from rekrut.interviews.services.interviews import Place, interview_schedule
from rekrut.interviews.services.plans import interview_plan_ensure
from rekrut.jobs.models import Job, Location
from rekrut.scheduling.availability import public_holiday

WIB, WITA, WIT = ZoneInfo("Asia/Jakarta"), ZoneInfo("Asia/Makassar"), ZoneInfo("Asia/Jayapura")
# Monday 9 August 2027, 08:00 WIB: ISO week 2027-W32; the next week holds 17 August, a public holiday.
NOW = datetime(2027, 8, 9, 8, 0, tzinfo=WIB)


@pytest.fixture
def frozen() -> Iterator[datetime]:
    with time_machine.travel(NOW, tick=False):
        yield NOW


def at(day: int, hour: int, minute: int = 0, zone: ZoneInfo = WIB) -> datetime:
    """A moment of August 2027 in a zone."""
    return datetime(2027, 8, day, hour, minute, tzinfo=zone)


def first_round(job: Job) -> PlanRound:
    interview_plan_ensure(job=job)
    return job.interview_rounds.select_related("stage").order_by("stage__position").first()


def planned(application, people, starts_at, *, minutes=60, actor=None, place=None) -> Interview:
    """An interview still to come, through the real service (no e-mail)."""
    job = application.job
    actor = actor or job.team.filter(role="hr_owner").first().user
    return interview_schedule(
        actor=actor,
        application=application,
        plan_round=first_round(job),
        starts_at=starts_at,
        duration_minutes=minutes,
        interviewers=people,
        place=place or Place(mode="on_site", location="Kantor Pusat Jakarta", room="Melati"),
        notify=False,
        add_to_team=True,
    )


def relocated(job: Job, *, name: str, city: str, zone: str) -> Job:
    """The job moved to a location in another zone (Makassar is WITA, Jayapura WIT)."""
    job.location = Location.objects.get_or_create(name=name, defaults={"city": city, "time_zone": zone})[0]
    job.save(update_fields=["location"])
    return job


def form_data(**overrides: object) -> dict[str, object]:
    """The schedule form filled in for Wednesday 11 August 2027, 10:00 on site."""
    data: dict[str, object] = {
        "day": "2027-08-11",
        "at": "10:00",
        "duration_minutes": "60",
        "mode": "on_site",
        "address": "Kantor Pusat Jakarta, Jl. Sudirman 1",
        "room": "Ruang Melati",
        "meeting_url": "",
        "phone_from": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


ONE_HOUR = timedelta(hours=1)


def working_day(days_ahead: int) -> date:
    """A weekday at least `days_ahead` days from today (WIB) that is no public holiday: a time on it, in
    office hours, draws no conflict warning to confirm."""
    day = timezone.localdate(timezone.now(), WIB) + timedelta(days=days_ahead)
    while day.weekday() >= 5 or public_holiday(day):
        day += timedelta(days=1)
    return day
