"""Adding a candidate from a CV in a real browser: the CV is read as soon as it is chosen."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from rekrut.candidates.models import Candidate
from tests.candidates.filebuilders import pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CV_TEXT = """Dewi Lestari
Jl. Merdeka No. 10, Bandung
dewi.lestari@example.com | 0812-3456-7890
Pengalaman: staf layanan pelanggan, 3 tahun."""


def test_a_recruiter_adds_a_candidate_from_a_cv(page, sign_in, personas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    sign_in(personas.recruiter).goto(reverse("intake:add"))

    page.locator("#id_cv").set_input_files(
        files=[{"name": "cv-dewi.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes(CV_TEXT)}]
    )
    expect(page.locator("#id_email")).to_have_value("dewi.lestari@example.com")
    expect(page.locator("#id_phone")).to_have_value("+6281234567890")

    page.locator("#id_full_name").fill("Dewi Lestari")
    page.get_by_role("button", name="Save candidate").click()

    expect(page).to_have_url(re.compile(r"/candidates/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Dewi Lestari")
    expect(page.get_by_role("link", name="dewi.lestari@example.com")).to_be_visible()
    candidate = Candidate.objects.get(email="dewi.lestari@example.com")
    assert page.url.endswith(reverse("desk:candidate", args=[candidate.pk]))
    assert candidate.phone == "+6281234567890"
    assert candidate.cv_name == "cv-dewi.pdf"
