"""The Content-Security-Policy in a real browser: the main pages, their scripts (htmx, drag and drop, the
language switch) and the CV preview work under it, and Chromium reports no violation on any of them."""

import re
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from playwright.sync_api import expect

from rekrut.accounts.demo_install import demo_install_forget, demo_install_mark
from rekrut.jobs.models import StageKind
from tests.accounts.factories import PASSWORD
from tests.candidates.filebuilders import pdf_bytes
from tests.interviews.conftest import held, rounds_of, submit
from tests.pipeline.factories import application_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Runs in every frame before the page's own scripts; Playwright's injection is not subject to the policy.
LISTEN = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  const where = `${e.sourceFile}:${e.lineNumber}`;
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${where}`);
});
"""


@pytest.fixture
def violations(page: Any) -> list[str]:
    """Every CSP violation Chromium reports, from the console (all frames) and the page's own event."""
    found: list[str] = []
    page.add_init_script(LISTEN)
    page.on(
        "console",
        lambda message: found.append(message.text) if "Content Security Policy" in message.text else None,
    )
    return found


def assert_clean(page: Any, violations: list[str]) -> None:
    page.wait_for_load_state("networkidle")
    reported = page.evaluate("window.__csp || []")
    assert not violations and not reported, violations + reported


@pytest.fixture
def evaluated(personas, team_a_job):
    """Putri, past both interviews with submitted scorecards, and a real PDF as her CV."""
    application = application_make(
        job=team_a_job, stage_kind=StageKind.USER_INTERVIEW, full_name="Putri Maharani"
    )
    plan = rounds_of(team_a_job)
    submit(held(application, plan["hr"], [personas.recruiter]), personas.recruiter, "yes")
    submit(held(application, plan["user"], [personas.hiring_manager], hours_ago=2), personas.hiring_manager)
    candidate = application.candidate
    candidate.cv_file.save("cv.pdf", ContentFile(pdf_bytes("Putri Maharani\nCustomer service, 4 years")))
    return application


def test_the_main_pages_work_under_the_policy_without_a_violation(
    page, live_server, violations, personas, team_a_job, evaluated
):
    demo_install_mark()  # the demo banner is on the pages too
    try:
        page.goto(reverse("accounts:login"))
        expect(page.locator(".demo-banner")).to_contain_text("Demo data, public passwords.")
        page.locator("input[name=username]").fill(personas.recruiter.username)
        page.locator("input[name=password]").fill(PASSWORD)
        page.locator("form button[type=submit]", has_text="Sign in").click()
        expect(page).to_have_url(live_server.url + reverse("desk:my_work"))
        assert_clean(page, violations)

        # The board: a card dragged to the next stage moves through htmx.
        putri = application_make(job=team_a_job, full_name="Sekar Ayu")
        screening = team_a_job.stages.get(kind=StageKind.SCREENING)
        page.goto(reverse("desk:board", args=[team_a_job.pk]))
        page.locator(f"#app-{putri.pk}").drag_to(page.locator(f'section.column[data-stage="{screening.pk}"]'))
        expect(page.locator(f'section.column[data-stage="{screening.pk}"] #app-{putri.pk}')).to_be_visible()
        assert_clean(page, violations)

        # The candidate page with its CV preview in a frame.
        page.goto(reverse("desk:candidate", args=[evaluated.candidate_id]))
        preview = page.locator("iframe")
        expect(preview).to_have_count(1)
        preview.wait_for()
        assert_clean(page, violations)

        # The evaluation page.
        page.goto(reverse("interviews:evaluation", args=[evaluated.pk]))
        expect(page.locator("#matrix")).to_contain_text("Budi")
        assert_clean(page, violations)

        # The language switch submits itself (its script moved out of the page).
        page.locator("select[name=language]").select_option("id")
        expect(page.locator("html")).to_have_attribute("lang", "id")
        assert_clean(page, violations)
    finally:
        demo_install_forget()


def test_settings_and_the_api_docs_work_under_the_policy(page, sign_in, violations, personas):
    admin = personas.hr_admin
    admin.is_staff = admin.is_superuser = True  # as `rekrut hr_admin_create` and the demo make them
    admin.save()
    sign_in(admin).goto(reverse("admin:index"))
    expect(page.locator("#content")).to_be_visible()
    page.goto(reverse("admin:accounts_user_changelist"))
    expect(page.locator("#result_list")).to_be_visible()
    assert_clean(page, violations)
    page.goto("/api/v1/docs")
    expect(page.locator(".swagger-ui .info")).to_contain_text(re.compile("Rekrut API"))
    assert_clean(page, violations)
