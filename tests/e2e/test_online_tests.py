"""On a 390 × 844 phone, a candidate takes a timed online test through its link: consents, starts, answers,
loses the connection while answering (the answer waits on the page), gets it back (the answer is saved),
reloads (answers and clock kept), and submits. Then HR sees the score on the evaluation page.
Screenshots: /tmp/online-test-*.png."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from rekrut.assessments.models import AssessmentStatus, Outcome, ResultSource
from rekrut.online_tests.models import Attempt, AttemptStatus, QuestionKind
from tests.e2e.conftest import TIMEOUT_MS
from tests.e2e.test_csp import LISTEN
from tests.e2e.test_phone import PHONE, fits_the_screen, signed_in
from tests.online_tests.factories import online_test_make, online_test_sent
from tests.pipeline.factories import application_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SHOTS = Path("/tmp")


@pytest.fixture
def phone(browser: Any, live_server: Any) -> Iterator[Any]:
    context = browser.new_context(
        base_url=live_server.url,
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        device_scale_factor=2,
        locale="en-US",
        timezone_id="Asia/Jakarta",
    )
    context.add_cookies([{"name": "rekrut_language", "value": "en", "url": live_server.url}])
    context.set_default_timeout(TIMEOUT_MS)
    yield context.new_page()
    context.close()


def _remaining(page: Any) -> int:
    text = page.locator("[data-clock-text]").inner_text()
    minutes, seconds = text.split(":")
    return int(minutes) * 60 + int(seconds)


def test_a_timed_test_survives_a_lost_connection_and_hr_sees_the_score(
    phone: Any, page: Any, live_server: Any, personas: Any, team_a_job: Any
) -> None:
    application = application_make(job=team_a_job, full_name="Putri Maharani")
    attempt, token = online_test_sent(application=application, test=online_test_make(minutes=30))
    phone.add_init_script(LISTEN)  # the clock and autosave run under the Content-Security-Policy
    phone.goto(reverse("online_tests:take", args=[token]))
    expect(phone.get_by_text("Basic numeracy and customer service")).to_be_visible()
    assert fits_the_screen(phone)
    phone.get_by_role("button", name="Start the test").click()
    expect(phone.get_by_role("alert")).to_contain_text("Tick the box")  # no consent, no start
    phone.get_by_label("I agree that my answers").check()
    phone.get_by_role("button", name="Start the test").click()
    expect(phone.get_by_role("timer")).to_be_visible()
    assert fits_the_screen(phone)

    answers = {
        a.question.kind: a for a in Attempt.objects.get(pk=attempt.pk).answers.select_related("question")
    }
    choice, number = answers[QuestionKind.CHOICE], answers[QuestionKind.NUMBER]
    phone.locator(f"#q{choice.position}").get_by_label("Rp15.000").check()
    expect(phone.locator(f'[data-saved-for="{choice.position}"]')).to_have_text("Saved")

    phone.context.set_offline(True)
    number_box = phone.locator(f'[name="q{number.position}"]')
    number_box.fill("12,5")
    number_box.press("Tab")
    expect(phone.locator(f'[data-saved-for="{number.position}"]')).to_contain_text("Not saved yet")
    expect(phone.locator("[data-connection]")).to_contain_text("No connection")
    phone.screenshot(path=str(SHOTS / "online-test-offline.png"), full_page=True)
    assert Attempt.objects.get(pk=attempt.pk).answers.get(pk=number.pk).number is None

    phone.context.set_offline(False)
    expect(phone.locator(f'[data-saved-for="{number.position}"]')).to_have_text("Saved", timeout=TIMEOUT_MS)
    before = _remaining(phone)
    phone.reload()
    expect(phone.locator(f"#q{choice.position}").get_by_label("Rp15.000")).to_be_checked()
    expect(phone.locator(f'[name="q{number.position}"]')).to_have_value("12.5")
    after = _remaining(phone)
    assert 0 < after <= before + 1 and after > 28 * 60  # the server's clock, not a fresh 30 minutes
    phone.screenshot(path=str(SHOTS / "online-test-resumed.png"), full_page=True)
    assert phone.evaluate("window.__csp") == []

    phone.once("dialog", lambda dialog: dialog.accept())
    phone.get_by_role("button", name="Submit the test").click()
    expect(phone.get_by_text("your answers were received")).to_be_visible()
    phone.screenshot(path=str(SHOTS / "online-test-done.png"), full_page=True)

    done = Attempt.objects.select_related("assessment").get(pk=attempt.pk)
    assert done.status == AttemptStatus.SCORED and done.points == 2
    assessment = done.assessment
    assert assessment.status == AssessmentStatus.COMPLETED and assessment.score == 100
    assert assessment.outcome == Outcome.PASSED and assessment.result_source == ResultSource.ONLINE

    signed_in(page, live_server, personas.recruiter)
    page.goto(reverse("interviews:evaluation", args=[application.pk]))
    row = page.locator(f"#assessment-result-{assessment.pk}")
    expect(row).to_contain_text("Numeracy and service test")
    expect(row).to_contain_text("100")
