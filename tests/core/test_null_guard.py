import json

import pytest

from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


def test_a_nul_in_a_search_is_a_clear_400_not_a_server_error(client_for, personas):
    response = client_for(personas.recruiter).get("/candidates/", {"q": "Sari\x00"})
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


def test_a_nul_in_an_api_body_is_refused_and_changes_nothing(client, personas, team_a_job):
    from rekrut.accounts.services import api_token_create

    application = application_make(job=team_a_job)
    _, key = api_token_create(user=personas.recruiter, name="test")
    screening = team_a_job.stages.get(kind="screening")
    response = client.post(
        f"/api/v1/applications/{application.pk}/move",
        data=json.dumps({"to_stage": screening.pk, "version": application.version, "note": "a\x00b"}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert response.status_code == 400
    application.refresh_from_db()
    assert application.stage.kind == "applied"
