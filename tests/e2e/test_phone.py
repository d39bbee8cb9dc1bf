"""On a 390 px phone, as the HR admin and as a recruiter: My work, the board and a candidate page fit the
screen (no sideways scrolling of the page; the board and wide tables scroll inside their own box), the menu
folds behind "Menu", and the CV opens on its own instead of a black frame. Screenshots: /tmp/phone-*.png.

And on a desktop: a checkbox is drawn beside its own label, not in front of the next field's."""

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from rekrut.jobs.models import StageKind
from tests.candidates.filebuilders import pdf_bytes
from tests.e2e.conftest import TIMEOUT_MS
from tests.pipeline.factories import application_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}
SHOTS = Path("/tmp")


@pytest.fixture
def phone(browser: Any, live_server: Any) -> Iterator[Any]:
    """A page in a 390 px wide phone browser (touch, mobile viewport), in English."""
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


def signed_in(page: Any, live_server: Any, user: Any) -> Any:
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return page


def fits_the_screen(page: Any) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


@pytest.fixture
def busy_job(team_a_job, settings, tmp_path):
    """Team A's job with work in many stages, some of it late, and a candidate with a PDF CV."""
    settings.MEDIA_ROOT = tmp_path
    with time_machine.travel(timezone.now() - timedelta(days=20)):
        application_make(
            job=team_a_job, stage_kind=StageKind.SCREENING, full_name="Wahyuningsih Kusumawardhani"
        )
    for kind in (StageKind.APPLIED, StageKind.HR_INTERVIEW, StageKind.USER_INTERVIEW, StageKind.OFFER):
        application_make(job=team_a_job, stage_kind=kind)
    putri = application_make(job=team_a_job, stage_kind=StageKind.EVALUATION, full_name="Putri Maharani")
    putri.candidate.cv_file.save("cv.pdf", ContentFile(pdf_bytes("Putri Maharani, Customer Service")))
    putri.candidate.cv_name = "Putri Maharani CV.pdf"
    putri.candidate.save()
    return team_a_job, putri


@pytest.mark.parametrize("persona", ["hr_admin", "recruiter"])
def test_my_work_the_board_and_a_candidate_fit_a_phone(phone, live_server, personas, busy_job, persona):
    job, putri = busy_job
    page = signed_in(phone, live_server, getattr(personas, persona))
    pages = {
        "my-work": reverse("desk:my_work"),
        "board": reverse("desk:board", args=[job.pk]),
        "candidate": reverse("desk:candidate", args=[putri.candidate_id]),
    }
    for name, url in pages.items():
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        page.screenshot(path=str(SHOTS / f"phone-{persona}-{name}.png"), full_page=True)
        assert fits_the_screen(page), f"{name} scrolls sideways on a phone"

    # The board scrolls sideways inside itself, not the page.
    page.goto(pages["board"])
    board = page.locator("#board .board, .board").first
    assert board.evaluate("b => b.scrollWidth > b.clientWidth && getComputedStyle(b).overflowX === 'auto'")

    # The CV opens on its own: phone browsers draw no PDF inside a frame.
    page.goto(pages["candidate"])
    expect(page.locator("iframe.cv-preview")).to_be_hidden()
    expect(page.get_by_role("button", name="Open the CV")).to_be_visible()


def test_the_menu_folds_behind_a_button_on_a_phone(phone, live_server, personas, team_a_job):
    page = signed_in(phone, live_server, personas.recruiter)
    page.goto(reverse("desk:my_work"))
    jobs = page.locator(".mainnav").get_by_role("link", name="Jobs")
    expect(jobs).to_be_hidden()
    page.locator(".menu-toggle summary").click()
    expect(jobs).to_be_visible()
    assert fits_the_screen(page)
    page.screenshot(path=str(SHOTS / "phone-menu-open.png"))
    jobs.click()
    expect(page).to_have_url(live_server.url + reverse("desk:jobs"))
    assert fits_the_screen(page)


def test_a_checkbox_is_drawn_beside_its_own_label(page, sign_in, personas, team_a_job):
    """The decision-policy form on the interview plan: each box sits at the start of its label's line."""
    sign_in(personas.recruiter).goto(reverse("interviews:plan", args=[team_a_job.pk]))
    for name in ("hr_is_gate", "user_decides", "managerial_requires_superior_and_director"):
        box = page.locator(f'input[type=checkbox][name="{name}"]')
        gap = box.evaluate(
            """box => {
                const label = box.closest('label');
                if (!label) return null;
                const range = document.createRange();
                range.selectNodeContents(label);
                const b = box.getBoundingClientRect();
                const text = [...range.getClientRects()].filter(r => r.width > 0 && r.left >= b.right - 1)[0];
                const middle = r => (r.top + r.bottom) / 2;
                return {dy: Math.abs(middle(b) - middle(text)), dx: text.left - b.right};
            }"""
        )
        assert gap is not None, f"the {name} checkbox is outside its label"
        assert gap["dy"] < 8 and 0 <= gap["dx"] < 24, (name, gap)
