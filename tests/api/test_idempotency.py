"""`Idempotency-Key` on the API's creates: a retry returns the first answer; the key sent with another
body is a 422; without the header every request creates."""

from datetime import timedelta

import pytest
from django.utils import timezone

from rekrut.interviews.models import Interview
from rekrut.interviews.services.plans import interview_plan_ensure
from rekrut.jobs.models import StageKind
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def schedule(api_client_for, personas, team_a_job):
    application = application_make(job=team_a_job, stage_kind=StageKind.USER_INTERVIEW)
    interview_plan_ensure(job=team_a_job)
    round_id = team_a_job.interview_rounds.get(stage__kind=StageKind.USER_INTERVIEW).pk
    client = api_client_for(personas.recruiter)
    starts_at = (timezone.now() + timedelta(days=2)).replace(microsecond=0).isoformat()

    def send(key: str | None = None, minutes: int = 60):
        headers = {"HTTP_IDEMPOTENCY_KEY": key} if key is not None else {}
        return client.post(
            f"/api/v1/applications/{application.pk}/interviews",
            {
                "round": round_id,
                "starts_at": starts_at,
                "duration_minutes": minutes,
                "interviewers": [personas.hiring_manager.pk],
            },
            content_type="application/json",
            **headers,
        )

    return send


def test_a_retry_with_the_key_gets_the_first_answer(schedule):
    first = schedule("0b7c3f0e-1c1d-4a53-9d1e-7f0f7cf1b2aa")
    again = schedule("0b7c3f0e-1c1d-4a53-9d1e-7f0f7cf1b2aa")
    assert first.status_code == again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    assert Interview.objects.count() == 1


def test_the_key_with_another_body_is_a_422(schedule):
    schedule("retry-1", minutes=60)
    response = schedule("retry-1", minutes=90)
    assert response.status_code == 422
    assert response.json()["code"] == "idempotency_key_reused"
    assert Interview.objects.count() == 1


def test_without_the_header_each_request_creates(schedule):
    schedule()
    schedule()
    assert Interview.objects.count() == 2


@pytest.mark.parametrize("key", ["has space", "x" * 101, "ключ"])
def test_a_malformed_key_is_a_422(schedule, key):
    response = schedule(key)
    assert response.status_code in (400, 422)
    assert response.json()["code"]
    assert not Interview.objects.exists()
