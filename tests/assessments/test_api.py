"""GET /api/v1/applications/{id}/assessments: what the page shows the team (results and conclusions), through
the same access, in a fixed number of queries, and never a report, even to a holder of the permission."""

from decimal import Decimal

import pytest

from rekrut.assessments.models import AssessmentReport, ResultShape
from rekrut.assessments.services.assessments import assessment_result_record
from tests.assessments.factories import assessment_make, reports_permission_grant, type_make
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_client_for():
    from django.test import Client

    from rekrut.accounts.services import api_token_create

    def make(user):
        _, key = api_token_create(user=user, name="tests")
        return Client(HTTP_AUTHORIZATION=f"Bearer {key}", HTTP_ACCEPT_LANGUAGE="en")

    return make


def _psikotes(application, personas):
    kind = type_make(name="Psikotes", shape=ResultShape.CATEGORY, details_restricted=True)
    assessment = assessment_make(application=application, assessment_type=kind)
    return assessment_result_record(
        actor=personas.recruiter,
        assessment=assessment,
        expected_version=1,
        category="considered",
        conclusion="Dapat dipertimbangkan.",
    )


def _url(application) -> str:
    return f"/api/v1/applications/{application.pk}/assessments"


def test_the_team_reads_results_and_conclusions_never_the_report(at_assessment, personas, api_client_for):
    done = _psikotes(at_assessment, personas)
    AssessmentReport.objects.create(
        assessment=done, note="Catatan psikolog yang rahasia", updated_by=personas.hr_admin
    )
    holder = reports_permission_grant(personas.recruiter)
    for user in (holder, personas.hiring_manager):
        response = api_client_for(user).get(_url(at_assessment))
        assert response.status_code == 200
        body = response.content.decode()
        assert "Catatan psikolog" not in body and "report" not in response.json()[0]
        [row] = response.json()
        assert row["id"] == done.pk and row["outcome"] == "borderline" and row["category"] == "considered"
        assert row["conclusion"] == "Dapat dipertimbangkan." and row["type"]["details_restricted"] is True


def test_someone_outside_the_team_gets_404(at_assessment, personas, api_client_for):
    _psikotes(at_assessment, personas)
    response = api_client_for(personas.outsider).get(_url(at_assessment))
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_a_score_reads_as_a_number(at_assessment, personas, api_client_for):
    assessment = assessment_make(application=at_assessment, assessment_type=type_make(name="Tes Excel"))
    assessment_result_record(
        actor=personas.recruiter, assessment=assessment, expected_version=1, score=Decimal("72.5")
    )
    [row] = api_client_for(personas.recruiter).get(_url(at_assessment)).json()
    assert row["score"] == 72.5 and row["type"]["max_score"] == 100.0 and row["status"] == "completed"


def test_the_list_costs_the_same_for_1_and_6_assessments(
    at_assessment, personas, api_client_for, django_assert_max_num_queries
):
    client = api_client_for(personas.recruiter)
    assessment_make(application=at_assessment, assessment_type=type_make(name="Tes 0"))
    client.get(_url(at_assessment))  # the token's first use records last_used_at once
    # rate-limit counter, token, the application, the caller's team role, the assessments
    with django_assert_max_num_queries(5) as few:
        assert len(client.get(_url(at_assessment)).json()) == 1
    for n in range(1, 6):
        assessment_make(application=at_assessment, assessment_type=type_make(name=f"Tes {n}"))
    with django_assert_max_num_queries(5) as many:
        assert len(client.get(_url(at_assessment)).json()) == 6
    assert len(many.captured_queries) == len(few.captured_queries)


def test_another_teams_application_is_not_found(team_b_job, personas, api_client_for):
    other = application_make(job=team_b_job)
    assert api_client_for(personas.recruiter).get(_url(other)).status_code == 404
