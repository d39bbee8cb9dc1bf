"""What another team's recruiter sees in a real browser: not-found pages, and lists without the job."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.pipeline.factories import application_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_another_teams_recruiter_gets_not_found_and_no_listing(
    page, sign_in, personas, team_a_job, team_b_job
):
    application_make(job=team_a_job, full_name="Putri Maharani")
    sign_in(personas.other_recruiter)

    response = page.goto(reverse("desk:board", args=[team_a_job.pk]))
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.get_by_text("Putri Maharani")).to_have_count(0)

    page.goto(reverse("desk:jobs"))
    expect(page.get_by_role("link", name=team_b_job.title)).to_be_visible()
    expect(page.get_by_text(team_a_job.title)).to_have_count(0)
