"""A job seeker on a 390 × 844 phone finds a job on the careers site, applies with a CV and an answer to a
screening question, and sees the confirmation; the page never scrolls sideways. Screenshot:
/tmp/careers-apply.png."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from rekrut.candidates.models import Consent
from rekrut.intake.models import QuestionKind
from rekrut.intake.screening import QuestionSpec, screening_question_add
from rekrut.notifications.models import OutboxMessage
from rekrut.pipeline.models import Application
from tests.accounts.factories import factory_hr_admin
from tests.candidates.filebuilders import pdf_bytes
from tests.e2e.conftest import TIMEOUT_MS
from tests.jobs.factories import job_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}


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


def fits_the_screen(page: Any) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_a_job_seeker_finds_a_job_and_applies_from_a_phone(phone: Any, tmp_path: Path) -> None:
    hr = factory_hr_admin()
    job = job_make(hr_owner=hr, title="Customer Service Officer", description="Melayani pelanggan.")
    job_make(hr_owner=hr, title="Staf Gudang")
    screening_question_add(
        actor=hr,
        job=job,
        spec=QuestionSpec(
            text="Willing to work night shifts?", kind=QuestionKind.YES_NO, knockout_answer="no"
        ),
    )
    cv = tmp_path / "cv-putri.pdf"
    cv.write_bytes(pdf_bytes("Putri Maharani\nCustomer service, 3 years"))

    phone.goto("/careers/")
    assert fits_the_screen(phone)
    phone.get_by_label("Search").fill("customer")
    phone.get_by_role("button", name="Search").click()
    expect(phone.locator("#job-count")).to_contain_text("1 open job")
    phone.get_by_role("link", name="Customer Service Officer").click()
    expect(phone.get_by_role("heading", name="Customer Service Officer")).to_be_visible()
    assert fits_the_screen(phone)
    phone.get_by_role("button", name="Apply for this job").first.click()

    phone.get_by_label("Full name").fill("Putri Maharani")
    phone.get_by_label("E-mail").fill("putri@example.co.id")
    phone.get_by_label("Mobile phone (WhatsApp)").fill("0812 3456 7890")
    phone.get_by_label("City where you live").fill("Bandung")
    phone.get_by_label("CV (PDF or Word .docx, at most 10 MB)").set_input_files(str(cv))
    phone.get_by_role("group", name="Willing to work night shifts?").get_by_label("Yes").check()
    phone.get_by_label("I agree that my data is processed for this application").check()
    assert fits_the_screen(phone)
    phone.get_by_role("button", name="Send application").click()

    expect(phone.get_by_role("heading", name="Thank you, your application is in")).to_be_visible()
    expect(phone.locator("#applied")).to_contain_text("p•••@example.co.id")
    assert fits_the_screen(phone)
    phone.screenshot(path="/tmp/careers-apply.png", full_page=True)
    application = Application.objects.get()
    assert application.job == job and application.candidate.email == "putri@example.co.id"
    assert Consent.objects.filter(candidate=application.candidate).count() == 1
    assert OutboxMessage.objects.filter(to="putri@example.co.id").exists()
