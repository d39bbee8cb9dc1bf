"""Every error under /api/v1/ is JSON in the documented shape `{"code", "message"}` (a 422 also keeps
`detail`, naming each bad field): server errors, unknown routes, wrong methods, unreadable bodies and
refusals from outside the API's own code included. Issue 7: year 9999 gave an HTML 500."""

import json

import pytest
from django.test import Client

from rekrut.api import interviews as interviews_api

pytestmark = pytest.mark.django_db


def assert_error_shape(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    body = json.loads(response.content)
    assert isinstance(body["code"], str) and body["code"]
    assert isinstance(body["message"], str) and body["message"]
    if code:
        assert body["code"] == code
    return body


@pytest.fixture
def as_rina(api_client_for, personas):
    return api_client_for(personas.recruiter)


@pytest.mark.parametrize(
    "path", ["/api/v1/nowhere", "/api/v1/jobs/", "/api/v1/jobs/1/nothing-here", "/api/v1/"]
)
def test_an_unknown_route_is_a_json_404(as_rina, path):
    assert_error_shape(as_rina.get(path), 404, "not_found")


def test_an_unknown_route_without_a_token_is_a_json_404_too(client):
    assert_error_shape(client.get("/api/v1/nowhere"), 404, "not_found")


def test_a_wrong_method_is_a_json_405_that_lists_the_allowed_ones(as_rina, world):
    response = as_rina.delete(f"/api/v1/applications/{world.team_a_application.pk}")
    assert_error_shape(response, 405, "method_not_allowed")
    assert "GET" in response["Allow"]


@pytest.mark.parametrize("body", ["{not json", "[1, 2", '{"to_stage": 1, "version": 1'])
def test_an_unreadable_body_is_a_json_400(as_rina, world, body):
    response = as_rina.post(
        f"/api/v1/applications/{world.team_a_application.pk}/move", body, content_type="application/json"
    )
    assert_error_shape(response, 400, "malformed_body")


def test_a_validation_error_keeps_its_field_details(as_rina, world):
    response = as_rina.post(
        f"/api/v1/applications/{world.team_a_application.pk}/move",
        {"to_stage": "next", "version": 1},
        content_type="application/json",
    )
    body = assert_error_shape(response, 422, "invalid")
    assert body["detail"][0]["loc"] == ["body", "payload", "to_stage"]
    assert "to_stage" in body["message"]


def test_a_nul_character_is_a_json_400(as_rina):
    assert_error_shape(as_rina.get("/api/v1/candidates", {"q": "a\x00b"}), 400)


def test_a_missing_token_is_a_json_401(client):
    response = client.get("/api/v1/jobs")
    assert_error_shape(response, 401, "unauthenticated")
    assert response["WWW-Authenticate"] == "Bearer"


def test_a_server_error_is_a_json_500_without_a_stack_trace(as_rina, world, monkeypatch, caplog):
    def broken(**kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(interviews_api, "interviews_of_application", broken)
    client = Client(
        raise_request_exception=False,
        HTTP_AUTHORIZATION=as_rina.defaults["HTTP_AUTHORIZATION"],
    )

    response = client.get(f"/api/v1/applications/{world.team_a_application.pk}/interviews")

    body = assert_error_shape(response, 500, "server_error")
    assert "secret" not in response.content.decode()
    assert "Traceback" not in body["message"]
    assert "secret internals" in caplog.text  # still logged for whoever runs the server


def test_errors_speak_the_request_language(api_client_for, personas):
    response = api_client_for(personas.recruiter, language="id").get("/api/v1/nowhere")
    assert assert_error_shape(response, 404)["message"] == "Tidak ditemukan."


def test_the_pages_keep_their_html_errors(client_for, personas):
    response = client_for(personas.recruiter).get("/candidates/999999/nowhere")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
