"""The API's serving path (issue 16): what each call costs in queries, whatever the data, and the token's
user answered without another query."""

from datetime import timedelta

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from rekrut.accounts.models import ApiToken
from rekrut.accounts.services import api_token_create
from rekrut.interviews.services.interviews import interview_schedule
from tests.interviews.conftest import rounds_of
from tests.pipeline.factories import application_make


def _queries(client: Client, method: str, path: str, **kwargs) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(path, **kwargs)
    assert response.status_code == 200, response.content
    return len(captured), [q["sql"] for q in captured.captured_queries]


def test_me_answers_who_the_token_belongs_to(api_client_for, personas) -> None:
    body = api_client_for(personas.recruiter).get("/api/v1/me").json()

    assert body == {
        "id": personas.recruiter.pk,
        "username": personas.recruiter.username,
        "name": personas.recruiter.get_full_name(),
        "email": personas.recruiter.email,
        "role": "recruiter",
        "language": personas.recruiter.language,
        "time_zone": personas.recruiter.time_zone,
    }


def test_the_authenticated_no_op_costs_the_rate_limit_count_and_the_token_lookup(
    api_client_for, personas, django_assert_num_queries
) -> None:
    client = api_client_for(personas.hr_admin)
    client.get("/api/v1/me")  # the token's first use records last_used_at (then once a minute at most)

    with django_assert_num_queries(2):  # the counters' one upsert; the token with its user in one join
        assert client.get("/api/v1/me").status_code == 200


def test_without_rate_limits_the_no_op_is_one_query(api_client_for, personas, settings) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api_token": None, "api_address": None}
    client = api_client_for(personas.hr_admin)
    client.get("/api/v1/me")

    count, _sql = _queries(client, "get", "/api/v1/me")

    assert count == 1


def test_a_wrong_token_costs_what_a_right_one_does_and_only_its_hash_reaches_the_database(
    client: Client, api_client_for, personas
) -> None:
    right = api_client_for(personas.hr_admin)
    right.get("/api/v1/me")
    wrong_key = "rk_" + "x" * 43

    with CaptureQueriesContext(connection) as refused:
        response = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {wrong_key}")
    assert response.status_code == 401
    count, _sql = _queries(right, "get", "/api/v1/me")

    # One indexed lookup by the key's hash either way: no per-character comparison to time.
    assert len(refused) == count
    assert not any(wrong_key in q["sql"] for q in refused.captured_queries)


def test_a_token_is_stored_as_its_sha256_and_found_by_it(personas) -> None:
    token, key = api_token_create(user=personas.hr_admin, name="HRIS")

    assert len(token.key_hash) == 64 and key not in token.key_hash
    assert ApiToken.objects.get(key_hash=ApiToken.hash_key(key)) == token


def test_the_token_is_written_to_at_most_once_a_minute(api_client_for, personas, time_machine) -> None:
    client = api_client_for(personas.hr_admin)
    client.get("/api/v1/me")
    first = ApiToken.objects.get(user=personas.hr_admin).last_used_at

    client.get("/api/v1/me")
    assert ApiToken.objects.get(user=personas.hr_admin).last_used_at == first
    time_machine.move_to(timezone.now() + timedelta(minutes=2))
    client.get("/api/v1/me")
    assert ApiToken.objects.get(user=personas.hr_admin).last_used_at > first


def test_an_application_costs_the_same_with_a_short_and_a_long_history(
    api_client_for, personas, team_a_job
) -> None:
    client = api_client_for(personas.hr_admin)
    short = application_make(job=team_a_job)
    long = application_make(job=team_a_job, stage_kind="user_interview")
    assert long.transitions.count() > short.transitions.count() + 2
    client.get("/api/v1/me")

    few, _ = _queries(client, "get", f"/api/v1/applications/{short.pk}")
    many, _ = _queries(client, "get", f"/api/v1/applications/{long.pk}")

    assert few == many <= 6


def test_a_draft_scorecard_costs_the_same_for_one_and_three_ratings(
    api_client_for, personas, team_a_job
) -> None:
    plan_round = rounds_of(team_a_job)["hr"]
    application = application_make(job=team_a_job, stage_kind="hr_interview")
    interview = interview_schedule(
        actor=personas.recruiter,
        application=application,
        plan_round=plan_round,
        starts_at=timezone.now() + timedelta(days=2),
        duration_minutes=45,
        interviewers=[personas.recruiter],
        notify=False,
    )
    codes = list(plan_round.round_attributes.values_list("attribute__code", flat=True))
    assert len(codes) >= 3
    client = api_client_for(personas.recruiter)
    client.get("/api/v1/me")
    url = f"/api/v1/interviews/{interview.pk}/scorecard"

    def draft(how_many: int) -> int:
        rated = codes[:how_many]
        body = {
            "ratings": dict.fromkeys(rated, 3),
            "evidence": dict.fromkeys(rated, "Runtut."),
            "recommendation": "yes",
        }
        count, _sql = _queries(client, "put", url, data=body, content_type="application/json")
        return count

    draft(3)  # the first save creates the scorecard; every later one updates it
    one, three = draft(1), draft(3)

    assert one == three <= 19
