"""Conflict warnings for a proposed interview time: each kind named with the person and the time (in the
viewer's zone, WIB/WITA/WIT written) or the holiday, in the viewer's language; touching times never clash."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone, translation
from hypothesis import given
from hypothesis import strategies as st

from rekrut.interviews.services.interviews import interview_cancel
from rekrut.scheduling.conflicts import (
    BLOCKED,
    CANDIDATE_BUSY,
    HOLIDAY,
    INTERVIEWER_BUSY,
    OUTSIDE_HOURS,
    conflicts_find,
    conflicts_fingerprint,
    overlaps,
)
from rekrut.scheduling.models import BlockedTime
from tests.pipeline.factories import application_make
from tests.scheduling.planning_setup import WIB, WIT, WITA, at, frozen, planned, relocated

__all__ = ["frozen"]

pytestmark = pytest.mark.django_db


@pytest.fixture
def putri(team_a_job, frozen):
    return application_make(job=team_a_job, full_name="Putri Maharani")


def _find(application, people, starts_at, minutes=60, **extra):
    with timezone.override(WIB):
        return conflicts_find(
            starts_at=starts_at,
            ends_at=starts_at + timedelta(minutes=minutes),
            interviewers=people,
            candidate=application.candidate,
            place_zone=application.job.location.time_zone,
            **extra,
        )


def _interviewer_busy(personas, putri, team_b_job):
    planned(application_make(job=putri.job), [personas.interviewer], at(11, 10))
    return [personas.interviewer], at(11, 10, 30), "Maya", "11 August 2027, 10:00–11:00 WIB"


def _candidate_busy(personas, putri, team_b_job):
    # The same person applied to team B's job too and is interviewed there at 10:00.
    elsewhere = application_make(job=team_b_job, candidate=putri.candidate)
    planned(elsewhere, [personas.other_manager], at(11, 10))
    return [personas.hiring_manager], at(11, 10, 45), "Putri Maharani", "10:00–11:00 WIB"


def _outside_hours(personas, putri, team_b_job):
    return [personas.hiring_manager], at(11, 17, 30), "Budi", "17:30 WIB"


def _blocked(personas, putri, team_b_job):
    BlockedTime.objects.create(
        user=personas.hiring_manager, starts_at=at(11, 9), ends_at=at(11, 12), reason="Cuti"
    )
    return [personas.hiring_manager], at(11, 11), "Budi", "Cuti"


def _holiday(personas, putri, team_b_job):
    return [personas.hiring_manager], at(17, 10), "17 August 2027", "Independence Day"


KINDS = {
    INTERVIEWER_BUSY: _interviewer_busy,
    CANDIDATE_BUSY: _candidate_busy,
    OUTSIDE_HOURS: _outside_hours,
    BLOCKED: _blocked,
    HOLIDAY: _holiday,
}


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_conflict_is_a_sentence_naming_who_or_what_and_when(kind, personas, putri, team_b_job):
    people, starts_at, who, when = KINDS[kind](personas, putri, team_b_job)

    found = _find(putri, people, starts_at)

    assert [c.kind for c in found] == [kind]
    assert who in found[0].message and when in found[0].message


def test_an_ordinary_working_hour_has_no_conflict(personas, putri):
    assert _find(putri, [personas.hiring_manager, personas.interviewer], at(11, 10)) == []


def test_the_holiday_is_named_in_the_viewers_language(personas, putri):
    with translation.override("id"):
        found = _find(putri, [personas.hiring_manager], at(17, 10))
    assert "Hari Kemerdekaan Republik Indonesia" in found[0].message
    assert "17 Agustus 2027" in found[0].message


def test_the_other_interview_is_shown_in_the_viewers_zone(personas, putri):
    planned(application_make(job=putri.job), [personas.interviewer], at(11, 10))
    with timezone.override(WITA):
        found = conflicts_find(
            starts_at=at(11, 10),
            ends_at=at(11, 11),
            interviewers=[personas.interviewer],
            candidate=putri.candidate,
            place_zone="Asia/Jakarta",
        )
    assert "11:00–12:00 WITA" in found[0].message


def test_a_cancelled_interview_and_the_interview_being_moved_do_not_conflict(personas, putri):
    other = planned(application_make(job=putri.job), [personas.interviewer], at(11, 10))
    interview_cancel(actor=personas.recruiter, interview=other, reason="Kandidat mundur.")
    mine = planned(putri, [personas.hiring_manager], at(11, 10))

    assert _find(putri, [personas.interviewer, personas.hiring_manager], at(11, 10, 30), moving=mine) == []


def test_back_to_back_interviews_do_not_conflict(personas, putri):
    planned(application_make(job=putri.job), [personas.interviewer], at(11, 10))
    assert _find(putri, [personas.interviewer], at(11, 11)) == []
    assert _find(putri, [personas.interviewer], at(11, 9)) == []
    assert [c.kind for c in _find(putri, [personas.interviewer], at(11, 9, 1))] == [INTERVIEWER_BUSY]


def test_working_hours_are_read_in_the_interviewers_own_zone(personas, putri):
    """07:30 WIB is 08:30 WITA: before Budi's day in Jakarta, within Dodi's in Makassar."""
    personas.other_recruiter.time_zone = "Asia/Makassar"
    personas.other_recruiter.save()
    found = _find(putri, [personas.hiring_manager, personas.other_recruiter], at(11, 7, 30))
    assert [(c.kind, "Budi" in c.message) for c in found] == [(OUTSIDE_HOURS, True)]
    assert "07:30 WIB" in found[0].message


@pytest.mark.parametrize(
    ("zone", "location", "holiday"),
    [("Asia/Jakarta", "Kantor Pusat Jakarta", False), ("Asia/Jayapura", "Cabang Jayapura", True)],
)
def test_the_holiday_follows_the_date_where_the_job_is(zone, location, holiday, personas, putri):
    """16 August 2027, 23:30-24:00 WIB is already 17 August, 01:30 WIT in Jayapura."""
    relocated(putri.job, name=location, city=location.split()[-1], zone=zone)
    starts_at = datetime(2027, 8, 16, 16, 30, tzinfo=UTC)
    found = _find(putri, [], starts_at, minutes=30)  # until midnight WIB
    assert ([c.kind for c in found] == [HOLIDAY]) is holiday
    assert at(17, 1, 30, WIT) == starts_at


def test_the_fingerprint_changes_with_the_time_and_with_the_warnings(personas, putri):
    found = _find(putri, [personas.hiring_manager], at(17, 10))
    first = conflicts_fingerprint(found, starts_at=at(17, 10), ends_at=at(17, 11))
    assert first == conflicts_fingerprint(found, starts_at=at(17, 10), ends_at=at(17, 11))
    assert first != conflicts_fingerprint(found, starts_at=at(17, 11), ends_at=at(17, 12))
    assert first != conflicts_fingerprint([], starts_at=at(17, 10), ends_at=at(17, 11))


def test_the_queries_do_not_grow_with_the_interviews_already_planned(
    personas, putri, django_assert_max_num_queries
):
    for hour in range(8, 16):
        planned(application_make(job=putri.job), [personas.interviewer], at(11, hour))
    people = [personas.interviewer, personas.hiring_manager, personas.recruiter]
    # Two for other interviews, one for blocked time, one per interviewer's working hours.
    with django_assert_max_num_queries(3 + len(people)):
        found = _find(putri, people, at(11, 9, 30), minutes=120)
    assert [c.kind for c in found] == [INTERVIEWER_BUSY] * 3


MINUTES = st.integers(min_value=0, max_value=24 * 60)


@given(start=MINUTES, length=st.integers(1, 480), other_start=MINUTES, other_length=st.integers(1, 480))
def test_two_times_conflict_exactly_when_they_share_a_minute(start, length, other_start, other_length):
    base = datetime(2027, 8, 11, tzinfo=WIB)

    def stretch(begin: int, minutes: int) -> tuple[datetime, datetime]:
        return base + timedelta(minutes=begin), base + timedelta(minutes=begin + minutes)

    shared = set(range(start, start + length)) & set(range(other_start, other_start + other_length))
    first, second = stretch(start, length), stretch(other_start, other_length)
    assert overlaps(first, second) is bool(shared)
    assert overlaps(first, second) is overlaps(second, first)
