"""The prep pack of an interview and the page after it: contents per round type and mode, shareable
questions, nothing confidential, the invitation's signed link, both languages."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from time_machine import travel

from rekrut.careers.models import Branding
from rekrut.core.signed_links import signed_link_issue
from rekrut.interviews.models import Interview, KitQuestion, PlanRoundAttribute
from rekrut.interviews.services.interviews import Place, interview_cancel, interview_schedule
from rekrut.interviews.services.plans import interview_plan_ensure, kit_question_share
from rekrut.jobs.models import Level, StageKind
from rekrut.notifications.models import OutboxMessage
from rekrut.practice.bank import questions_for
from tests.candidates.factories import CandidateFactory
from tests.jobs.factories import job_make
from tests.pipeline.factories import application_make
from tests.portal.helpers import portal_sign_in

pytestmark = pytest.mark.django_db

PREP_LINK = re.compile(r"https?://\S+/portal/prepare/([A-Za-z0-9_-]{43})/")
ONLINE = Place(mode="online", meeting_url="https://meet.example.com/abc-defg-hij")
ON_SITE = Place(mode="on_site", location="Jl. Sudirman No. 1, Jakarta", room="Ruang Melati")
PHONE = Place(mode="phone", location="+62 21 555 0101")


@pytest.fixture
def candidate():
    return CandidateFactory(full_name="Putri Maharani", email="putri@example.com", language="en")


def _schedule(personas, job, candidate, kind, place, *, notify=False, starts_in=timedelta(days=3)):
    application = application_make(job=job, candidate=candidate, stage_kind=kind)
    interview_plan_ensure(job=job)
    return interview_schedule(
        actor=personas.recruiter,
        application=application,
        plan_round=job.interview_rounds.get(stage__kind=kind),
        starts_at=timezone.now() + starts_in,
        duration_minutes=60,
        interviewers=[personas.recruiter],
        place=place,
        notify=notify,
        allow_past=True,
    )


def _invitation(interview: Interview) -> OutboxMessage:
    return OutboxMessage.objects.get(
        to=interview.application.candidate.email, key__contains=f"interview-{interview.pk}-invited"
    )


def _prep_url(interview: Interview) -> str:
    found = PREP_LINK.search(_invitation(interview).body)
    assert found, _invitation(interview).body
    return reverse("portal:prep_link", args=[found.group(1)])


def _page(client, interview: Interview, **query) -> str:
    portal_sign_in(client, interview.application.candidate)
    response = client.get(reverse("portal:prep", args=[interview.pk]), query)
    assert response.status_code == 200, response.content
    return response.content.decode().replace("&#x27;", "'").replace("&quot;", '"')


def test_the_invitation_email_carries_a_prep_link_that_opens_without_an_account(
    client, personas, team_a_job, candidate
) -> None:
    interview = _schedule(personas, team_a_job, candidate, StageKind.HR_INTERVIEW, ONLINE, notify=True)
    response = client.get(_prep_url(interview))
    assert response.status_code == 200
    html = response.content.decode()
    assert "HR interview" in html and team_a_job.title in html
    assert response["Cache-Control"] == "private, no-store" and response["Referrer-Policy"] == "same-origin"


def test_an_hr_online_pack_has_the_hr_style_weight_questions_and_online_etiquette(
    client, personas, team_a_job, candidate
) -> None:
    team_a_job.requirements = "- Minimal D3 semua jurusan\n- Fasih berbahasa Inggris\n\n• Bisa Excel"
    team_a_job.save()
    interview = _schedule(personas, team_a_job, candidate, StageKind.HR_INTERVIEW, ONLINE)
    html = _page(client, interview)
    assert "Someone from the HR team" in html
    assert "Polite, positive, calm and confident." in html
    assert "An early gate" in html
    assert "Test the link" in html or "Open the meeting link a day before" in html
    assert "stable" in html and "quiet, well-lit room" in html
    assert "Arrive 10 to 15 minutes early" not in html
    for line in ("Minimal D3 semua jurusan", "Fasih berbahasa Inggris", "Bisa Excel"):
        assert f"<li>{line}</li>" in html
    hr_example = questions_for("hr", team_a_job.job_family)[0]
    assert str(hr_example.text) in html and str(hr_example.good_answer_shows) in html
    assert "In other time zones:" in html and "WITA" in html and "WIT" in html
    assert "Leadership stories" not in html
    assert "/careers/practice/" in html or "practice" in html


def test_a_user_pack_on_site_says_who_runs_it_that_it_decides_and_what_to_bring(
    client, personas, team_a_job, candidate
) -> None:
    interview = _schedule(personas, team_a_job, candidate, StageKind.USER_INTERVIEW, ON_SITE)
    html = _page(client, interview)
    assert "Your prospective direct superior" in html
    assert "Professional and technical" in html
    assert "Usually the deciding round" in html
    assert "Arrive 10 to 15 minutes early" in html and "(KTP)" in html
    assert "Ruang Melati, Jl. Sudirman No. 1, Jakarta" in html
    assert "In other time zones:" not in html
    user_example = questions_for("user", team_a_job.job_family)[0]
    assert str(user_example.text) in html
    # Its next steps come from the job's own pipeline, in the candidate's words.
    assert "Your interviews are being evaluated" in html and "Job offer" in html


def test_a_phone_pack_has_phone_etiquette(client, personas, team_a_job, candidate) -> None:
    interview = _schedule(personas, team_a_job, candidate, StageKind.HR_INTERVIEW, PHONE)
    html = _page(client, interview)
    assert "answer with your name" in html and "we will call you from +62 21 555 0101" in html
    assert "Open the meeting link" not in html and "(KTP)" not in html


def test_a_managerial_job_adds_leadership_stories_and_questions(client, personas, candidate) -> None:
    job = job_make(hr_owner=personas.recruiter, user=personas.hiring_manager, level=Level.MANAGER)
    interview = _schedule(personas, job, candidate, StageKind.USER_INTERVIEW, ONLINE)
    html = _page(client, interview)
    assert "Leadership stories" in html and "For a leading role" in html
    leading = [q for q in questions_for("user", job.job_family, managerial=True) if q.managerial]
    assert leading and str(leading[0].text) in html


def test_shareable_questions_show_only_when_marked_and_nothing_confidential_leaks(
    client, personas, team_a_job, candidate
) -> None:
    interview = _schedule(personas, team_a_job, candidate, StageKind.USER_INTERVIEW, ONLINE)
    kit = list(KitQuestion.objects.filter(round=interview.round).select_related("question"))
    assert len(kit) >= 2
    shared, kept = kit[0].question, kit[1].question
    kit_question_share(
        actor=personas.recruiter, plan_round=interview.round, question_id=shared.pk, shareable=True
    )
    html = _page(client, interview)
    assert shared.text_en in html
    assert kept.text_en not in html
    for question in (shared, kept):
        if question.strong_answer_en:
            assert question.strong_answer_en not in html
    attributes = [row.attribute for row in PlanRoundAttribute.objects.filter(round=interview.round)]
    assert attributes, "the round has focus attributes"
    for attribute in attributes:
        assert attribute.name_en in html  # the names only
        for level in range(1, 5):
            assert getattr(attribute, f"rubric_{level}_en") not in html
    # No interviewer's name, no other candidate.
    assert personas.recruiter.get_full_name() not in html
    other = application_make(job=team_a_job, full_name="Bayu Saputra", email="bayu@example.com")
    assert other.candidate.full_name not in _page(client, interview)


def test_a_signed_in_candidate_cannot_open_someone_elses_pack(
    client, personas, team_a_job, candidate
) -> None:
    someone = CandidateFactory(full_name="Bayu Saputra", email="bayu@example.com")
    interview = _schedule(personas, team_a_job, someone, StageKind.HR_INTERVIEW, ONLINE)
    application_make(job=team_a_job, candidate=candidate)
    portal_sign_in(client, candidate)
    assert client.get(reverse("portal:prep", args=[interview.pk])).status_code == 404


def test_the_portal_home_offers_prepare_for_each_upcoming_interview(
    client, personas, team_a_job, candidate
) -> None:
    interview = _schedule(personas, team_a_job, candidate, StageKind.HR_INTERVIEW, ONLINE)
    portal_sign_in(client, candidate)
    html = client.get(reverse("portal:home")).content.decode()
    assert reverse("portal:prep", args=[interview.pk]) in html


@pytest.mark.parametrize("problem", ["expired", "wrong_purpose", "other_interview", "tampered"])
def test_a_prep_link_that_is_not_for_this_page_opens_nothing(
    client, personas, team_a_job, candidate, problem
) -> None:
    interview = _schedule(personas, team_a_job, candidate, StageKind.HR_INTERVIEW, ONLINE, notify=True)
    url = _prep_url(interview)
    if problem == "expired":
        with travel(interview.ends_at + timedelta(days=30)):
            response = client.get(url)
        assert response.status_code == 410
    elif problem == "wrong_purpose":
        issued = signed_link_issue(
            purpose="portal_sign_in", subject=interview, valid_for=timedelta(days=1), created_by=None
        )
        response = client.get(reverse("portal:prep_link", args=[issued.token]))
        assert response.status_code == 404
    elif problem == "other_interview":
        someone = CandidateFactory(full_name="Bayu Saputra", email="bayu@example.com")
        theirs = _schedule(personas, team_a_job, someone, StageKind.HR_INTERVIEW, PHONE, notify=True)
        response = client.get(_prep_url(theirs))
        # Their link opens their pack only: nothing of Putri's interview is on it.
        html = response.content.decode()
        assert response.status_code == 200 and "meet.example.com" not in html and "+62 21 555 0101" in html
        assert client.get(url.replace(url.split("/")[-2], "x" * 43)).status_code == 404
    else:
        response = client.get(url[:-5] + "AAAA/")
        assert response.status_code == 404
    assert "HR interview" not in response.content.decode() or problem == "other_interview"


def test_a_cancelled_interview_closes_its_pack(client, personas, team_a_job, candidate) -> None:
    interview = _schedule(personas, team_a_job, candidate, StageKind.HR_INTERVIEW, ONLINE, notify=True)
    url = _prep_url(interview)
    interview_cancel(actor=personas.recruiter, interview=interview, reason="Pewawancara sakit")
    response = client.get(url)
    assert response.status_code == 410
    html = response.content.decode()
    assert "cancelled" in html and "Pewawancara sakit" not in html


def test_after_the_interview_the_page_offers_a_note_reflection_signals_and_what_next(
    client, personas, team_a_job, candidate
) -> None:
    Branding.objects.update_or_create(pk=1, defaults={"contact_email": "karir@example.co.id"})
    interview = _schedule(
        personas, team_a_job, candidate, StageKind.USER_INTERVIEW, ON_SITE, starts_in=-timedelta(days=1)
    )
    html = _page(client, interview)
    assert "Send a thank-you note" in html and "within a few days" in html
    assert "Thank you for taking the time" in html and "Putri Maharani" in html
    assert 'href="mailto:karir@example.co.id?subject=' in html
    assert "What went well" in html and "not sent to the company" in html
    assert "These are not a prediction of the result." in html and "notice period" in html
    assert "within about 14 days" in html and "estimate" in html
    # The pack is still a tap away.
    assert "Questions you may be asked" in _page(client, interview, view="pack")
    # The home page offers the after page for an interview just held.
    home = client.get(reverse("portal:home")).content.decode()
    assert reverse("portal:prep", args=[interview.pk]) in home


def test_after_an_hr_interview_no_user_interview_signals_and_no_mailto_without_a_contact(
    client, personas, team_a_job, candidate
) -> None:
    interview = _schedule(
        personas, team_a_job, candidate, StageKind.HR_INTERVIEW, ONLINE, starts_in=-timedelta(days=1)
    )
    html = _page(client, interview)
    assert "Send a thank-you note" in html
    assert "not a prediction" not in html and "mailto:" not in html.split("portal-footer")[0]


def test_the_pack_reads_in_bahasa_indonesia_for_an_indonesian_candidate(
    client, personas, team_a_job, candidate
) -> None:
    candidate.language = "id"
    candidate.save()
    interview = _schedule(personas, team_a_job, candidate, StageKind.USER_INTERVIEW, ONLINE, notify=True)
    html = client.get(_prep_url(interview)).content.decode()
    assert 'lang="id"' in html
    assert "Pertanyaan yang mungkin diajukan" in html and "Cara mempersiapkan diri" in html
    assert "Questions you may be asked" not in html and "How to prepare" not in html
    assert "Persiapan wawancara" in _invitation(interview).body


def test_the_company_about_text_and_website_are_part_of_the_research(
    client, personas, team_a_job, candidate
) -> None:
    Branding.objects.update_or_create(
        pk=1,
        defaults={
            "about_id": "Kami membuat aplikasi kasir.",
            "about_en": "We make point-of-sale apps.",
            "website": "https://example.co.id",
        },
    )
    interview = _schedule(personas, team_a_job, candidate, StageKind.HR_INTERVIEW, ONLINE)
    html = _page(client, interview)
    assert "We make point-of-sale apps." in html and 'href="https://example.co.id"' in html


def test_hr_marks_a_kit_question_shareable_on_the_round_page(client_for, personas, team_a_job) -> None:
    interview_plan_ensure(job=team_a_job)
    plan_round = team_a_job.interview_rounds.get(stage__kind=StageKind.USER_INTERVIEW)
    first = plan_round.kit.order_by("position").first()
    client = client_for(personas.recruiter)
    page = client.get(reverse("interviews:round_edit", args=[plan_round.pk])).content.decode()
    assert reverse("interviews:kit_share", args=[plan_round.pk]) in page and 'name="shareable"' in page
    response = client.post(
        reverse("interviews:kit_share", args=[plan_round.pk]),
        {"question": first.question_id, "shareable": "on"},
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.shareable is True
    client.post(reverse("interviews:kit_share", args=[plan_round.pk]), {"question": first.question_id})
    first.refresh_from_db()
    assert first.shareable is False
    # A question not in the kit changes nothing and says why.
    response = client.post(
        reverse("interviews:kit_share", args=[plan_round.pk]),
        {"question": 999999, "shareable": "on"},
        follow=True,
    )
    assert "That question is not in the kit." in response.content.decode()


def test_the_pack_runs_a_fixed_number_of_queries(
    client, personas, team_a_job, candidate, django_assert_max_num_queries
) -> None:
    interview = _schedule(personas, team_a_job, candidate, StageKind.USER_INTERVIEW, ONLINE, notify=True)
    url = _prep_url(interview)
    with django_assert_max_num_queries(14):
        assert client.get(url).status_code == 200
