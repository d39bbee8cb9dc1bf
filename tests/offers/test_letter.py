"""The offer letter as PDF: rendered for real and its text read back, in Bahasa Indonesia by default and
in English on request, with amounts like Rp7.000.000 and dates like 4 Januari 2027."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from rekrut.offers.letter import offer_letter_pdf
from rekrut.offers.models import OfferPolicy
from tests.offers.factories import offer_make
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


def text_of(content: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages)


@pytest.fixture
def offer(personas, team_a_job):
    OfferPolicy.objects.create(letterhead_address="Jl. Jenderal Sudirman Kav. 52, Jakarta Selatan 12190")
    application = application_make(job=team_a_job, full_name="Putri Maharani")
    return offer_make(application=application, actor=personas.recruiter)


def test_the_letter_in_bahasa_indonesia(offer) -> None:
    text = text_of(offer_letter_pdf(offer, language="id"))
    for expected in [
        "SURAT PENAWARAN KERJA",
        "PT Nusantara Maju Bersama",
        "Jl. Jenderal Sudirman Kav. 52",
        "Putri Maharani",
        "Customer Service Officer",
        "4 Januari 2027",  # start date
        "8 Desember 2026",  # valid until
        "Rp7.000.000",  # base salary
        "Tunjangan jabatan: Rp1.000.000",
        "Uang makan: Rp500.000",
        "Rp8.500.000",  # gross per month
        "PKWTT",
        "3 bulan",  # probation
        "12 hari kerja",
        "Asuransi kesehatan swasta",
        "BPJS Kesehatan",
        "THR",
    ]:
        assert expected in text, expected


def test_the_letter_in_english_on_request(offer) -> None:
    text = text_of(offer_letter_pdf(offer, language="en"))
    for expected in [
        "OFFER LETTER",
        "4 January 2027",
        "Rp7.000.000",
        "probation period of 3 months",
        "12 working days",
    ]:
        assert expected in text, expected


def test_a_pkwt_letter_names_its_length_and_end(personas, team_a_job) -> None:
    application = application_make(job=team_a_job, full_name="Bayu Saputra")
    offer = offer_make(
        application=application,
        actor=personas.recruiter,
        employment_type="pkwt",
        contract_months=12,
        probation_months=0,
    )
    text = text_of(offer_letter_pdf(offer, language="en"))
    assert "Fixed-term contract (PKWT) of 12 months, until 3 January 2028" in text


def test_the_offer_page_serves_the_letter_to_those_who_see_the_offer(client, personas, offer) -> None:
    url = reverse("offers:letter", args=[offer.application_id, offer.pk])
    client.force_login(personas.hiring_manager)
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    assert "SURAT PENAWARAN KERJA" in text_of(response.content)
    assert "OFFER LETTER" in text_of(client.get(url + "?lang=en").content)
    client.force_login(personas.interviewer)
    assert client.get(url).status_code == 403
