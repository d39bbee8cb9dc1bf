"""Onboarding in a real browser: the new employee gives their numbers, bank account and KTP photo on a
phone through their link; HR ticks the rest of the required items and marks the hire; the job, filled,
closes; the record goes to payroll's webhook."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from rekrut.jobs.models import JobStatus, StageKind
from rekrut.notifications.models import OutboxMessage
from rekrut.notifications.webhooks.models import WebhookEndpoint
from rekrut.onboarding.guards import onboarding_exit_blockers
from rekrut.onboarding.models import Onboarding
from rekrut.onboarding.services import onboarding_link_send
from rekrut.pipeline.guards import exit_blockers
from rekrut.pipeline.models import Application
from rekrut.pipeline.transitions import ApplicationStatus
from tests.medical.factories import png_bytes
from tests.onboarding.factories import NIK, onboarding_make, start_in
from tests.pipeline.factories import application_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def onboarding(personas, team_a_job, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path / "media"
    # The stages before the hire have other apps' exit rules (the contract's signature), tested there.
    monkeypatch.setattr(exit_blockers, "_receivers", [onboarding_exit_blockers])
    application = application_make(
        job=team_a_job,
        stage_kind=StageKind.CONTRACT,
        full_name="Putri Maharani",
        email="putri@example.com",
        language="en",
    )
    return onboarding_make(application=application, actor=personas.recruiter, start_date=start_in(10))


def test_the_new_employee_gives_their_details_on_a_phone_and_hr_marks_the_hire(
    browser, live_server, page, sign_in, personas, onboarding, tmp_path
):
    hook = WebhookEndpoint.objects.create(
        url="https://hris.example.com/hooks", events=["employee.hired"], created_by=personas.hr_admin
    )
    issued = onboarding_link_send(actor=personas.recruiter, onboarding=onboarding)
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 375, "height": 740}, is_mobile=True
    )
    phone = context.new_page()
    phone.goto(re.sub(r"^https?://[^/]+", "", issued.url or ""))
    expect(phone.get_by_role("heading", name="Your details for your first day")).to_be_visible()

    photo = tmp_path / "ktp.png"
    photo.write_bytes(png_bytes(60, 40))
    diploma = tmp_path / "ijazah.png"
    diploma.write_bytes(png_bytes(60, 40))
    phone.get_by_label("NIK (16 digits, on your KTP)").fill("3174 0117 0890 000")  # one digit short
    phone.get_by_role("button", name="Save").click()
    expect(phone.locator(".field-error")).to_contain_text("A NIK has 16 digits; this one has 15.")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375, "the page scrolls sideways"

    phone.get_by_label("NIK (16 digits, on your KTP)").fill(NIK)
    phone.get_by_label("NPWP", exact=True).fill(NIK)
    phone.get_by_label("Bank", exact=True).select_option(label="BCA (Bank Central Asia)")
    phone.get_by_label("Account number").fill("1234567890")
    phone.get_by_label("Account holder's name").fill("Putri Maharani")
    phone.get_by_label("Photo or scan: KTP (identity card) and NIK").set_input_files(str(photo))
    phone.get_by_label("Photo or scan: Latest diploma (ijazah)").set_input_files(str(diploma))
    phone.get_by_role("button", name="Save").click()
    expect(phone.get_by_text("Thank you: your details are saved.")).to_be_visible()
    expect(phone.get_by_text("3174********0001")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375, "the page scrolls sideways"
    context.close()

    # HR: the numbers are masked; the open required items are ticked; then the hire.
    sign_in(personas.recruiter).goto(reverse("onboarding:application", args=[onboarding.application_id]))
    expect(page.locator("[data-nik]")).to_have_text("3174********0001")
    for item in ("Choose a buddy for the first month", "Prepare the laptop and the e-mail account"):
        page.get_by_role("button", name=f"Tick “{item}”").click()
        expect(page.locator(f'tr[data-task] >> text="{item}"')).to_be_visible()
    page.get_by_role("button", name="Mark as hired").click()
    expect(page.get_by_text("Hired: the new employee's record is on its way to payroll.")).to_be_visible()
    expect(page.locator(".badge.ok", has_text="Handed off")).to_be_visible()

    application = Application.objects.select_related("job").get(pk=onboarding.application_id)
    assert application.status == ApplicationStatus.HIRED
    assert application.job.status == JobStatus.CLOSED  # headcount 1, filled
    assert Onboarding.objects.get(pk=onboarding.pk).handed_off_at is not None
    assert OutboxMessage.objects.filter(key=f"webhook-{hook.pk}-employee-hired-{onboarding.pk}").exists()
