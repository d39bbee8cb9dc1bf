"""Reads for slot offers: the times that can be offered, the offers of an application, and what a candidate
may still pick."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import groupby
from zoneinfo import ZoneInfo

from django.db.models import QuerySet
from django.utils import timezone

from rekrut.accounts.models import User
from rekrut.pipeline.models import Application
from rekrut.scheduling.availability import Window, free_windows, public_holiday
from rekrut.scheduling.models import Slot, SlotOffer

# Offered times start on the hour or the half hour (every Indonesian zone is a whole hour from UTC).
STEP = timedelta(minutes=30)
# A time can be picked until this long before it starts, so the interviewers learn of it in time.
BOOKING_NOTICE = timedelta(hours=2)
MAX_DAYS = 15


@dataclass(frozen=True)
class Day:
    day: date
    moments: list[datetime]


def working_days_ahead(*, zone: ZoneInfo, days: int, now: datetime) -> datetime:
    """The end of the `days`-th working day (Monday to Friday, not a holiday) after today, in `zone`."""
    day = now.astimezone(zone).date()
    counted = 0
    while counted < days:
        day += timedelta(days=1)
        if day.weekday() < 5 and not public_holiday(day):
            counted += 1
    return datetime.combine(day + timedelta(days=1), time(0), zone)


def _aligned(moment: datetime) -> datetime:
    epoch = datetime(2000, 1, 1, tzinfo=moment.tzinfo)
    steps = -(-(moment - epoch) // STEP)  # rounded up
    return epoch + steps * STEP


def starts_within(windows: Sequence[Window], duration: timedelta) -> list[datetime]:
    starts: list[datetime] = []
    for begin, end in windows:
        moment = _aligned(begin)
        while moment + duration <= end:
            starts.append(moment)
            moment += STEP
    return starts


def slot_starts_proposed(
    *, interviewers: Sequence[User], duration_minutes: int, zone: str, days: int, now: datetime | None = None
) -> list[datetime]:
    """Every start on the half hour, over the next `days` working days, when all interviewers are free for
    the whole length (working hours minus blocked time, interviews and holidays)."""
    now = now or timezone.now()
    end = working_days_ahead(zone=ZoneInfo(zone), days=min(days, MAX_DAYS), now=now)
    windows = free_windows(users=interviewers, start=now + BOOKING_NOTICE, end=end)
    return starts_within(windows, timedelta(minutes=duration_minutes))


def by_day(moments: Sequence[datetime], zone: str) -> list[Day]:
    local = ZoneInfo(zone)
    return [
        Day(day=day, moments=list(group))
        for day, group in groupby(sorted(moments), key=lambda moment: moment.astimezone(local).date())
    ]


def offers_of_application(*, application: Application) -> QuerySet[SlotOffer]:
    return (
        SlotOffer.objects.filter(application=application)
        .select_related("round__stage", "interview", "created_by", "link")
        .prefetch_related("slots", "interviewers")
    )


def offer_for_link(subject_id: int) -> SlotOffer | None:
    """The offer a verified link opens, with what the candidate's page shows."""
    return (
        SlotOffer.objects.select_related(
            "application__candidate", "application__job__location", "round__stage", "interview"
        )
        .prefetch_related("interviewers")
        .filter(pk=subject_id)
        .first()
    )


def slots_open(*, offer: SlotOffer, now: datetime | None = None) -> list[Slot]:
    """The offer's slots a candidate may still take: not taken, far enough ahead, and the interviewers still
    free then (they may have been booked or blocked the time since it was offered)."""
    now = now or timezone.now()
    slots = list(offer.slots.filter(taken_at__isnull=True, starts_at__gte=now + BOOKING_NOTICE))
    if not slots:
        return []
    length = timedelta(minutes=offer.duration_minutes)
    windows = free_windows(
        users=list(offer.interviewers.all()), start=slots[0].starts_at, end=slots[-1].starts_at + length
    )
    return [slot for slot in slots if _inside(slot.starts_at, slot.starts_at + length, windows)]


def _inside(starts_at: datetime, ends_at: datetime, windows: Sequence[Window]) -> bool:
    return any(begin <= starts_at and ends_at <= end for begin, end in windows)
