"""When people are free: working hours in their own zone, blocked time, interviews and public holidays; and
the page where each person keeps their own hours and blocked time."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from rekrut.core.errors import DomainError
from rekrut.events.models import AuditEvent
from rekrut.interviews.services.interviews import interview_schedule
from rekrut.scheduling.availability import (
    blocked_times_overlapping,
    free_windows,
    is_within_working_hours,
    public_holiday,
    working_windows,
)
from rekrut.scheduling.models import BlockedTime, WorkingHours
from rekrut.scheduling.services.availability import blocked_time_add, working_hours_set
from tests.accounts.factories import UserFactory
from tests.pipeline.factories import application_make
from tests.scheduling.factories import first_round

pytestmark = pytest.mark.django_db

WIB, WITA, WIT = ZoneInfo("Asia/Jakarta"), ZoneInfo("Asia/Makassar"), ZoneInfo("Asia/Jayapura")
TUESDAY = date(2026, 12, 8)


@pytest.fixture(autouse=True)
def monday():
    with time_machine.travel("2026-12-07 01:00:00+00:00", tick=False) as traveller:
        yield traveller


def at(day: date, hour: int, zone: ZoneInfo, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), zone)


def test_without_hours_of_their_own_a_person_works_the_office_week_in_their_zone():
    makassar = UserFactory(time_zone="Asia/Makassar")
    assert working_windows(user=makassar, day=TUESDAY) == [(at(TUESDAY, 8, WITA), at(TUESDAY, 17, WITA))]
    assert working_windows(user=makassar, day=date(2026, 12, 12)) == []  # Saturday


def test_a_lunch_break_splits_the_day_and_touching_stretches_join():
    person = UserFactory(time_zone="Asia/Jayapura")
    working_hours_set(
        actor=person,
        user=person,
        week={1: [(time(8), time(12)), (time(13), time(16))], 2: [(time(8), time(12)), (time(12), time(15))]},
    )
    assert working_windows(user=person, day=TUESDAY) == [
        (at(TUESDAY, 8, WIT), at(TUESDAY, 12, WIT)),
        (at(TUESDAY, 13, WIT), at(TUESDAY, 16, WIT)),
    ]
    assert is_within_working_hours(user=person, starts_at=at(TUESDAY, 9, WIT), ends_at=at(TUESDAY, 11, WIT))
    assert not is_within_working_hours(
        user=person, starts_at=at(TUESDAY, 11, WIT), ends_at=at(TUESDAY, 14, WIT)
    )
    wednesday = TUESDAY + timedelta(days=1)
    assert is_within_working_hours(
        user=person, starts_at=at(wednesday, 11, WIT), ends_at=at(wednesday, 13, WIT)
    )
    assert working_windows(user=person, day=date(2026, 12, 7)) == []  # Monday: no row, a day off


def test_free_windows_are_what_everyone_shares_across_zones():
    jakarta, jayapura = UserFactory(time_zone="Asia/Jakarta"), UserFactory(time_zone="Asia/Jayapura")
    # 08.00-17.00 WIB is 10.00-19.00 WIT; 08.00-17.00 WIT is 06.00-15.00 WIB: together 08.00-15.00 WIB.
    free = free_windows(users=[jakarta, jayapura], start=at(TUESDAY, 0, WIB), end=at(TUESDAY, 23, WIB))
    assert free == [(at(TUESDAY, 8, WIB), at(TUESDAY, 15, WIB))]


def test_blocked_time_and_interviews_are_taken_out(team_a_job, personas):
    person = personas.hiring_manager
    BlockedTime.objects.create(user=person, starts_at=at(TUESDAY, 9, WIB), ends_at=at(TUESDAY, 10, WIB))
    application = application_make(job=team_a_job)
    interview_schedule(
        actor=personas.recruiter,
        application=application,
        plan_round=first_round(team_a_job),
        starts_at=at(TUESDAY, 13, WIB),
        duration_minutes=90,
        interviewers=[person],
        location="Ruang Melati",
    )
    free = free_windows(users=[person], start=at(TUESDAY, 0, WIB), end=at(TUESDAY, 23, WIB))
    assert free == [
        (at(TUESDAY, 8, WIB), at(TUESDAY, 9, WIB)),
        (at(TUESDAY, 10, WIB), at(TUESDAY, 13, WIB)),
        (at(TUESDAY, 14, WIB, 30), at(TUESDAY, 17, WIB)),
    ]
    assert [
        b.user
        for b in blocked_times_overlapping(
            users=[person], starts_at=at(TUESDAY, 9, WIB, 30), ends_at=at(TUESDAY, 11, WIB)
        )
    ] == [person]


def test_public_holidays_are_not_free():
    christmas = date(2026, 12, 25)  # a Friday
    assert public_holiday(christmas) == "Hari Raya Natal"
    person = UserFactory(time_zone="Asia/Makassar")
    assert free_windows(users=[person], start=at(christmas, 0, WITA), end=at(christmas, 23, WITA)) == []
    assert free_windows(
        users=[person], start=at(christmas - timedelta(days=1), 0, WITA), end=at(christmas, 23, WITA)
    )


def test_a_blocked_time_in_the_past_or_ending_before_it_starts_is_refused():
    person = UserFactory()
    with pytest.raises(DomainError, match="already over"):
        blocked_time_add(
            actor=person,
            starts_at=datetime(2026, 12, 1, 1, tzinfo=UTC),
            ends_at=datetime(2026, 12, 1, 3, tzinfo=UTC),
        )
    with pytest.raises(DomainError, match="end after it starts"):
        blocked_time_add(actor=person, starts_at=at(TUESDAY, 10, WIB), ends_at=at(TUESDAY, 9, WIB))
    assert not BlockedTime.objects.exists()


def test_overlapping_stretches_are_refused():
    person = UserFactory()
    with pytest.raises(DomainError, match="overlap"):
        working_hours_set(actor=person, user=person, week={0: [(time(8), time(12)), (time(11), time(15))]})
    assert not WorkingHours.objects.exists()


def test_the_page_saves_my_hours_in_my_zone_and_records_it(client_for, personas):
    client = client_for(personas.interviewer)
    page = client.get(reverse("scheduling:availability"))
    assert page.status_code == 200
    data = {f"day_{n}": "" for n in range(7)}
    data.update({"day_0": "08.00-12.00, 13.00-17.00", "day_4": "08:00–11:30"})
    response = client.post(reverse("scheduling:availability"), data)
    assert response.status_code == 302
    rows = list(
        WorkingHours.objects.filter(user=personas.interviewer).values_list("weekday", "starts", "ends")
    )
    assert rows == [(0, time(8), time(12)), (0, time(13), time(17)), (4, time(8), time(11, 30))]
    assert AuditEvent.objects.filter(action="scheduling.working_hours_changed").count() == 1


def test_the_page_says_what_is_wrong_and_changes_nothing(client_for, personas):
    client = client_for(personas.interviewer)
    data = {f"day_{n}": "" for n in range(7)}
    data["day_1"] = "17.00-08.00"
    response = client.post(reverse("scheduling:availability"), data)
    assert response.status_code == 200
    assert "must end after it starts" in response.content.decode()
    data["day_1"] = "pagi saja"
    assert (
        "Write the hours like 08.00-12.00"
        in client.post(reverse("scheduling:availability"), data).content.decode()
    )
    assert not WorkingHours.objects.exists()


def test_blocking_a_past_time_on_the_page_is_refused_clearly(client_for, personas):
    client = client_for(personas.interviewer)
    response = client.post(
        reverse("scheduling:blocked_add"), {"starts_at": "2026-12-01T09:00", "ends_at": "2026-12-01T10:00"}
    )
    assert response.status_code == 200
    assert "That time is already over" in response.content.decode()
    assert not BlockedTime.objects.exists()
    ok = client.post(
        reverse("scheduling:blocked_add"),
        {"starts_at": "2026-12-09T09:00", "ends_at": "2026-12-09T12:00", "reason": "Cuti"},
    )
    assert ok.status_code == 302
    blocked = BlockedTime.objects.get()
    assert blocked.starts_at == at(date(2026, 12, 9), 9, WIB)
    other = client_for(personas.recruiter)
    assert other.post(reverse("scheduling:blocked_remove", args=[blocked.pk])).status_code == 404
    assert BlockedTime.objects.exists()
