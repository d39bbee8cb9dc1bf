"""On a 390 × 844 phone, without an account: from a job on the careers site, and from the prep pack linked in
an interview invitation, the candidate practises two questions and sees feedback naming the STAR parts found
and missing and the job's terms used. The timer runs; nothing is stored.
Screenshot: /tmp/practice-feedback.png.
"""

import re
from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from rekrut.interviews.services.interviews import Place, interview_schedule
from rekrut.interviews.services.plans import interview_plan_ensure
from rekrut.jobs.models import StageKind
from rekrut.notifications.models import OutboxMessage
from rekrut.practice.models import PracticeAnswer
from tests.candidates.factories import CandidateFactory
from tests.conftest import personas_make, team_a_job_make
from tests.e2e.test_phone import fits_the_screen, phone  # noqa: F401 (the 390 px page fixture)
from tests.pipeline.factories import application_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

REQUIREMENTS = (
    "- Pengalaman layanan pelanggan minimal 1 tahun\n"
    "- Menguasai Zendesk atau Freshdesk\n"
    "- Kemampuan negosiasi"
)
STORY = (
    "When I was a support agent at PT Maju, complaints piled up to 200 tickets a week. My task was to bring "
    "the reply time under two hours. I wrote reply templates in Zendesk and trained two colleagues. As a "
    "result, the reply time dropped from 9 hours to 1.5 hours."
)
SHORT = "I am a hard-working person and I like customer service."
PREP_PATH = re.compile(r"https?://\S+?(/portal/prepare/[A-Za-z0-9_-]{43}/)")


def _job(personas):
    job = team_a_job_make(personas)
    job.requirements = REQUIREMENTS
    job.job_family = "customer_service"
    job.save()
    return job


def _practise_two_questions(phone: Any) -> None:  # noqa: F811
    expect(phone.get_by_text("Nothing you type here is stored")).to_be_visible()
    phone.get_by_label("User interview (with your future direct superior)").check()
    phone.get_by_role("button", name="Start practising").click()

    expect(phone.get_by_text("Question 1 of")).to_be_visible()
    expect(phone.locator("[data-practice-clock]")).not_to_have_text("0:00", timeout=4000)  # the timer runs
    phone.get_by_label("Your answer").fill(STORY)
    phone.get_by_role("button", name="Get feedback").click()
    expect(phone.get_by_role("heading", name="Feedback on your answer")).to_be_visible()
    for part in ("Situation", "Task", "Action", "Result"):
        expect(phone.locator(".practice-parts").get_by_text(f"{part}: found")).to_be_visible()
    expect(phone.locator("mark.star-action")).to_be_visible()
    terms = phone.locator(".practice-terms")
    expect(terms.locator(".badge.ok")).to_contain_text("Zendesk")
    expect(terms).to_contain_text("negosiasi")
    assert fits_the_screen(phone)
    phone.screenshot(path="/tmp/practice-feedback.png", full_page=True)
    phone.get_by_role("radiogroup").first.get_by_label("4").check()
    phone.get_by_role("button", name="Next question").click()

    expect(phone.get_by_text("Question 2 of")).to_be_visible()
    phone.get_by_label("Your answer").fill(SHORT)
    phone.get_by_role("button", name="Get feedback").click()
    parts = phone.locator(".practice-parts")
    expect(parts.get_by_text("Action: missing")).to_be_visible()
    expect(parts.get_by_text("Result: missing")).to_be_visible()
    expect(phone.get_by_text("Job terms used:").or_(phone.get_by_text("Used:")).first).to_be_visible()
    assert fits_the_screen(phone)
    assert PracticeAnswer.objects.count() == 0


def test_a_job_seeker_practises_two_questions_for_a_job_on_a_phone(phone: Any) -> None:  # noqa: F811
    job = _job(personas_make())
    phone.goto(reverse("careers:job", args=[job.pk]))
    phone.get_by_role("link", name="Practise interview questions for this job").click()
    expect(phone.get_by_text(f"Practising for: {job.title}")).to_be_visible()
    _practise_two_questions(phone)


def test_a_candidate_goes_from_the_invitations_prep_pack_to_practice(phone: Any) -> None:  # noqa: F811
    personas = personas_make()
    job = _job(personas)
    recruiter = personas.recruiter
    candidate = CandidateFactory(full_name="Putri Maharani", email="putri@example.com", language="en")
    application = application_make(job=job, candidate=candidate, stage_kind=StageKind.USER_INTERVIEW)
    interview_plan_ensure(job=job)
    interview = interview_schedule(
        actor=recruiter,
        application=application,
        plan_round=job.interview_rounds.get(stage__kind=StageKind.USER_INTERVIEW),
        starts_at=timezone.now() + timedelta(days=2),
        duration_minutes=60,
        interviewers=[recruiter],
        place=Place(mode="online", meeting_url="https://meet.example.com/abc-defg-hij"),
        allow_past=True,
    )
    mail = OutboxMessage.objects.get(
        to="putri@example.com", key__contains=f"interview-{interview.pk}-invited"
    )
    found = PREP_PATH.search(mail.body)
    assert found, mail.body
    phone.goto(found.group(1))
    phone.get_by_role("link", name="Practise these questions").or_(
        phone.get_by_role("button", name="Practise these questions")
    ).first.click()
    _practise_two_questions(phone)
