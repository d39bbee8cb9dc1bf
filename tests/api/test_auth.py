"""Every endpoint needs a live personal token; without one the answer is a JSON 401."""

import pytest
from django.test import Client
from django.utils import timezone

from rekrut.accounts.models import ApiToken
from rekrut.accounts.services import api_token_create

ENDPOINTS = [
    ("get", "/api/v1/jobs"),
    ("get", "/api/v1/jobs/1"),
    ("get", "/api/v1/candidates"),
    ("get", "/api/v1/candidates/1"),
    ("get", "/api/v1/applications"),
    ("get", "/api/v1/applications/1"),
    ("post", "/api/v1/applications/1/move"),
    ("post", "/api/v1/applications/1/reject"),
    ("get", "/api/v1/reject-reasons"),
]


def assert_unauthenticated(response) -> None:
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["WWW-Authenticate"] == "Bearer"
    assert response.json()["code"] == "unauthenticated"
    assert "Authorization: Bearer" in response.json()["message"]


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "path"), ENDPOINTS)
def test_every_endpoint_refuses_a_request_without_a_token(client: Client, method: str, path: str) -> None:
    assert_unauthenticated(getattr(client, method)(path))


@pytest.mark.parametrize(
    "header",
    ["Bearer rk_not-a-real-token", "Bearer ", "Token rk_whatever", "Basic cmluYTpzZWNyZXQ="],
)
def test_a_wrong_or_malformed_token_is_refused(client: Client, world, header: str) -> None:
    assert_unauthenticated(client.get("/api/v1/applications", HTTP_AUTHORIZATION=header))


def test_a_revoked_token_stops_working(client: Client, world, personas) -> None:
    token, key = api_token_create(user=personas.hr_admin, name="HRIS sync")
    header = f"Bearer {key}"
    assert client.get("/api/v1/applications", HTTP_AUTHORIZATION=header).status_code == 200

    ApiToken.objects.filter(pk=token.pk).update(revoked_at=timezone.now())

    assert_unauthenticated(client.get("/api/v1/applications", HTTP_AUTHORIZATION=header))


def test_a_deactivated_users_token_stops_working(client: Client, world, personas) -> None:
    _, key = api_token_create(user=personas.hr_admin, name="HRIS sync")
    personas.hr_admin.is_active = False
    personas.hr_admin.save()

    assert_unauthenticated(client.get("/api/v1/applications", HTTP_AUTHORIZATION=f"Bearer {key}"))


def test_a_browser_session_alone_is_not_enough(client_for, world, personas) -> None:
    # Session auth would make the API need CSRF tokens; the API takes tokens only.
    assert_unauthenticated(client_for(personas.hr_admin).get("/api/v1/applications"))


def test_a_good_token_authenticates_its_own_user(api_client_for, world, personas) -> None:
    response = api_client_for(personas.recruiter).get("/api/v1/applications")

    assert response.status_code == 200
    assert [a["candidate"]["full_name"] for a in response.json()["items"]] == ["Siti Rahmawati"]


def test_a_token_post_needs_no_csrf_token(world, personas) -> None:
    _, key = api_token_create(user=personas.recruiter, name="HRIS sync")
    client = Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Bearer {key}")
    application = world.team_a_application
    screening = application.job.stages.get(kind="screening")

    response = client.post(
        f"/api/v1/applications/{application.pk}/move",
        {"to_stage": screening.pk, "version": application.version},
        content_type="application/json",
    )

    assert response.status_code == 200
