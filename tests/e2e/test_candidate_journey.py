"""The candidate's whole journey on a phone (390×844), as issue 10 asks: apply to a job on the careers
site, open the portal from the link in the e-mail (the outbox row), read the status in plain words, book
the interview time HR offered, download their data and withdraw."""

import json
import re
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from rekrut.candidates.models import Candidate
from rekrut.jobs.models import StageKind
from rekrut.notifications.models import OutboxMessage
from rekrut.pipeline.models import Application
from rekrut.pipeline.services import application_move
from rekrut.pipeline.transitions import ApplicationStatus
from rekrut.portal.purposes import SIGN_IN_KEY
from tests.candidates.filebuilders import pdf_bytes
from tests.e2e.conftest import TIMEOUT_MS
from tests.pipeline.factories import SET_UP_OVERRIDE
from tests.scheduling.factories import offer_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

EMAIL = "putri.maharani@example.com"
PHONE = {"width": 390, "height": 844}


def _path(url: str) -> str:
    """The link of an e-mail as a path on the live server (REKRUT_SITE_URL is another host in tests)."""
    return re.sub(r"^https?://[^/]+", "", url)


def _fits(phone) -> None:
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "scrolls sideways"


def test_a_candidate_applies_follows_books_downloads_and_withdraws_on_a_phone(
    browser, live_server, personas, team_a_job, tmp_path
):
    context = browser.new_context(
        base_url=live_server.url,
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        locale="en-US",
        timezone_id="Asia/Jakarta",
    )
    context.add_cookies([{"name": "rekrut_language", "value": "en", "url": live_server.url}])
    context.set_default_timeout(TIMEOUT_MS)
    phone = context.new_page()

    # 1. Apply on the careers site.
    phone.goto(reverse("careers:jobs"))
    phone.get_by_role("link", name=team_a_job.title).first.click()
    _fits(phone)
    phone.get_by_role("button", name="Apply for this job").first.click()
    cv = tmp_path / "CV Putri Maharani.pdf"
    cv.write_bytes(pdf_bytes("Putri Maharani\nCustomer service, 3 tahun"))
    phone.get_by_label("Full name").fill("Putri Maharani")
    phone.get_by_label("E-mail").fill(EMAIL)
    phone.get_by_label(re.compile("Mobile phone")).fill("0812 3456 7890")
    phone.get_by_label("City where you live").fill("Bandung")
    phone.get_by_label(re.compile(r"^CV")).set_input_files(str(cv))
    phone.get_by_label(re.compile("I agree that my data is processed")).check()
    _fits(phone)
    phone.get_by_role("button", name="Send application").click()
    expect(phone.get_by_text(re.compile("received", re.I)).first).to_be_visible()
    application = Application.objects.get(candidate__email=EMAIL, job=team_a_job)
    assert OutboxMessage.objects.filter(to=EMAIL).exists(), "no 'application received' e-mail"

    # 2. Ask for the portal link; open it from the captured e-mail.
    phone.goto(reverse("portal:sign_in"))
    phone.get_by_label("Your e-mail address").fill(EMAIL)
    phone.get_by_role("button", name="E-mail me a sign-in link").click()
    expect(phone.get_by_role("heading", name="Check your e-mail")).to_be_visible()
    mail = OutboxMessage.objects.filter(to=EMAIL, key__startswith=SIGN_IN_KEY).get()
    link = re.search(r"https?://\S+/portal/open/\S+", mail.body)
    assert link, mail.body
    phone.goto(_path(link.group(0)))
    phone.get_by_role("button", name="Continue to my applications").click()

    # 3. The status in plain words.
    expect(phone.get_by_role("heading", name="My applications")).to_be_visible()
    card = phone.locator(f"#application-{application.pk}")
    expect(card.locator(".portal-step")).to_have_text("Application received")
    expect(card).to_contain_text("What comes next:")
    _fits(phone)

    # 4. HR moves the application to the HR interview and offers times; the candidate books one.
    application = application_move(
        application=application,
        to_stage=team_a_job.stages.get(kind=StageKind.SCREENING),
        actor=personas.recruiter,
        expected_version=None,
        override=True,
        override_reason=SET_UP_OVERRIDE,
    )
    application = application_move(
        application=application,
        to_stage=team_a_job.stages.get(kind=StageKind.HR_INTERVIEW),
        actor=personas.recruiter,
        expected_version=None,
        override=True,
        override_reason=SET_UP_OVERRIDE,
    )
    offer_make(application=application, actor=personas.recruiter, interviewers=[personas.recruiter], count=3)
    phone.reload()
    expect(card.locator(".portal-step")).to_have_text("HR interview")
    card.get_by_role("button", name="Choose my interview time").click()
    expect(phone.get_by_role("heading", name="Choose your interview time")).to_be_visible()
    phone.locator("button.slot").first.click()
    expect(phone.get_by_role("heading", name="Confirmed")).to_be_visible()
    phone.goto(reverse("portal:home"))
    interview = card.locator(".portal-interview")
    expect(interview).to_be_visible()
    with phone.expect_download() as calendar:
        interview.get_by_role("button", name="Add to calendar").click()
    assert "BEGIN:VEVENT" in Path(calendar.value.path()).read_text(encoding="utf-8")

    # 5. Download my data (the privacy pages, reached from the portal's menu).
    phone.get_by_role("link", name="My data").click()
    with phone.expect_download() as download:
        phone.get_by_role("button", name="Download my data").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert EMAIL in json.dumps(data)

    # 6. Withdraw, with a reason.
    phone.goto(reverse("portal:home"))
    card.get_by_role("link", name="Withdraw this application").click()
    phone.get_by_label(re.compile("Why are you withdrawing")).fill("Saya menerima tawaran lain.")
    _fits(phone)
    phone.get_by_role("button", name="Withdraw the application").click()
    expect(card.locator(".portal-step")).to_have_text("Withdrawn")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    assert Candidate.objects.filter(email=EMAIL).count() == 1
    context.close()
