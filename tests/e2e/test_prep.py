"""On a 390 × 844 phone: the candidate opens the prep pack from the link in the interview invitation (no
account), reads it without sideways scrolling and follows "Practise these questions"; after the
interview, the reflection notes stay in the browser across a reload and the thank-you note can be copied.
Screenshots: /tmp/prep-pack.png, /tmp/prep-after.png."""

import re
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from playwright.sync_api import expect

from rekrut.interviews.models import Interview
from rekrut.interviews.services.interviews import Place, interview_schedule
from rekrut.interviews.services.plans import interview_plan_ensure
from rekrut.jobs.models import StageKind
from rekrut.notifications.models import OutboxMessage
from tests.candidates.factories import CandidateFactory
from tests.conftest import personas_make, team_a_job_make
from tests.e2e.test_phone import fits_the_screen, phone  # noqa: F401 (the 390 px page fixture)
from tests.pipeline.factories import application_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PREP_PATH = re.compile(r"https?://\S+?(/portal/prepare/[A-Za-z0-9_-]{43}/)")


def _interview(kind: str, starts_in: timedelta) -> Interview:
    personas = personas_make()
    job = team_a_job_make(personas)
    candidate = CandidateFactory(full_name="Putri Maharani", email="putri@example.com", language="en")
    application = application_make(job=job, candidate=candidate, stage_kind=kind)
    interview_plan_ensure(job=job)
    return interview_schedule(
        actor=personas.recruiter,
        application=application,
        plan_round=job.interview_rounds.get(stage__kind=kind),
        starts_at=timezone.now() + starts_in,
        duration_minutes=60,
        interviewers=[personas.recruiter],
        place=Place(mode="online", meeting_url="https://meet.example.com/abc-defg-hij"),
        allow_past=True,
    )


def _link_path(interview: Interview) -> str:
    """The path of the prep link in the candidate's invitation e-mail (its host is the configured site's)."""
    mail = OutboxMessage.objects.get(
        to="putri@example.com", key__contains=f"interview-{interview.pk}-invited"
    )
    found = PREP_PATH.search(mail.body)
    assert found, mail.body
    return found.group(1)


def test_a_candidate_opens_the_prep_pack_from_the_invitation_and_goes_to_practise(phone: Any) -> None:  # noqa: F811
    interview = _interview(StageKind.USER_INTERVIEW, timedelta(days=2))
    phone.goto(_link_path(interview))
    expect(phone.get_by_role("heading", name="User interview", level=1)).to_be_visible()
    expect(phone.get_by_role("heading", name="Questions you may be asked")).to_be_visible()
    expect(phone.get_by_text("Your prospective direct superior")).to_be_visible()
    assert fits_the_screen(phone)
    phone.screenshot(path="/tmp/prep-pack.png", full_page=True)

    practise = phone.get_by_role("button", name="Practise these questions")
    expect(practise).to_be_visible()
    href = practise.get_attribute("href")
    query = parse_qs(urlsplit(href).query)
    assert query["round"] == ["user"] and query["family"] == [interview.application.job.job_family]
    try:
        reverse("practice:start")
    except NoReverseMatch:
        return  # the practice page is not there yet: the link is where it will be
    practise.click()
    phone.wait_for_load_state()
    assert urlsplit(phone.url).path.startswith("/careers/practice/")


def test_after_the_interview_the_notes_stay_in_the_browser_and_the_note_copies(phone: Any) -> None:  # noqa: F811
    interview = _interview(StageKind.USER_INTERVIEW, -timedelta(days=1))
    phone.goto(_link_path(interview))
    expect(phone.get_by_role("heading", name="Send a thank-you note")).to_be_visible()
    expect(phone.get_by_text("These are not a prediction of the result.")).to_be_visible()
    went_well = phone.get_by_label("What went well")
    went_well.fill("Explained the stock-taking project with numbers.")
    phone.reload()
    expect(phone.get_by_label("What went well")).to_have_value(
        "Explained the stock-taking project with numbers."
    )
    copy = phone.get_by_role("button", name="Copy the note")
    expect(copy).to_be_visible()
    phone.context.grant_permissions(["clipboard-read", "clipboard-write"])
    copy.click()
    expect(phone.get_by_role("button", name="Copied")).to_be_visible()
    assert fits_the_screen(phone)
    phone.screenshot(path="/tmp/prep-after.png", full_page=True)
