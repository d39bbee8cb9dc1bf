"""The structured-interview flow in a real browser: the user fills and submits a scorecard, then the HR owner
reads the evaluation and records the decision, and the application moves on."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from rekrut.interviews.models import Scorecard
from rekrut.jobs.models import StageKind
from tests.interviews.conftest import held, rounds_of, submit
from tests.pipeline.factories import application_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def interviewed_by_hr(personas, team_a_job):
    """Putri passed the HR interview (Rina said yes) and has just had her user interview with Budi."""
    application = application_make(
        job=team_a_job, stage_kind=StageKind.USER_INTERVIEW, full_name="Putri Maharani"
    )
    plan = rounds_of(team_a_job)
    submit(held(application, plan["hr"], [personas.recruiter]), personas.recruiter, "yes")
    user_interview = held(application, plan["user"], [personas.hiring_manager], hours_ago=2)
    return application, user_interview


def test_the_user_submits_a_scorecard_and_hr_decides_from_the_evaluation(
    page, sign_in, personas, interviewed_by_hr
):
    application, interview = interviewed_by_hr

    sign_in(personas.hiring_manager).goto(reverse("interviews:scorecard", args=[interview.pk]))
    for rating in page.locator('input[name^="rating_"][value="4"]').all():
        rating.check()
    page.locator('textarea[name^="evidence_"]').first.fill(
        "Solved the case study in 20 minutes, explained trade-offs."
    )
    page.locator('input[name="recommendation"][value="strong_yes"]').check()
    page.get_by_role("button", name="Submit (locks the scorecard)").click()

    expect(page).to_have_url(
        re.compile(re.escape(reverse("interviews:evaluation", args=[application.pk])) + "$")
    )
    assert Scorecard.objects.get(interview=interview).is_submitted

    sign_in(personas.recruiter).goto(reverse("interviews:evaluation", args=[application.pk]))
    expect(page.locator("#matrix")).to_contain_text("Budi")
    expect(page.locator("#advice")).to_be_visible()
    decide = page.locator("#decide")
    decide.get_by_label("Proceed").check()
    decide.get_by_label("Go on to").select_option(label="Medical check-up")
    decide.get_by_label("Why (recorded with the decision)").fill("HR yes and a strong yes from the user.")
    decide.get_by_role("button", name="Record the decision").click()

    expect(page.get_by_role("status").first).to_be_visible()
    application.refresh_from_db()
    assert application.stage.kind == StageKind.MEDICAL
    page.goto(reverse("desk:candidate", args=[application.candidate_id]))
    expect(page.locator(f"#application-{application.pk} .timeline li").last).to_contain_text(
        "Medical check-up"
    )
    assert application.decisions.get().decided_by == personas.recruiter
