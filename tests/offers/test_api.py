"""Offers over the API: the versions with their chain (amounts only for who may see pay), and approving or
returning through the same service as the page; in the OpenAPI schema."""

import pytest
from django.test import Client

from rekrut.accounts.services import api_token_create
from rekrut.offers.models import OfferApproval, OfferStatus
from tests.offers.factories import offer_submitted
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


def api(user) -> Client:
    _, key = api_token_create(user=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}", HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def offer(personas, team_a_job):
    application = application_make(job=team_a_job, full_name="Putri Maharani")
    return offer_submitted(application=application, actor=personas.recruiter)


def test_the_list_shows_amounts_only_to_who_may_see_pay(personas, offer) -> None:
    url = f"/api/v1/applications/{offer.application_id}/offers"
    body = api(personas.hiring_manager).get(url).json()
    assert body[0]["status"] == "in_approval"
    assert body[0]["waiting_for"] == "hr"
    assert body[0]["amounts"]["base_salary"] == 7_000_000
    seen_by_interviewer = api(personas.interviewer).get(url).json()
    assert seen_by_interviewer[0]["amounts"] is None
    assert api(personas.other_recruiter).get(url).status_code == 404


def test_approve_and_return_through_the_api(personas, offer) -> None:
    base = f"/api/v1/applications/{offer.application_id}/offers/{offer.pk}"
    wrong = api(personas.hiring_manager).post(
        f"{base}/approve", {"round": 1, "step": "hr"}, content_type="application/json"
    )
    assert wrong.status_code == 403
    assert "waiting for the HR step" in wrong.json()["message"]
    done = api(personas.hr_admin).post(
        f"{base}/approve", {"round": 1, "step": "hr"}, content_type="application/json"
    )
    assert done.status_code == 200, done.content
    assert done.json()["waiting_for"] == "manager"
    assert OfferApproval.objects.get(offer=offer).via == "api"
    empty = api(personas.hiring_manager).post(
        f"{base}/return", {"round": 1, "step": "manager"}, content_type="application/json"
    )
    assert empty.json()["code"] == "comment_missing"
    returned = api(personas.hiring_manager).post(
        f"{base}/return",
        {"round": 1, "step": "manager", "comment": "Terlalu tinggi."},
        content_type="application/json",
    )
    assert returned.json()["status"] == OfferStatus.DRAFT
    stale = api(personas.hr_admin).post(
        f"{base}/approve", {"round": 1, "step": "hr"}, content_type="application/json"
    )
    assert stale.status_code == 400 and stale.json()["code"] == "not_in_approval"


def test_an_outsider_cannot_decide(personas, offer) -> None:
    base = f"/api/v1/applications/{offer.application_id}/offers/{offer.pk}"
    assert (
        api(personas.interviewer)
        .post(f"{base}/approve", {"round": 1, "step": "hr"}, content_type="application/json")
        .status_code
        == 403
    )
    assert (
        api(personas.outsider)
        .post(f"{base}/approve", {"round": 1, "step": "hr"}, content_type="application/json")
        .status_code
        == 404
    )
    assert not OfferApproval.objects.exists()


def test_the_offers_are_in_the_openapi_schema(client) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/applications/{application_id}/offers" in paths
    assert "/api/v1/applications/{application_id}/offers/{offer_id}/approve" in paths
    assert "/api/v1/applications/{application_id}/offers/{offer_id}/return" in paths
