"""Choosing a CV on "Add a candidate" fills in the name, e-mail, phone, city and links and shows the work,
education and skills read; saving keeps those parts on the candidate as JSON Resume."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from rekrut.candidates.jsonresume import resume_validate
from rekrut.candidates.models import Candidate
from tests.candidates.factories import CandidateFactory
from tests.candidates.filebuilders import docx_bytes, pdf_bytes
from tests.intake.cv_set_tools import cvs, rendered

pytestmark = pytest.mark.django_db


def _cv(slug: str, kind: str) -> SimpleUploadedFile:
    cv = next(cv for cv in cvs() if cv["slug"] == slug)
    return SimpleUploadedFile(f"cv.{kind}", rendered(cv, kind))


def _value(html: str, element_id: str) -> str:
    """The value of the last input or textarea with this id (the out-of-band one comes last)."""
    tags = re.findall(rf'<(input|textarea)([^>]*\bid="{element_id}"[^>]*)>([^<]*)', html)
    assert tags, f"no #{element_id} in the response"
    kind, attributes, content = tags[-1]
    if kind == "textarea":
        return content.strip()
    value = re.search(r'value="([^"]*)"', attributes)
    return value.group(1) if value else ""


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_choosing_a_cv_fills_in_name_contacts_city_and_links(client_for, personas, kind: str) -> None:
    response = client_for(personas.recruiter).post(
        reverse("intake:cv_read"), {"cv": _cv("01-budi-santoso", kind)}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert _value(html, "id_full_name") == "Budi Santoso"
    assert _value(html, "id_email") == "budi.santoso@gmail.com"
    assert _value(html, "id_phone") == "+6281234567890"
    assert _value(html, "id_city") == "Jakarta Selatan"
    assert _value(html, "id_links_text") == "https://linkedin.com/in/budisantoso"
    assert 'id="name-field" hx-swap-oob="true"' in html
    # The parts read, shown for HR to check before saving.
    assert 'id="cv-parts" hx-swap-oob="true"' in html
    assert "Senior Data Analyst · PT Maju Jaya Tbk · 2021-03 – now" in html
    assert "S1 · Statistika · Universitas Indonesia · 2013 – 2017" in html
    assert "Microsoft Excel" in html
    assert 'name="skip_cv_parts"' in html


def test_what_hr_typed_is_not_replaced(client_for, personas) -> None:
    data = {"cv": _cv("01-budi-santoso", "pdf"), "full_name": "Budi S.", "city": "Depok", "email": "b@x.id"}
    html = client_for(personas.recruiter).post(reverse("intake:cv_read"), data).content.decode()
    assert _value(html, "id_full_name") == "Budi S."
    assert _value(html, "id_city") == "Depok"
    assert _value(html, "id_email") == "b@x.id"
    assert _value(html, "id_phone") == "+6281234567890"


def test_a_scanned_cv_is_said_plainly_and_fills_nothing(client_for, personas) -> None:
    scan = SimpleUploadedFile("scan.pdf", pdf_bytes(""))
    html = client_for(personas.recruiter).post(reverse("intake:cv_read"), {"cv": scan}).content.decode()
    assert "This PDF is an image (a scan or a photo)" in html
    assert "Rekrut has no OCR" in html
    assert _value(html, "id_full_name") == ""
    assert "Read from the CV" not in html


def test_a_rejected_file_clears_the_parts_of_a_cv_chosen_before(client_for, personas) -> None:
    bad = SimpleUploadedFile("cv.pdf", b"not a pdf")
    html = client_for(personas.recruiter).post(reverse("intake:cv_read"), {"cv": bad}).content.decode()
    assert "field-error" in html
    assert '<div id="cv-parts" hx-swap-oob="true"></div>' in html


def _add(client, **data):
    page = client.get(reverse("intake:add")).content.decode()
    key = re.search(r'name="idempotency_key" value="([^"]+)"', page).group(1)
    return client.post(reverse("intake:add"), {"idempotency_key": key, "source": "other", **data})


def test_saving_keeps_the_parts_read_as_json_resume(client_for, personas) -> None:
    client = client_for(personas.recruiter)
    response = _add(
        client,
        cv=_cv("03-john-miller", "pdf"),
        full_name="John Miller",  # HR corrected the name the CV gave
        email="john.miller@fastmail.com",
        phone="+14155550134",
        city="San Francisco",
    )
    assert response.status_code == 302
    candidate = Candidate.objects.get(email="john.miller@fastmail.com")
    resume = candidate.resume
    assert resume_validate(resume) == resume
    assert resume["basics"]["name"] == "John Miller"  # the record's, not the CV's "John A. Miller"
    assert resume["basics"]["phone"] == "+14155550134"
    assert [job["name"] for job in resume["work"]] == ["Bayview Technologies Inc.", "Harbor Labs"]
    assert resume["work"][0]["startDate"] == "2019-06"
    assert resume["education"][0]["institution"] == "University of Washington"
    assert {"name": "Django"} in resume["skills"]
    assert "Bayview Technologies Inc." in candidate.cv_text


def test_hr_can_leave_the_parts_out(client_for, personas) -> None:
    client = client_for(personas.recruiter)
    _add(client, cv=_cv("03-john-miller", "docx"), full_name="John Miller", skip_cv_parts="on")
    candidate = Candidate.objects.get(full_name="John Miller")
    assert candidate.resume == {}
    assert candidate.cv_text  # the file and its text are kept either way


def test_a_cv_without_parts_keeps_no_resume(client_for, personas) -> None:
    client = client_for(personas.recruiter)
    _add(
        client,
        cv=SimpleUploadedFile("cv.docx", docx_bytes(["Sinta", "sinta@example.com"])),
        full_name="Sinta",
    )
    assert Candidate.objects.get(full_name="Sinta").resume == {}


def test_a_new_cv_on_the_edit_page_replaces_the_parts(client_for, personas) -> None:
    candidate = CandidateFactory(full_name="Siti Rahma", email="siti.rahma@yahoo.co.id", resume={"work": []})
    client = client_for(personas.hr_admin)
    response = client.post(
        reverse("intake:edit", args=[candidate.pk]),
        {
            "full_name": "Siti Rahma",
            "email": "siti.rahma@yahoo.co.id",
            "source": "other",
            "cv": _cv("02-siti-rahma", "pdf"),
            "loaded_version": candidate.updated_at.isoformat(),
        },
    )
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert [job["name"] for job in candidate.resume["work"]] == ["CV Sinar Terang", "Koperasi Mitra Usaha"]
    assert candidate.resume["education"][0]["studyType"] == "D3"
