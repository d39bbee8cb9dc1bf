"""Self-scheduling in a real browser: the candidate opens the link on a phone, picks a time and sees it
confirmed; HR then finds the interview on their week view."""

import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from rekrut.scheduling.models import SlotOffer
from rekrut.scheduling.selectors_week import week_label
from tests.pipeline.factories import application_make
from tests.scheduling.factories import offer_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_candidate_picks_a_time_on_a_phone_and_hr_sees_it_on_the_week(
    browser, live_server, page, sign_in, personas, team_a_job
):
    application = application_make(
        job=team_a_job, full_name="Putri Maharani", email="putri@example.com", language="en"
    )
    offer, issued = offer_make(
        application=application, actor=personas.recruiter, interviewers=[personas.hiring_manager], count=3
    )
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    phone = context.new_page()
    phone.goto(re.sub(r"^https?://[^/]+", "", issued.url))
    expect(phone.get_by_role("heading", name="Choose your interview time")).to_be_visible()
    slots = phone.locator("button.slot")
    expect(slots).to_have_count(3)
    chosen = slots.nth(1)
    label = chosen.inner_text()
    assert label.endswith("WIB")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390, "the page scrolls sideways"
    chosen.click()

    expect(phone.get_by_role("heading", name="Confirmed")).to_be_visible()
    expect(phone.locator(".when")).to_contain_text(label)
    expect(phone.get_by_role("button", name="Add to my calendar")).to_be_visible()
    assert "/scheduling/booking/" in phone.url
    context.close()

    interview = SlotOffer.objects.get(pk=offer.pk).interview
    assert interview is not None
    monday = interview.starts_at.astimezone(ZoneInfo("Asia/Jakarta")).date()
    sign_in(personas.recruiter).goto(f"{reverse('scheduling:week')}?week={week_label(monday)}")
    expect(page.get_by_text("Putri Maharani").first).to_be_visible()
