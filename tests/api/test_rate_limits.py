"""The API's rate limits, per token and per client address, counted in the database (so every gunicorn
process shares them): over a limit the answer is 429 JSON `{"code": "rate_limited", "message"}` with
Retry-After, in the request's language."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from rekrut.accounts.models import AttemptCounter
from rekrut.accounts.services import api_token_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def limits(settings):
    def set_limits(**rates):
        settings.RATE_LIMITS = {**settings.RATE_LIMITS, **rates}

    return set_limits


def token_client(user, address: str = "203.0.113.7") -> Client:
    _, key = api_token_create(user=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}", REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="en")


def test_a_token_over_its_limit_gets_429_json_with_retry_after(personas, limits):
    limits(api_token=(3, 60))
    client = token_client(personas.recruiter)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert [client.get("/api/v1/jobs").status_code for _ in range(3)] == [200, 200, 200]
    with time_machine.travel(start + timedelta(seconds=15), tick=False):
        response = client.get("/api/v1/jobs")
    assert response.status_code == 429
    assert response["Retry-After"] == "45"
    assert response.json() == {
        "code": "rate_limited",
        "message": "Too many requests. Wait 45 seconds and try again.",
    }
    # Another token from the same address still works, and the limited one does after its window.
    assert token_client(personas.hr_admin).get("/api/v1/jobs").status_code == 200
    with time_machine.travel(start + timedelta(seconds=61), tick=False):
        assert client.get("/api/v1/jobs").status_code == 200


def test_an_address_is_limited_whatever_tokens_it_sends(personas, limits):
    limits(api_address=(4, 60))
    answers = [Client(REMOTE_ADDR="203.0.113.7").get("/api/v1/jobs").status_code for _ in range(2)]
    answers += [
        Client(HTTP_AUTHORIZATION=f"Bearer rk_guess{n}", REMOTE_ADDR="203.0.113.7")
        .get("/api/v1/jobs")
        .status_code
        for n in range(2)
    ]
    answers.append(token_client(personas.recruiter).get("/api/v1/jobs").status_code)
    assert answers == [401, 401, 401, 401, 429]
    assert token_client(personas.recruiter, address="198.51.100.23").get("/api/v1/jobs").status_code == 200


def test_the_message_is_in_the_requests_language(personas, limits):
    limits(api_token=(1, 60))
    _, key = api_token_create(user=personas.recruiter, name="tests")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {key}", HTTP_ACCEPT_LANGUAGE="id")
    client.get("/api/v1/jobs")
    response = client.get("/api/v1/jobs")
    assert response.status_code == 429
    assert response.json()["message"].startswith("Terlalu banyak permintaan.")


def test_one_statement_counts_both_limits_and_off_counts_nothing(personas, limits):
    client = token_client(personas.recruiter)
    table = AttemptCounter._meta.db_table
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/api/v1/jobs").status_code == 200
    assert sum(table in q["sql"] for q in queries.captured_queries) == 1
    assert AttemptCounter.objects.count() == 2  # this address, this token
    limits(api_token=None, api_address=None)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/api/v1/jobs").status_code == 200
    assert not any(table in q["sql"] for q in queries.captured_queries)


def test_429_is_documented_for_every_operation(client):
    schema = client.get("/api/v1/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert "429" in operation["responses"], f"{method.upper()} {path}"
