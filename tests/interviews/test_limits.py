"""Long free texts have limits, on the pages and in the API alike: a reason, a note or evidence over its
limit is refused with a message naming the limit, and nothing is saved. A video link typed without
https:// is stored with it."""

import pytest
from django.urls import reverse

from rekrut.core.limits import LONG_TEXT, NOTE_TEXT, REASON_TEXT
from rekrut.interviews.models import Decision, Interview, Question, Scorecard
from tests.interviews.conftest import held, submit

pytestmark = pytest.mark.django_db


def decided(at_user_stage, plan, personas):
    submit(held(at_user_stage, plan["hr"], [personas.recruiter], hours_ago=72), personas.recruiter)
    submit(held(at_user_stage, plan["user"], [personas.hiring_manager]), personas.hiring_manager)


def test_a_decision_reason_over_its_limit_is_refused_on_the_page(at_user_stage, plan, personas, client_for):
    decided(at_user_stage, plan, personas)
    response = client_for(personas.recruiter).post(
        reverse("interviews:decide", args=[at_user_stage.pk]),
        {"version": at_user_stage.version, "outcome": "hold", "reason": "x" * (NOTE_TEXT + 1)},
    )
    assert response.status_code == 400
    assert f"at most {NOTE_TEXT} characters" in response.content.decode()
    assert not Decision.objects.exists()


def test_a_decision_reason_over_its_limit_is_refused_by_the_api(at_user_stage, plan, personas, api_for):
    decided(at_user_stage, plan, personas)
    response = api_for(personas.recruiter).post(
        f"/api/v1/applications/{at_user_stage.pk}/decisions",
        {"outcome": "hold", "reason": "x" * (NOTE_TEXT + 1), "version": at_user_stage.version},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["code"] == "invalid"
    assert not Decision.objects.exists()


def test_scorecard_evidence_over_its_limit_is_refused_on_the_page(at_user_stage, plan, personas, client_for):
    interview = held(at_user_stage, plan["user"], [personas.hiring_manager])
    code = plan["user"].round_attributes.first().attribute.code
    response = client_for(personas.hiring_manager).post(
        reverse("interviews:scorecard", args=[interview.pk]),
        {f"rating_{code}": "3", f"evidence_{code}": "x" * (LONG_TEXT + 1), "recommendation": "yes"},
    )
    assert f"at most {LONG_TEXT} characters" in response.content.decode()
    assert not Scorecard.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        {"evidence": {"attitude": "x" * (LONG_TEXT + 1)}},
        {"question_notes": {"1": "x" * (LONG_TEXT + 1)}},
        {"ratings": {f"code{n}": 3 for n in range(101)}},
        {"ratings": {"x" * 61: 3}},
    ],
)
def test_scorecard_input_over_its_limits_is_a_422(at_user_stage, plan, personas, api_for, body):
    interview = held(at_user_stage, plan["user"], [personas.hiring_manager])
    response = api_for(personas.hiring_manager).put(
        f"/api/v1/interviews/{interview.pk}/scorecard", body, content_type="application/json"
    )
    assert response.status_code == 422
    assert not Scorecard.objects.exists()


def test_a_question_over_its_limit_is_refused(personas, client_for):
    response = client_for(personas.recruiter).post(
        reverse("interviews:questions"),
        {
            "round_type": "hr",
            "job_family": "general",
            "text_id": "x" * (REASON_TEXT + 1),
            "text_en": "What does teamwork mean to you?",
        },
    )
    assert f"at most {REASON_TEXT} characters" in response.content.decode()
    assert not Question.objects.filter(created_by=personas.recruiter).exists()


def test_a_video_link_typed_without_https_is_stored_with_it(at_user_stage, plan, personas, client_for):
    client = client_for(personas.recruiter)
    client.post(
        reverse("scheduling:schedule", args=[at_user_stage.pk]),
        {
            "round": plan["user"].pk,
            "day": "2031-03-10",
            "at": "10:00",
            "duration_minutes": 60,
            "interviewers": [personas.hiring_manager.pk],
            "mode": "online",
            "meeting_url": "meet.google.com/abc-defg-hij",
        },
    )
    assert Interview.objects.get().meeting_url == "https://meet.google.com/abc-defg-hij"
    page = client.get(reverse("interviews:application", args=[at_user_stage.pk])).content.decode()
    assert 'href="https://meet.google.com/abc-defg-hij"' in page
