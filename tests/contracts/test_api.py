"""The API reads an application's contract (amounts only for those who may see the pay, P2) and takes the
signing steps through the same services as the page."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from rekrut.accounts.services import api_token_create
from rekrut.contracts.models import Contract, ContractStatus
from tests.candidates.filebuilders import pdf_bytes
from tests.contracts.factories import contract_sign_fully


def _api(user) -> Client:
    _, key = api_token_create(user=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}", HTTP_ACCEPT_LANGUAGE="en")


def test_hr_reads_the_contract_with_its_amounts_and_compensation(draft, personas):
    body = _api(personas.recruiter).get(f"/api/v1/applications/{draft.application_id}/contract").json()
    assert (body["id"], body["status"], body["employment_type"], body["version"]) == (
        draft.pk,
        "draft",
        "pkwt",
        1,
    )
    # C7: 12 months ÷ 12 × (Rp7.000.000 + Rp1.000.000 fixed)
    assert body["amounts"] == {"base_salary": 7_000_000, "monthly_wage": 8_000_000, "compensation": 8_000_000}


def test_the_team_sees_status_and_dates_but_no_amounts_p2(draft, personas):
    body = _api(personas.interviewer).get(f"/api/v1/applications/{draft.application_id}/contract").json()
    assert body["status"] == "draft" and body["start_date"] and body["amounts"] is None
    assert "7000000" not in str(body)


def test_another_team_gets_a_404(draft, personas):
    response = _api(personas.other_recruiter).get(f"/api/v1/applications/{draft.application_id}/contract")
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_no_contract_yet_is_a_404(at_contract, personas):
    response = _api(personas.recruiter).get(f"/api/v1/applications/{at_contract.pk}/contract")
    assert response.status_code == 404


def test_the_signing_steps_over_the_api(draft, personas):
    api = _api(personas.recruiter)
    today = timezone.localdate().isoformat()
    assert api.post(f"/api/v1/contracts/{draft.pk}/send").json()["status"] == "sent"
    signed = api.post(f"/api/v1/contracts/{draft.pk}/candidate-signed", {"signed_on": today}).json()
    assert signed["status"] == "candidate_signed" and signed["candidate_signed_on"] == today
    missing_scan = api.post(f"/api/v1/contracts/{draft.pk}/company-signed", {"signed_on": today})
    assert missing_scan.status_code == 400 and missing_scan.json()["code"] == "scan_missing"
    scan = SimpleUploadedFile("kontrak.pdf", pdf_bytes("Kontrak"), content_type="application/pdf")
    done = api.post(f"/api/v1/contracts/{draft.pk}/company-signed", {"signed_on": today, "scan": scan}).json()
    assert done["status"] == "signed" and done["registration_due"]


def test_a_step_out_of_order_is_a_400_with_the_reason(draft, personas):
    today = timezone.localdate().isoformat()
    response = _api(personas.recruiter).post(
        f"/api/v1/contracts/{draft.pk}/company-signed", {"signed_on": today}
    )
    assert response.status_code == 400
    assert response.json() == {
        "code": "out_of_order",
        "message": "The candidate signs first: record the candidate's signature before the company's.",
    }
    assert Contract.objects.get(pk=draft.pk).status == ContractStatus.DRAFT


def test_a_bad_scan_is_a_400_and_nothing_changes(draft, personas):
    api = _api(personas.recruiter)
    api.post(f"/api/v1/contracts/{draft.pk}/send")
    bad = SimpleUploadedFile("kontrak.pdf", b"<html></html>", content_type="application/pdf")
    response = api.post(
        f"/api/v1/contracts/{draft.pk}/candidate-signed",
        {"signed_on": timezone.localdate().isoformat(), "scan": bad},
    )
    assert response.status_code == 400 and response.json()["code"] == "unsupported_type"
    assert Contract.objects.get(pk=draft.pk).status == ContractStatus.SENT


@pytest.mark.parametrize("persona", ["hiring_manager", "interviewer"])
def test_only_hr_takes_the_steps(draft, personas, persona):
    response = _api(getattr(personas, persona)).post(f"/api/v1/contracts/{draft.pk}/send")
    assert response.status_code == 403
    assert Contract.objects.get(pk=draft.pk).status == ContractStatus.DRAFT


def test_registration_over_the_api_c6(draft, personas):
    contract = contract_sign_fully(contract=draft, actor=personas.recruiter)
    api = _api(personas.recruiter)
    payload = {"registered_on": timezone.localdate().isoformat(), "registration_number": "PKWT/2026/7"}
    body = api.post(f"/api/v1/contracts/{contract.pk}/registration", payload, content_type="application/json")
    assert body.status_code == 200 and body.json()["registration_number"] == "PKWT/2026/7"
    bad = api.post(
        f"/api/v1/contracts/{contract.pk}/registration",
        {"registered_on": "2026-13-01", "registration_number": ""},
        content_type="application/json",
    )
    assert bad.status_code == 422
