"""The published schema lists every endpoint, and the docs page runs on vendored Swagger UI (no CDN)."""

import json
import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

EXPECTED_OPERATIONS = {
    ("get", "/api/v1/me"),
    ("get", "/api/v1/jobs"),
    ("get", "/api/v1/jobs/{job_id}"),
    ("get", "/api/v1/candidates"),
    ("get", "/api/v1/candidates/{candidate_id}"),
    ("get", "/api/v1/applications"),
    ("get", "/api/v1/applications/{application_id}"),
    ("post", "/api/v1/applications/{application_id}/move"),
    ("post", "/api/v1/applications/{application_id}/move-back"),
    ("post", "/api/v1/applications/{application_id}/reject"),
    ("get", "/api/v1/reject-reasons"),
    # interviews
    ("get", "/api/v1/jobs/{job_id}/interview-plan"),
    ("put", "/api/v1/interview-rounds/{round_id}"),
    ("get", "/api/v1/interview-rounds/{round_id}/kit"),
    ("post", "/api/v1/interview-rounds/{round_id}/kit"),
    ("delete", "/api/v1/interview-rounds/{round_id}/kit/{question_id}"),
    ("get", "/api/v1/interview-questions"),
    ("get", "/api/v1/applications/{application_id}/interviews"),
    ("post", "/api/v1/applications/{application_id}/interviews"),
    ("get", "/api/v1/interviews/{interview_id}"),
    ("get", "/api/v1/interviews/{interview_id}/calendar.ics"),
    ("get", "/api/v1/applications/{application_id}/scorecards"),
    ("put", "/api/v1/interviews/{interview_id}/scorecard"),
    ("post", "/api/v1/interviews/{interview_id}/scorecard/submit"),
    ("post", "/api/v1/interviews/{interview_id}/scorecard/amend"),
    ("get", "/api/v1/applications/{application_id}/evaluation"),
    ("get", "/api/v1/applications/{application_id}/decisions"),
    ("post", "/api/v1/applications/{application_id}/decisions"),
    # medical check-ups
    ("get", "/api/v1/applications/{application_id}/medical-checks"),
    ("get", "/api/v1/medical-checks/{check_id}"),
    ("post", "/api/v1/medical-checks/{check_id}/result"),
    # assessments (read only; never a report)
    ("get", "/api/v1/applications/{application_id}/assessments"),
    # onboarding
    ("get", "/api/v1/applications/{application_id}/onboarding"),
    ("post", "/api/v1/onboarding-tasks/{task_id}/done"),
    ("get", "/api/v1/applications/{application_id}/employee-record"),
    # contracts
    ("get", "/api/v1/applications/{application_id}/contract"),
    ("post", "/api/v1/contracts/{contract_id}/send"),
    ("post", "/api/v1/contracts/{contract_id}/candidate-signed"),
    ("post", "/api/v1/contracts/{contract_id}/company-signed"),
    ("post", "/api/v1/contracts/{contract_id}/registration"),
    # offers
    ("get", "/api/v1/applications/{application_id}/offers"),
    ("post", "/api/v1/applications/{application_id}/offers/{offer_id}/approve"),
    ("post", "/api/v1/applications/{application_id}/offers/{offer_id}/return"),
    # webhooks (HR admins)
    ("get", "/api/v1/webhook-events"),
    ("get", "/api/v1/webhooks"),
    ("post", "/api/v1/webhooks"),
    ("get", "/api/v1/webhooks/{webhook_id}"),
    ("patch", "/api/v1/webhooks/{webhook_id}"),
    ("post", "/api/v1/webhooks/{webhook_id}/rotate-secret"),
    ("post", "/api/v1/webhooks/{webhook_id}/test"),
    ("get", "/api/v1/webhooks/{webhook_id}/deliveries"),
}


@pytest.fixture
def schema(client: Client) -> dict:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return json.loads(response.content)


def test_the_schema_lists_every_operation(schema) -> None:
    operations = {(method, path) for path, item in schema["paths"].items() for method in item}

    assert schema["openapi"].startswith("3.")
    assert operations == EXPECTED_OPERATIONS


def test_every_operation_asks_for_a_bearer_token(schema) -> None:
    schemes = schema["components"]["securitySchemes"]
    (name,) = schemes
    assert schemes[name] == {"type": "http", "scheme": "bearer"}
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            assert operation["security"] == [{name: []}], (method, path)


def test_actions_document_their_error_answers(schema) -> None:
    move = schema["paths"]["/api/v1/applications/{application_id}/move"]["post"]

    assert {"200", "400", "403", "404", "409"} <= set(move["responses"])
    error = move["responses"]["409"]["content"]["application/json"]["schema"]
    assert error == {"$ref": "#/components/schemas/ErrorOut"}


def test_lists_document_their_paging(schema) -> None:
    parameters = schema["paths"]["/api/v1/applications"]["get"]["parameters"]
    names = {p["name"] for p in parameters}

    assert {"job", "stage", "status", "page", "page_size"} <= names
    page_size = next(p for p in parameters if p["name"] == "page_size")
    assert page_size["schema"]["anyOf"][0]["maximum"] == 100


@pytest.mark.django_db
def test_the_docs_page_loads_swagger_from_our_own_static_files(client: Client) -> None:
    response = client.get("/api/v1/docs")

    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert "/static/ninja/swagger-ui-bundle.js" in assets
    assert "/static/ninja/swagger-ui.css" in assets
    for asset in assets:
        assert asset.startswith("/static/"), asset
        assert finders.find(asset.removeprefix("/static/")), asset
    assert "cdn" not in html.lower()
    assert '"url": "/api/v1/openapi.json"' in html


COMMON_ERRORS = {"401", "403", "404", "422", "429", "500"}


def test_every_operation_documents_the_errors_any_operation_can_give(schema) -> None:
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            responses = operation["responses"]
            assert set(responses) >= COMMON_ERRORS, (method, path)
            for status in COMMON_ERRORS:
                documented = responses[status]["content"]["application/json"]["schema"]
                expected = "ValidationErrorOut" if status == "422" else "ErrorOut"
                assert documented == {"$ref": f"#/components/schemas/{expected}"}, (method, path, status)
    shapes = schema["components"]["schemas"]
    assert set(shapes["ErrorOut"]["required"]) == {"code", "message"}
    assert set(shapes["ValidationErrorOut"]["required"]) == {"code", "message", "detail"}


def test_creates_take_an_idempotency_key(schema) -> None:
    for path in (
        "/api/v1/applications/{application_id}/interviews",
        "/api/v1/applications/{application_id}/decisions",
        "/api/v1/webhooks",
    ):
        parameters = schema["paths"][path]["post"]["parameters"]
        header = next(p for p in parameters if p["in"] == "header")
        assert header["name"] == "Idempotency-Key"
        assert header["required"] is False
