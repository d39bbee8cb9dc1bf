"""The interviews API: the same services and rules as the pages, as JSON."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.test import Client

from rekrut.accounts.services import api_token_create
from rekrut.interviews.models import Decision, Scorecard
from rekrut.jobs.models import StageKind
from tests.interviews.conftest import held, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_for():
    def make(user):
        _, key = api_token_create(user=user, name="tests")
        return Client(HTTP_AUTHORIZATION=f"Bearer {key}", HTTP_ACCEPT_LANGUAGE="en")

    return make


def ratings_for(plan_round, value=3):
    return dict.fromkeys(plan_round.round_attributes.values_list("attribute__code", flat=True), value)


def test_the_plan_and_a_kit(team_a_job, plan, personas, api_for):
    client = api_for(personas.hiring_manager)
    rounds = client.get(f"/api/v1/jobs/{team_a_job.pk}/interview-plan").json()
    assert [r["round_type"] for r in rounds] == ["hr", "user", "superior"]
    kit = client.get(f"/api/v1/interview-rounds/{plan['user'].pk}/kit").json()
    assert len(kit["questions"]) == plan["user"].kit.count() and kit["minutes_per_question"]
    assert api_for(personas.outsider).get(f"/api/v1/jobs/{team_a_job.pk}/interview-plan").status_code == 404


def test_changing_a_round_follows_the_same_rules(plan, personas, api_for):
    body = {
        "round_type": "user",
        "duration_minutes": 50,
        "interviewers": [personas.hiring_manager.pk],
        "attributes": ["technical_skill", "team_fit"],
    }
    url = f"/api/v1/interview-rounds/{plan['user'].pk}"
    assert api_for(personas.hiring_manager).put(url, body, content_type="application/json").status_code == 403
    response = api_for(personas.recruiter).put(url, body, content_type="application/json")
    assert response.status_code == 200
    assert [a["code"] for a in response.json()["attributes"]] == ["technical_skill", "team_fit"]
    bad = api_for(personas.recruiter).put(
        url, {**body, "attributes": ["nope"]}, content_type="application/json"
    )
    assert bad.status_code == 400 and bad.json()["code"] == "unknown_attribute"


def test_schedule_submit_and_read_with_the_independence_rule(at_user_stage, plan, personas, api_for):
    submit(held(at_user_stage, plan["hr"], [personas.recruiter], hours_ago=48), personas.recruiter, "yes")
    client = api_for(personas.recruiter)
    with time_machine.travel(datetime(2020, 1, 2, tzinfo=UTC)):  # scheduled ahead, held since
        response = client.post(
            f"/api/v1/applications/{at_user_stage.pk}/interviews",
            {
                "round": plan["user"].pk,
                "starts_at": "2020-01-06T09:00:00+07:00",
                "duration_minutes": 60,
                "interviewers": [personas.hiring_manager.pk, personas.interviewer.pk],
            },
            content_type="application/json",
        )
    assert response.status_code == 201, response.content
    interview = response.json()
    assert interview["starts_at"] == "2020-01-06T02:00:00Z"
    budi = api_for(personas.hiring_manager)
    scorecards_url = f"/api/v1/applications/{at_user_stage.pk}/scorecards"
    assert budi.get(scorecards_url).json() == []
    body = {"ratings": ratings_for(plan["user"]), "recommendation": "strong_yes"}
    submit_url = f"/api/v1/interviews/{interview['id']}/scorecard/submit"
    assert api_for(personas.interviewer).get(scorecards_url).json() == []
    outsider = api_for(personas.director).post(submit_url, body, content_type="application/json")
    assert outsider.status_code == 403 and outsider.json()["code"] == "not_interviewer"
    assert budi.post(submit_url, body, content_type="application/json").status_code == 200
    twice = budi.post(submit_url, body, content_type="application/json")
    assert twice.status_code == 400 and twice.json()["code"] == "already_submitted"
    seen = budi.get(scorecards_url).json()
    assert {s["interviewer"]["id"] for s in seen} == {personas.recruiter.pk, personas.hiring_manager.pk}
    assert api_for(personas.interviewer).get(scorecards_url).json() == []


def test_a_rating_outside_the_round_is_refused(at_user_stage, plan, personas, api_for):
    interview = held(at_user_stage, plan["user"], [personas.hiring_manager])
    response = api_for(personas.hiring_manager).put(
        f"/api/v1/interviews/{interview.pk}/scorecard",
        {"ratings": {"attitude": 3}},
        content_type="application/json",
    )
    assert response.status_code == 400 and response.json()["code"] == "attribute_outside_round"
    assert not Scorecard.objects.exists()


def test_amending_keeps_versions(at_user_stage, plan, personas, api_for):
    interview = held(at_user_stage, plan["user"], [personas.hiring_manager])
    submit(interview, personas.hiring_manager, "yes")
    url = f"/api/v1/interviews/{interview.pk}/scorecard/amend"
    body = {"ratings": ratings_for(plan["user"], 4), "recommendation": "strong_yes", "reason": "Second look"}
    response = api_for(personas.hiring_manager).post(url, body, content_type="application/json")
    assert response.status_code == 200 and response.json()["version"] == 2


def test_evaluation_and_decision(at_user_stage, plan, personas, api_for):
    submit(held(at_user_stage, plan["hr"], [personas.recruiter], hours_ago=48), personas.recruiter, "yes")
    submit(held(at_user_stage, plan["user"], [personas.hiring_manager]), personas.hiring_manager, "yes")
    rina = api_for(personas.recruiter)
    evaluation = rina.get(f"/api/v1/applications/{at_user_stage.pk}/evaluation").json()
    medical = at_user_stage.job.stages.get(kind=StageKind.MEDICAL)
    assert evaluation["advice"]["outcome"] == "proceed" and evaluation["advice"]["to_stage"] == medical.pk
    assert (
        api_for(personas.interviewer)
        .get(f"/api/v1/applications/{at_user_stage.pk}/evaluation")
        .json()["advice"]
        is None
    )
    url = f"/api/v1/applications/{at_user_stage.pk}/decisions"
    body = {
        "outcome": "proceed",
        "reason": "Both say yes",
        "version": at_user_stage.version,
        "to_stage": medical.pk,
    }
    assert (
        api_for(personas.hiring_manager).post(url, body, content_type="application/json").status_code == 403
    )
    stale = rina.post(url, {**body, "version": at_user_stage.version + 5}, content_type="application/json")
    assert stale.status_code == 409 and not Decision.objects.exists()
    response = rina.post(url, body, content_type="application/json")
    assert response.status_code == 201 and response.json()["follows_policy"] is True
    at_user_stage.refresh_from_db()
    assert at_user_stage.stage == medical
    assert len(rina.get(url).json()) == 1


def test_deciding_early_needs_an_override(at_user_stage, plan, personas, api_for):
    submit(held(at_user_stage, plan["hr"], [personas.recruiter], hours_ago=48), personas.recruiter, "yes")
    url = f"/api/v1/applications/{at_user_stage.pk}/decisions"
    body = {"outcome": "hold", "reason": "Waiting", "version": at_user_stage.version}
    response = api_for(personas.recruiter).post(url, body, content_type="application/json")
    assert response.status_code == 400 and response.json()["code"] == "scorecards_missing"
    body = {**body, "override": True, "override_reason": "The user is on leave for a month"}
    assert (
        api_for(personas.recruiter).post(url, body, content_type="application/json").json()["is_override"]
        is True
    )


def test_the_question_bank_is_paged(personas, api_for):
    page = (
        api_for(personas.interviewer)
        .get("/api/v1/interview-questions", {"round_type": "hr", "page_size": 100})
        .json()
    )
    assert page["count"] >= 30 and all(q["round_type"] == "hr" for q in page["items"])
