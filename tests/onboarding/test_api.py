"""The API lists an application's onboarding items (numbers masked), ticks them through the same service
as the page, and exports the new employee's record only with the permission (logged)."""

import pytest
from django.test import Client

from rekrut.accounts.services import api_token_create
from rekrut.events.models import AuditEvent
from rekrut.jobs.models import StageKind
from rekrut.onboarding.records import SCHEMA
from tests.onboarding.factories import NIK, details_give, financial_access_give, onboarding_make
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


def _api(user) -> Client:
    _, key = api_token_create(user=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}", HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def onboarding(personas, team_a_job):
    application = application_make(job=team_a_job, stage_kind=StageKind.CONTRACT, full_name="Putri Maharani")
    onboarding = onboarding_make(application=application, actor=personas.recruiter)
    details_give(onboarding)
    return onboarding


def test_the_team_reads_the_checklist_with_numbers_masked(personas, onboarding):
    body = _api(personas.hiring_manager).get(f"/api/v1/applications/{onboarding.application_id}/onboarding")
    assert body.status_code == 200
    data = body.json()
    assert data["nik"] == "3174********0001" and NIK not in body.content.decode()
    assert {task["name"] for task in data["tasks"]} >= {
        "KTP (identity card) and NIK",
        "Choose a buddy for the first month",
    }


def test_owners_tick_through_the_api_and_others_get_a_403(personas, onboarding):
    buddy = onboarding.tasks.get(kind="buddy")
    laptop = onboarding.tasks.get(owner="it")
    manager = _api(personas.hiring_manager)
    done = manager.post(
        f"/api/v1/onboarding-tasks/{buddy.pk}/done", {"done": True}, content_type="application/json"
    )
    assert done.status_code == 200 and done.json()["done"] is True
    refused = manager.post(f"/api/v1/onboarding-tasks/{laptop.pk}/done", {}, content_type="application/json")
    assert refused.status_code == 403 and refused.json()["code"] == "forbidden"
    ktp = onboarding.tasks.get(document="ijazah")
    ok = _api(personas.recruiter).post(
        f"/api/v1/onboarding-tasks/{ktp.pk}/done", {}, content_type="application/json"
    )
    assert ok.status_code == 200


def test_the_record_needs_the_permission_and_is_logged(personas, onboarding):
    url = f"/api/v1/applications/{onboarding.application_id}/employee-record"
    refused = _api(personas.recruiter).get(url)
    assert refused.status_code == 403 and NIK not in refused.content.decode()
    record = _api(financial_access_give(personas.recruiter)).get(url)
    assert record.status_code == 200
    assert record.json()["schema"] == SCHEMA and record.json()["employee"]["nik"] == NIK
    assert AuditEvent.objects.filter(action="onboarding.exported", changes__format="json").count() == 1


def test_another_team_gets_a_404(personas, onboarding):
    api = _api(personas.other_manager)
    assert api.get(f"/api/v1/applications/{onboarding.application_id}/onboarding").status_code == 404
    task = onboarding.tasks.first()
    assert (
        api.post(f"/api/v1/onboarding-tasks/{task.pk}/done", {}, content_type="application/json").status_code
        == 404
    )
