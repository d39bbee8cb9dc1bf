"""The board in a real browser: moving a card by dragging it and by its button, and rejecting from it."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from rekrut.jobs.models import StageKind
from rekrut.pipeline.models import Application, ApplicationStatus
from tests.accounts.factories import PASSWORD
from tests.e2e.conftest import SCREENSHOT
from tests.pipeline.factories import application_make

# serialized_rollback: the transactional flush after each test wipes the rows the data migrations made
# (stage templates, reject reasons); this puts them back before the next test.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def column(page, stage):
    return page.locator(f'section.column[data-stage="{stage.pk}"]')


def card_in(page, stage, application):
    return column(page, stage).locator(f"#app-{application.pk}")


def mark_document(page):
    """A flag on the current document: if it is still there later, the page was not reloaded."""
    page.evaluate("window.__sameDocument = true")


def document_was_kept(page) -> bool:
    return page.evaluate("window.__sameDocument === true")


@pytest.fixture
def putri(team_a_job):
    return application_make(job=team_a_job, full_name="Putri Maharani", city="Bandung")


def test_a_recruiter_drags_a_card_to_the_next_stage(page, live_server, personas, team_a_job, putri):
    applied = team_a_job.stages.get(kind=StageKind.APPLIED)
    screening = team_a_job.stages.get(kind=StageKind.SCREENING)

    page.goto(reverse("desk:board", args=[team_a_job.pk]))
    expect(page).to_have_url(re.compile(re.escape(reverse("accounts:login")) + r"\?next="))
    page.locator("input[name=username]").fill(personas.recruiter.username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]", has_text="Sign in").click()
    expect(page).to_have_url(live_server.url + reverse("desk:board", args=[team_a_job.pk]))
    expect(card_in(page, applied, putri)).to_be_visible()

    mark_document(page)
    page.locator(f"#app-{putri.pk}").drag_to(column(page, screening))

    expect(card_in(page, screening, putri)).to_be_visible()
    expect(card_in(page, applied, putri)).to_have_count(0)
    expect(page.get_by_role("status")).to_contain_text("Putri Maharani moved to CV screening.")
    assert document_was_kept(page), "the board reloaded the whole page"
    page.screenshot(path=str(SCREENSHOT), full_page=True)

    page.reload()
    expect(card_in(page, screening, putri)).to_be_visible()

    page.locator(f"#app-{putri.pk} a.name").click()
    expect(page).to_have_url(live_server.url + reverse("desk:candidate", args=[putri.candidate_id]))
    expect(page.locator(f"#application-{putri.pk} .timeline li").last).to_contain_text(
        "Moved: Applied → CV screening"
    )
    expect(page.locator(f"#application-{putri.pk} .timeline li").last).to_contain_text(
        personas.recruiter.get_full_name()
    )


def test_a_recruiter_moves_a_card_with_the_keyboard(page, sign_in, personas, team_a_job, putri):
    applied = team_a_job.stages.get(kind=StageKind.APPLIED)
    screening = team_a_job.stages.get(kind=StageKind.SCREENING)
    sign_in(personas.recruiter).goto(reverse("desk:board", args=[team_a_job.pk]))
    mark_document(page)

    button = card_in(page, applied, putri).get_by_role("button", name="Move Putri Maharani to CV screening")
    button.focus()
    page.keyboard.press("Enter")

    expect(card_in(page, screening, putri)).to_be_visible()
    expect(card_in(page, applied, putri)).to_have_count(0)
    assert document_was_kept(page), "the board reloaded the whole page"
    # The moved card can be moved on from the keyboard too: its button is there and can take the focus.
    next_button = card_in(page, screening, putri).get_by_role(
        "button", name=re.compile(r"^Move Putri Maharani")
    )
    next_button.focus()
    expect(next_button).to_be_focused()
    assert Application.objects.get(pk=putri.pk).stage == screening


def test_a_recruiter_rejects_from_the_card_with_a_reason(page, sign_in, personas, team_a_job, putri):
    sign_in(personas.recruiter).goto(reverse("desk:board", args=[team_a_job.pk]))
    card = page.locator(f"#app-{putri.pk}")

    card.get_by_label("Reject Putri Maharani").click()
    dialog = page.locator("#reject-dialog")
    expect(dialog).to_contain_text("Putri Maharani")
    dialog.get_by_label("Reason").select_option(label="Experience not relevant enough")
    dialog.get_by_role("button", name="Reject", exact=True).click()

    expect(page.locator(f"#app-{putri.pk}")).to_have_count(0)
    expect(page.get_by_role("status")).to_contain_text("Putri Maharani was rejected.")

    page.goto(reverse("desk:candidate", args=[putri.candidate_id]))
    application = page.locator(f"#application-{putri.pk}")
    expect(application.locator("header")).to_contain_text("Rejected")
    expect(application.locator("header")).to_contain_text("Experience not relevant enough")
    expect(application.locator(".timeline li").last).to_contain_text("Rejected")
    assert Application.objects.get(pk=putri.pk).status == ApplicationStatus.REJECTED


def test_the_board_holds_a_card_the_hr_gate_stops_and_hr_overrides_with_a_reason(
    page, sign_in, personas, team_a_job
):
    """The HR interview is a gate: with HR's "no" the card cannot go on to the user interview. The hiring
    manager sees why and has no way past it; HR moves it on anyway, saying why, and the history says so."""
    from tests.interviews.conftest import held, rounds_of, submit

    putri = application_make(job=team_a_job, full_name="Putri Maharani", stage_kind=StageKind.HR_INTERVIEW)
    hr_round = rounds_of(team_a_job)["hr"]
    submit(held(putri, hr_round, [personas.recruiter], hours_ago=24), personas.recruiter, "no")
    hr_stage = team_a_job.stages.get(kind=StageKind.HR_INTERVIEW)
    user_stage = team_a_job.stages.get(kind=StageKind.USER_INTERVIEW)

    sign_in(personas.hiring_manager).goto(reverse("desk:board", args=[team_a_job.pk]))
    card = card_in(page, hr_stage, putri)
    expect(card.locator(".blockers")).to_contain_text("Cannot move on yet")
    expect(card.locator(".blockers")).to_contain_text("HR interview")
    expect(card.get_by_role("button", name=re.compile(r"^Move Putri Maharani"))).to_have_count(0)
    expect(card.locator("details.override")).to_have_count(0)
    assert card.get_attribute("draggable") is None

    page.context.clear_cookies()
    page.context.add_cookies([{"name": "rekrut_language", "value": "en", "url": page.url}])
    sign_in(personas.recruiter).goto(reverse("desk:board", args=[team_a_job.pk]))
    mark_document(page)
    card = card_in(page, hr_stage, putri)
    card.locator("details.override summary").click()
    card.get_by_label("Why can it not wait?").fill("Pengguna ingin bertemu kandidat ini; HR setuju.")
    card.get_by_role("button", name="Move Putri Maharani on anyway").click()

    expect(card_in(page, user_stage, putri)).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Putri Maharani moved to User interview.")
    assert document_was_kept(page), "the board reloaded the whole page"
    last = putri.transitions.order_by("at", "pk").last()
    assert last.is_override and last.override_reason.startswith("Pengguna ingin")
    assert last.actor == personas.recruiter and last.to_stage == user_stage


def test_a_long_column_loads_more_cards_as_the_user_scrolls(page, sign_in, personas, team_a_job):
    """A column shows its first cards; scrolling to its end brings the next ones, without reloading."""
    from rekrut.desk.board_cards import FIRST_CARDS

    applied = team_a_job.stages.get(kind=StageKind.APPLIED)
    screening = team_a_job.stages.get(kind=StageKind.SCREENING)
    waiting = [application_make(job=team_a_job, full_name=f"Pelamar {i:02d}") for i in range(FIRST_CARDS + 3)]
    last = waiting[-1]
    sign_in(personas.recruiter).goto(reverse("desk:board", args=[team_a_job.pk]))
    mark_document(page)
    expect(column(page, applied).locator(".count")).to_have_text(str(len(waiting)))
    expect(column(page, applied).locator("li.card")).to_have_count(FIRST_CARDS)

    column(page, applied).locator("li.more").scroll_into_view_if_needed()
    expect(card_in(page, applied, last)).to_be_visible()
    expect(column(page, applied).locator("li.card")).to_have_count(len(waiting))
    expect(column(page, applied).locator("li.more")).to_have_count(0)

    # Moving a card re-renders only the two columns it left and joined, with their new counts.
    card_in(page, applied, waiting[0]).get_by_role("button", name=re.compile(r"^Move Pelamar 00")).click()
    expect(card_in(page, screening, waiting[0])).to_be_visible()
    expect(column(page, applied).locator(".count")).to_have_text(str(len(waiting) - 1))
    expect(column(page, screening).locator(".count")).to_have_text("1")
    assert document_was_kept(page), "the board reloaded the whole page"
