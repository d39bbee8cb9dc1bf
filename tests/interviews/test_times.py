"""Interview times people type: in the past, before 2000 or after 2099 they are refused with a message
(issue 7: year 9999 gave a 500, and the API answered it with an HTML page), on the page and in the API,
for the planned start and for the times the interview really ran."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from rekrut.core.errors import DomainError
from rekrut.interviews.models import Interview
from rekrut.interviews.services.interviews import interview_schedule, interview_times_record
from tests.interviews.conftest import held

pytestmark = pytest.mark.django_db

BAD_STARTS = {
    "year 9999": "9999-12-31T23:59",
    "year 1999": "1999-12-31T10:00",
    "year 2100": "2100-01-01T10:00",
    "year 0202 (a typo for 2026)": "0202-03-10T10:00",
    "yesterday": "yesterday",  # replaced by the test
}


def _typed(value: str) -> str:
    if value == "yesterday":
        return (timezone.localtime() - timedelta(days=1)).strftime("%Y-%m-%dT10:00")
    return value


@pytest.mark.parametrize("starts_at", BAD_STARTS.values(), ids=BAD_STARTS.keys())
def test_the_schedule_page_refuses_a_start_in_the_past_or_out_of_range(
    at_user_stage, plan, personas, client_for, starts_at
):
    day, _t, time = _typed(starts_at).partition("T")
    response = client_for(personas.recruiter).post(
        reverse("scheduling:schedule", args=[at_user_stage.pk]),
        {
            "round": plan["user"].pk,
            "day": day,
            "at": time,
            "duration_minutes": 60,
            "mode": "online",
            "meeting_url": "https://meet.google.com/abc-defg-hij",
            "interviewers": [personas.hiring_manager.pk],
        },
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "between the years 2000 and 2099" in page or "cannot start in the past" in page
    assert not Interview.objects.exists()


@pytest.mark.parametrize(
    "starts_at",
    [
        "9999-12-31T23:59:59-12:00",
        "9999-12-31T23:59:59+14:00",
        "0001-01-01T00:00:00+14:00",
        "1999-06-01T09:00:00+07:00",
        "2100-01-01T00:00:00Z",
        "2020-06-01T09:00:00+07:00",
    ],
)
def test_the_api_refuses_such_a_start_as_json(at_user_stage, plan, personas, api_for, starts_at):
    response = api_for(personas.recruiter).post(
        f"/api/v1/applications/{at_user_stage.pk}/interviews",
        {
            "round": plan["user"].pk,
            "starts_at": starts_at,
            "duration_minutes": 60,
            "interviewers": [personas.hiring_manager.pk],
        },
        content_type="application/json",
    )

    assert response.status_code in (400, 422)
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["code"] and body["message"]
    assert not Interview.objects.exists()


def test_a_start_a_moment_ago_is_still_taken(at_user_stage, plan, personas):
    """The form is filled in at "now" and sent a little later."""
    interview_schedule(
        actor=personas.recruiter,
        application=at_user_stage,
        plan_round=plan["user"],
        starts_at=timezone.now() - timedelta(minutes=2),
        duration_minutes=30,
        interviewers=[personas.hiring_manager],
        notify=False,
    )
    assert Interview.objects.count() == 1


def test_the_service_refuses_the_past_unless_history_is_recorded_on_purpose(at_user_stage, plan, personas):
    arguments = {
        "actor": personas.recruiter,
        "application": at_user_stage,
        "plan_round": plan["user"],
        "starts_at": timezone.now() - timedelta(days=2),
        "duration_minutes": 30,
        "interviewers": [personas.hiring_manager],
        "notify": False,
    }
    with pytest.raises(DomainError) as refused:
        interview_schedule(**arguments)
    assert refused.value.code == "in_the_past"
    # The demo company and imports of past interviews say so explicitly.
    assert interview_schedule(**arguments, allow_past=True).starts_at < timezone.now()


BAD_ACTUAL = [
    ("9999-12-31T10:00", "9999-12-31T11:00", "between the years 2000 and 2099"),
    ("1999-12-31T10:00", "1999-12-31T11:00", "between the years 2000 and 2099"),
    ("future-start", "future-end", "cannot have started in the future"),
    ("recent-start", "future-end", "cannot have ended in the future"),
    ("past-start", "day-later", "longer than a day"),
]


def _actual(value: str) -> str:
    now = timezone.localtime()
    shifts = {
        "future-start": timedelta(hours=2),
        "future-end": timedelta(hours=3),
        "past-start": -timedelta(hours=30),
        "recent-start": -timedelta(hours=1),
        "day-later": -timedelta(hours=2),
    }
    return (now + shifts[value]).strftime("%Y-%m-%dT%H:%M") if value in shifts else value


@pytest.mark.parametrize(("started", "ended", "message"), BAD_ACTUAL)
def test_the_actual_times_are_checked_on_the_page(
    at_user_stage, plan, personas, client_for, started, ended, message
):
    interview = held(at_user_stage, plan["user"], [personas.hiring_manager])
    client = client_for(personas.hiring_manager)

    response = client.post(
        reverse("interviews:times", args=[interview.pk]),
        {"started_at": _actual(started), "ended_at": _actual(ended)},
        follow=True,
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    interview.refresh_from_db()
    assert interview.actual_started_at is None


def test_the_service_checks_the_actual_times_too(at_user_stage, plan, personas):
    interview = held(at_user_stage, plan["user"], [personas.hiring_manager])
    with pytest.raises(DomainError) as refused:
        interview_times_record(
            actor=personas.hiring_manager,
            interview=interview,
            started_at=datetime(9999, 12, 31, 10, tzinfo=UTC),
            ended_at=datetime(9999, 12, 31, 11, tzinfo=UTC),
        )
    assert refused.value.code == "out_of_range"
