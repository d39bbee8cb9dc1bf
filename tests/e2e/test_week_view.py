"""HR schedules an interview in a real browser at desktop size: only the chosen mode's fields show, a clash
with Budi's other interview is warned about and HR schedules anyway; the week view shows it in its day's
column, the keyboard moves between weeks, and on a phone the same week is a list by day.
Screenshots: /tmp/schedule-warning.png, /tmp/week-desktop.png, /tmp/week-phone.png."""

import re
from datetime import datetime, time
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from rekrut.interviews.models import Interview
from rekrut.scheduling.selectors_week import week_label
from tests.pipeline.factories import application_make
from tests.scheduling.planning_setup import WIB, planned, working_day

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def test_hr_schedules_over_a_warning_and_the_week_shows_it_on_desktop_and_phone(
    page: Any, sign_in: Any, personas: Any, team_a_job: Any
) -> None:
    day = working_day(3)
    putri = application_make(job=team_a_job, full_name="Putri Maharani")
    planned(
        application_make(job=team_a_job, full_name="Bayu Saputra"),
        [personas.hiring_manager],
        datetime.combine(day, time(10), tzinfo=WIB),
    )
    page.set_viewport_size(DESKTOP)
    sign_in(personas.recruiter).goto(reverse("scheduling:schedule", args=[putri.pk]))

    expect(page.locator("#id_at_zone")).to_have_text("WIB")
    expect(page.get_by_label("Address (on site)")).to_be_visible()
    page.get_by_label("Online", exact=True).check()
    expect(page.get_by_label("Address (on site)")).to_be_hidden()
    page.get_by_label("Meeting link (online)").fill("https://meet.google.com/abc-defg-hij")
    page.locator("#id_day").fill(day.isoformat())
    page.locator("#id_at").fill("10:30")
    page.get_by_role("checkbox", name=re.compile("Budi")).check()
    # As the fields change, the page checks them: the clash shows before anything is sent.
    expect(page.locator("#conflicts")).to_contain_text("already has another interview then")
    page.get_by_role("button", name="Schedule", exact=True).click()

    expect(page.locator(".conflicts")).to_contain_text("Budi")
    page.screenshot(path="/tmp/schedule-warning.png", full_page=True)
    assert Interview.objects.filter(application=putri).count() == 0
    page.get_by_role("button", name="Schedule anyway").click()

    expect(page.get_by_role("status").first).to_contain_text("is scheduled")
    interview = Interview.objects.get(application=putri)
    assert interview.mode == "online" and interview.starts_at == datetime.combine(
        day, time(10, 30), tzinfo=WIB
    )

    page.goto(reverse("scheduling:week") + f"?week={week_label(day)}")
    column = page.locator(f'[data-day="{day.isoformat()}"]')
    expect(column.locator(f'[data-interview="{interview.pk}"]')).to_contain_text("Putri Maharani")
    expect(column).to_contain_text("10:30–")
    page.screenshot(path="/tmp/week-desktop.png", full_page=True)
    page.keyboard.press("]")
    expect(page).to_have_url(re.compile(r"week=\d{4}-W\d{2}$"))
    expect(page.locator(f'[data-interview="{interview.pk}"]')).to_have_count(0)
    page.keyboard.press("[")
    expect(page.locator(f'[data-interview="{interview.pk}"]')).to_be_visible()

    page.set_viewport_size(PHONE)
    entry = page.locator(f'[data-interview="{interview.pk}"]')
    expect(entry).to_be_visible()
    expect(entry).to_contain_text("Online")
    # A list by day: the day takes the phone's width, and days without interviews fold away.
    width = column.bounding_box()["width"]
    assert width > PHONE["width"] * 0.8
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    expect(page.locator(".day.quiet").first).to_be_hidden()
    page.screenshot(path="/tmp/week-phone.png", full_page=True)
