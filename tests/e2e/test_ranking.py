"""Ranking applicants in a browser: HR sets a job's requirements, opens the ranking, reads the reasons."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.pipeline.factories import application_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_hr_sets_the_requirements_and_reads_the_ranking_with_its_reasons(page, sign_in, personas, team_a_job):
    application_make(
        job=team_a_job,
        full_name="Rahmat Hidayat",
        cv_text="Keahlian: Excel.\nBersedia ditempatkan di mana saja.",
        city="Medan",
    )
    application_make(
        job=team_a_job,
        full_name="Putri Maharani",
        cv_text="Customer service 3 tahun. Keahlian: Ms. Excel, SQL, komunikasi.",
        city="Jakarta Selatan",
    )

    sign_in(personas.recruiter).goto(reverse("jobs:detail", args=[team_a_job.pk]))
    page.get_by_role("button", name="Requirements for ranking").click()
    page.get_by_label("Must-have skills").fill("Microsoft Excel, SQL\nlayanan pelanggan")
    page.get_by_label("Nice-to-have skills").fill("Zendesk")
    page.get_by_role("button", name="Save requirements").click()
    expect(page.get_by_role("status").first).to_contain_text("The requirements are saved.")

    page.get_by_role("button", name="Rank applicants").click()

    ranking = page.locator("#ranking > li")
    expect(ranking).to_have_count(2)
    expect(ranking.nth(0)).to_contain_text("Putri Maharani")
    expect(ranking.nth(0)).to_contain_text("Meets all 3 must-haves")
    expect(ranking.nth(0)).to_contain_text("Lives in Jakarta Selatan, where the job is")
    expect(ranking.nth(1)).to_contain_text("Rahmat Hidayat")
    expect(ranking.nth(1)).to_contain_text("Meets 1 of 3 must-haves; missing: SQL, layanan pelanggan")
    expect(ranking.nth(1)).to_contain_text("willing to relocate to Jakarta Selatan")
    # A list to read: no button on it rejects or moves anyone.
    expect(page.locator("#ranking").get_by_role("button")).to_have_count(0)
    page.get_by_role("link", name="Putri Maharani").click()
    expect(page.get_by_role("heading", name="Putri Maharani")).to_be_visible()
