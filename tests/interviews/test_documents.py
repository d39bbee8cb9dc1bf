"""The printable interview evaluation form: blank for a round, filled for an interview, in id or en."""

from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from rekrut.core.pdf import logo_data_uri
from tests.interviews.conftest import held, submit

pytestmark = pytest.mark.django_db


def pdf_text(response) -> str:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize(
    ("lang", "attribute", "other"), [("id", "Sikap kerja", "Attitude"), ("en", "Attitude", "Sikap kerja")]
)
def test_the_blank_form_for_a_round_is_in_the_chosen_language(
    plan, personas, client_for, settings, lang, attribute, other
):
    settings.COMPANY_NAME = "PT Contoh Sejahtera"
    url = reverse("interviews:round_form_pdf", args=[plan["hr"].pk]) + f"?lang={lang}"
    text = pdf_text(client_for(personas.recruiter).get(url))
    assert attribute in text and other not in text
    assert "PT Contoh Sejahtera" in text
    assert "Rp" in text  # the HR round asks the salary expectation


def test_the_filled_form_holds_the_candidate_and_the_submitted_scorecard(
    at_user_stage, plan, personas, client_for
):
    interview = held(at_user_stage, plan["hr"], [personas.recruiter])
    submit(interview, personas.recruiter, "strong_yes", salary_expectation=8_500_000, notice_period_days=30)
    url = reverse("interviews:form_pdf", args=[interview.pk]) + "?lang=en"
    text = pdf_text(client_for(personas.recruiter).get(url))
    assert "Putri Maharani" in text
    assert "Attitude" in text and "Communication" in text
    assert "Rp8.500.000" in text
    assert "Strong yes" in text


def test_the_logo_is_embedded_in_the_document():
    assert logo_data_uri().startswith("data:image/svg+xml;base64,")


def test_outsiders_get_no_form(plan, personas, client_for):
    assert (
        client_for(personas.outsider)
        .get(reverse("interviews:round_form_pdf", args=[plan["hr"].pk]))
        .status_code
        == 404
    )
