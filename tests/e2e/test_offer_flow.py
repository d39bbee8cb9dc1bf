"""An offer in a real browser: HR drafts it in the builder and submits it, the HR admin approves on the page,
the hiring manager approves from the e-mail link, HR sends it, the candidate accepts on a phone-sized page,
and HR sees it accepted."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from rekrut.jobs.models import StageKind
from rekrut.notifications.models import OutboxMessage
from rekrut.offers.models import Offer, OfferAnswer, OfferStatus
from tests.pipeline.factories import application_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _path(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def _link_in_mail(to: str, pattern: str) -> str:
    message = OutboxMessage.objects.filter(to=to).exclude(channel="webhook").latest("pk")
    found = re.search(pattern, message.body)
    assert found, message.body
    return found.group(0)


def test_from_draft_to_accepted(page, sign_in, browser, live_server, personas, team_a_job):
    application = application_make(
        job=team_a_job,
        full_name="Putri Maharani",
        email="putri@example.com",
        stage_kind=StageKind.OFFER,
        language="en",
    )
    detail = reverse("offers:detail", args=[application.pk])

    # HR drafts the offer in the builder (its dates and terms start from the job's) and submits it.
    sign_in(personas.recruiter).goto(reverse("offers:edit", args=[application.pk]))
    page.get_by_label("Base salary (Rp per month)").fill("7.000.000")
    page.get_by_role("button", name="Save the draft").click()
    expect(page).to_have_url(re.compile(re.escape(detail) + "$"))
    page.get_by_role("button", name="Submit for approval").click()
    expect(page.locator('[data-step="hr"]')).to_have_attribute("data-state", "waiting")

    # The HR admin approves the HR step on the page.
    sign_in(personas.hr_admin).goto(detail)
    page.get_by_role("button", name="Approve").click()
    expect(page.locator('[data-step="hr"]')).to_have_attribute("data-state", "approved")

    # The hiring manager approves from the link in their e-mail, without signing in.
    link = _link_in_mail(personas.hiring_manager.email, r"https?://\S+/offers/approval/[A-Za-z0-9_-]{43}/")
    approver = browser.new_context(base_url=live_server.url, locale="en-US")
    approver.add_cookies([{"name": "rekrut_language", "value": "en", "url": live_server.url}])
    mail_page = approver.new_page()
    mail_page.goto(_path(link))
    expect(mail_page.get_by_text("Rp7.000.000").first).to_be_visible()
    mail_page.get_by_role("button", name="Approve").click()
    expect(mail_page.get_by_role("status")).to_contain_text("you approved the offer")
    approver.close()

    # HR sends it.
    sign_in(personas.recruiter).goto(detail)
    page.get_by_role("button", name="Send to the candidate").click()
    expect(page.locator('p[data-offer-state="sent"]')).to_be_visible()

    # The candidate accepts on a phone.
    link = _link_in_mail("putri@example.com", r"https?://\S+/offers/letter/[A-Za-z0-9_-]{43}/")
    phone_context = browser.new_context(
        base_url=live_server.url, viewport={"width": 375, "height": 740}, is_mobile=True, locale="en-US"
    )
    phone = phone_context.new_page()
    phone.goto(_path(link))
    expect(phone.get_by_role("heading", name=re.compile("Offer letter from"))).to_be_visible()
    expect(phone.get_by_text("Rp7.000.000").first).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375, (
        "the page scrolls sideways on a phone"
    )
    phone.get_by_label("I have read the offer and accept it.").check()
    phone.get_by_role("button", name="Accept the offer").click()
    expect(phone.locator('[data-offer-state="accepted"]')).to_be_visible()
    phone_context.close()

    offer = Offer.objects.get(application=application)
    assert offer.status == OfferStatus.ACCEPTED
    assert OfferAnswer.objects.get(offer=offer).terms_hash == offer.terms_hash

    # HR sees it accepted.
    page.goto(detail)
    expect(page.locator('p[data-offer-state="accepted"]')).to_be_visible()
