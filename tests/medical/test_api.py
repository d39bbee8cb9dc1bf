"""The API reads an application's check-ups as conclusions only, unless the caller holds the permission
(then one check-up also carries the note, and the reading is logged), and records results through the same
service as the page."""

import pytest
from django.test import Client

from rekrut.accounts.services import api_token_create
from rekrut.events.models import AuditEvent
from rekrut.medical.models import Conclusion
from rekrut.medical.services import medical_result_record
from tests.medical.factories import health_access_give


def _api(user) -> Client:
    _, key = api_token_create(user=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}", HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def recorded(planned, personas):
    return medical_result_record(
        actor=health_access_give(personas.recruiter),
        check=planned,
        conclusion=Conclusion.FIT_WITH_NOTES,
        expected_version=1,
        note="Kolesterol tinggi",
    )


def test_the_hiring_team_reads_the_conclusion_only(recorded, personas):
    api = _api(personas.hiring_manager)
    listed = api.get(f"/api/v1/applications/{recorded.application_id}/medical-checks").json()
    assert [(c["conclusion"], c["details"]) for c in listed] == [("fit_with_notes", None)]
    one = api.get(f"/api/v1/medical-checks/{recorded.pk}").json()
    assert one["details"] is None and "Kolesterol" not in str(one)
    assert not AuditEvent.objects.filter(action="medical.details_viewed").exists()


def test_with_the_permission_one_check_up_carries_the_note_and_is_logged(recorded, personas):
    manager = health_access_give(personas.hiring_manager)
    one = _api(manager).get(f"/api/v1/medical-checks/{recorded.pk}").json()
    assert one["details"] == {"note": "Kolesterol tinggi", "has_report": False}
    assert AuditEvent.objects.filter(action="medical.details_viewed", actor=manager, subject_id=recorded.pk)


def test_another_team_gets_a_404(recorded, personas):
    api = _api(personas.other_manager)
    assert api.get(f"/api/v1/medical-checks/{recorded.pk}").status_code == 404
    assert api.get(f"/api/v1/applications/{recorded.application_id}/medical-checks").status_code == 404


def test_hr_records_a_result_and_a_stale_version_is_a_409(planned, personas):
    api = _api(personas.recruiter)
    url = f"/api/v1/medical-checks/{planned.pk}/result"
    done = api.post(url, {"conclusion": "fit", "version": 1}, content_type="application/json")
    assert done.status_code == 200 and done.json()["conclusion"] == "fit"
    stale = api.post(url, {"conclusion": "unfit", "version": 1}, content_type="application/json")
    assert stale.status_code == 409 and stale.json()["code"] == "stale"


def test_a_note_without_the_permission_is_a_403_and_nothing_changes(planned, personas):
    response = _api(personas.recruiter).post(
        f"/api/v1/medical-checks/{planned.pk}/result",
        {"conclusion": "fit", "version": 1, "note": "Tensi tinggi"},
        content_type="application/json",
    )
    assert response.status_code == 403
    planned.refresh_from_db()
    assert planned.conclusion == ""


def test_the_hiring_manager_cannot_record_a_result(planned, personas):
    response = _api(personas.hiring_manager).post(
        f"/api/v1/medical-checks/{planned.pk}/result",
        {"conclusion": "fit", "version": 1},
        content_type="application/json",
    )
    assert response.status_code == 403


def test_an_unknown_conclusion_is_a_422(planned, personas):
    response = _api(personas.recruiter).post(
        f"/api/v1/medical-checks/{planned.pk}/result",
        {"conclusion": "sehat", "version": 1},
        content_type="application/json",
    )
    assert response.status_code == 422
