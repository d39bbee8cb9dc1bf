"""Choosing a CV in a real browser fills in the name, city and links too (out-of-band HTMX swaps) and shows
the parts read; saving keeps them on the candidate."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from rekrut.candidates.models import Candidate
from tests.intake.cv_set_tools import cvs, rendered

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_cv_fills_in_the_form_and_its_parts_are_kept(page, sign_in, personas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cv = next(cv for cv in cvs() if cv["slug"] == "01-budi-santoso")
    sign_in(personas.recruiter).goto(reverse("intake:add"))
    page.locator("#id_city").fill("Depok")  # typed before choosing the CV: kept

    page.locator("#id_cv").set_input_files(
        files=[{"name": "cv-budi.pdf", "mimeType": "application/pdf", "buffer": rendered(cv, "pdf")}]
    )
    expect(page.locator("#id_full_name")).to_have_value("Budi Santoso")
    expect(page.locator("#id_email")).to_have_value("budi.santoso@gmail.com")
    expect(page.locator("#id_phone")).to_have_value("+6281234567890")
    expect(page.locator("#id_city")).to_have_value("Depok")
    expect(page.locator("#id_links_text")).to_have_value("https://linkedin.com/in/budisantoso")
    parts = page.locator("#cv-parts")
    expect(parts.get_by_role("heading", name="Read from the CV")).to_be_visible()
    expect(parts).to_contain_text("Senior Data Analyst · PT Maju Jaya Tbk · 2021-03 – now")

    page.get_by_role("button", name="Save candidate").click()
    expect(page).to_have_url(re.compile(r"/candidates/\d+/$"))
    candidate = Candidate.objects.get(email="budi.santoso@gmail.com")
    assert candidate.city == "Depok"
    assert candidate.links == ["https://linkedin.com/in/budisantoso"]
    assert [job["name"] for job in candidate.resume["work"]] == ["PT Maju Jaya Tbk", "PT Bank Sejahtera"]
