"""List endpoints cost a fixed number of queries, however many rows they return."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.candidates.factories import CandidateFactory
from tests.jobs.factories import job_make
from tests.pipeline.factories import application_make

# rate-limit counters (one statement), token lookup, count, page (+ one prefetch for candidates' applications)
MAX_QUERIES = 5


def _queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, {"page_size": 100})
    assert response.status_code == 200
    return len(captured)


def _applications(job, how_many: int) -> None:
    for _ in range(how_many):
        application_make(job=job)


@pytest.mark.parametrize("persona", ["hr_admin", "recruiter"])
def test_the_application_list_costs_the_same_for_5_and_50_rows(
    api_client_for, personas, team_a_job, django_assert_max_num_queries, persona
) -> None:
    client = api_client_for(getattr(personas, persona))
    _applications(team_a_job, 5)
    client.get("/api/v1/applications")  # the token's first use records last_used_at once

    with django_assert_max_num_queries(MAX_QUERIES):
        few = _queries(client, "/api/v1/applications")
    _applications(team_a_job, 45)
    with django_assert_max_num_queries(MAX_QUERIES):
        many = _queries(client, "/api/v1/applications")

    assert many == few
    assert client.get("/api/v1/applications", {"page_size": 100}).json()["count"] == 50


@pytest.mark.parametrize("persona", ["hr_admin", "recruiter"])
def test_the_candidate_list_costs_the_same_for_5_and_50_rows(
    api_client_for, personas, team_a_job, django_assert_max_num_queries, persona
) -> None:
    client = api_client_for(getattr(personas, persona))
    _applications(team_a_job, 5)
    client.get("/api/v1/candidates")

    with django_assert_max_num_queries(MAX_QUERIES):
        few = _queries(client, "/api/v1/candidates")
    _applications(team_a_job, 45)
    with django_assert_max_num_queries(MAX_QUERIES):
        many = _queries(client, "/api/v1/candidates")

    assert many == few
    assert len(client.get("/api/v1/candidates", {"page_size": 100}).json()["items"]) == 50


def test_the_job_list_costs_the_same_for_2_and_12_jobs(
    api_client_for, personas, django_assert_max_num_queries
) -> None:
    client = api_client_for(personas.recruiter)

    def jobs(how_many: int) -> None:
        for n in range(how_many):
            job = job_make(hr_owner=personas.recruiter, title=f"Posisi {n}")
            application_make(job=job, candidate=CandidateFactory())

    jobs(2)
    client.get("/api/v1/jobs")
    with django_assert_max_num_queries(MAX_QUERIES):
        few = _queries(client, "/api/v1/jobs")
    jobs(10)
    with django_assert_max_num_queries(MAX_QUERIES):
        many = _queries(client, "/api/v1/jobs")

    assert many == few
    assert client.get("/api/v1/jobs").json()["count"] == 12


def test_the_application_detail_costs_a_fixed_number_of_queries(
    api_client_for, personas, team_a_job, django_assert_max_num_queries
) -> None:
    # Moved through five stages: the history is one query, not one per row.
    application = application_make(job=team_a_job, stage_kind="evaluation")
    client = api_client_for(personas.recruiter)
    client.get("/api/v1/reject-reasons")

    with django_assert_max_num_queries(5):  # with the rate-limit counters' one statement
        response = client.get(f"/api/v1/applications/{application.pk}")

    assert len(response.json()["history"]) == 5
