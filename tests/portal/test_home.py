"""The portal's home: each application in plain words, interviews with their calendar entry, times to
choose, messages, withdrawing; only the candidate's own, and nothing of HR's."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from rekrut.interviews.services.interviews import interview_schedule
from rekrut.interviews.services.plans import interview_plan_ensure
from rekrut.jobs.models import StageKind
from rekrut.notifications.models import OutboxMessage
from rekrut.notifications.services import message_queue
from rekrut.pipeline.models import RejectReason, Transition, TransitionKind
from rekrut.pipeline.services import application_reject
from rekrut.pipeline.transitions import ApplicationStatus
from rekrut.portal.status import ENDED, STEPS
from tests.candidates.factories import CandidateFactory
from tests.pipeline.factories import application_make
from tests.portal.helpers import portal_sign_in
from tests.scheduling.factories import offer_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def candidate():
    return CandidateFactory(full_name="Putri Maharani", email="putri@example.com", language="en")


def test_every_stage_kind_has_words_for_the_candidate() -> None:
    assert set(STEPS) == set(StageKind.values)
    for standing in [*STEPS.values(), *ENDED.values()]:
        assert str(standing.step) and str(standing.next)


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        (StageKind.APPLIED, "Application received"),
        (StageKind.SCREENING, "Your CV is being reviewed"),
        (StageKind.HR_INTERVIEW, "HR interview"),
        (StageKind.USER_INTERVIEW, "Interview with the future manager"),
        (StageKind.EVALUATION, "Your interviews are being evaluated"),
    ],
)
def test_the_status_is_told_in_plain_words_per_stage_kind(client, candidate, team_a_job, kind, words) -> None:
    stage = team_a_job.stages.get(kind=kind)
    stage.name_en = stage.name_id = "Internal name HR gave it"
    stage.save()
    application_make(job=team_a_job, candidate=candidate, stage_kind=kind)
    portal_sign_in(client, candidate)
    html = client.get(reverse("portal:home")).content.decode()
    assert words in html and str(STEPS[kind].next) in html.replace("&#x27;", "'")
    assert "Internal name HR gave it" not in html


def test_a_rejection_shows_neither_the_reason_nor_the_note(client, candidate, team_a_job, personas) -> None:
    application = application_make(job=team_a_job, candidate=candidate)
    reason = RejectReason.objects.create(name_id="Gaji terlalu tinggi", name_en="Salary too high")
    application_reject(
        application=application,
        reason=reason,
        actor=personas.recruiter,
        expected_version=None,
        note="Sikap kurang sopan di telepon",
        notify_candidate=False,
    )
    portal_sign_in(client, candidate)
    html = client.get(reverse("portal:home")).content.decode()
    assert "Not continued" in html
    for internal in ("Salary too high", "Gaji terlalu tinggi", "Sikap kurang sopan"):
        assert internal not in html
    assert reverse("portal:withdraw", args=[application.pk]) not in html


def test_a_candidate_sees_only_their_own_applications(client, candidate, team_a_job, team_b_job) -> None:
    mine = application_make(job=team_a_job, candidate=candidate)
    other = application_make(job=team_b_job, full_name="Bayu Saputra", email="bayu@example.com")
    portal_sign_in(client, candidate)
    html = client.get(reverse("portal:home")).content.decode()
    assert team_a_job.title in html and team_b_job.title not in html
    assert client.get(reverse("portal:withdraw", args=[other.pk])).status_code == 404
    assert client.post(reverse("portal:withdraw", args=[other.pk]), {"version": 1}).status_code == 404
    other.refresh_from_db()
    assert other.status == ApplicationStatus.ACTIVE
    assert client.get(reverse("portal:withdraw", args=[mine.pk])).status_code == 200


def test_a_second_record_with_the_same_address_is_shown_too(
    client, candidate, team_a_job, team_b_job
) -> None:
    application_make(job=team_a_job, candidate=candidate)
    application_make(job=team_b_job, full_name="Putri M.", email="PUTRI@example.com")
    portal_sign_in(client, candidate)
    html = client.get(reverse("portal:home")).content.decode()
    assert team_a_job.title in html and team_b_job.title in html


def test_upcoming_interviews_come_with_their_calendar_entry(client, candidate, team_a_job, personas) -> None:
    application = application_make(job=team_a_job, candidate=candidate, stage_kind=StageKind.HR_INTERVIEW)
    interview_plan_ensure(job=team_a_job)
    interview = interview_schedule(
        actor=personas.recruiter,
        application=application,
        plan_round=team_a_job.interview_rounds.get(stage__kind=StageKind.HR_INTERVIEW),
        starts_at=timezone.now() + timedelta(days=3),
        duration_minutes=60,
        interviewers=[personas.recruiter],
        notify=False,
    )
    portal_sign_in(client, candidate)
    html = client.get(reverse("portal:home")).content.decode()
    calendar = reverse("portal:interview_calendar", args=[interview.pk])
    assert calendar in html
    response = client.get(calendar)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert (str(interview.calendar_uid) in body and "METHOD" not in body) or "VEVENT" in body
    # The candidate's copy names no interviewer.
    assert personas.recruiter.email not in body


def test_another_candidates_calendar_is_not_found(client, candidate, team_a_job, personas) -> None:
    someone = application_make(job=team_a_job, stage_kind=StageKind.HR_INTERVIEW)
    interview_plan_ensure(job=team_a_job)
    interview = interview_schedule(
        actor=personas.recruiter,
        application=someone,
        plan_round=team_a_job.interview_rounds.get(stage__kind=StageKind.HR_INTERVIEW),
        starts_at=timezone.now() + timedelta(days=3),
        duration_minutes=60,
        interviewers=[personas.recruiter],
        notify=False,
    )
    application_make(job=team_a_job, candidate=candidate)
    portal_sign_in(client, candidate)
    assert client.get(reverse("portal:interview_calendar", args=[interview.pk])).status_code == 404


def test_offered_times_lead_to_the_booking_page(client, candidate, team_a_job, personas) -> None:
    application = application_make(job=team_a_job, candidate=candidate, stage_kind=StageKind.HR_INTERVIEW)
    offer, _link = offer_make(
        application=application, actor=personas.recruiter, interviewers=[personas.recruiter]
    )
    portal_sign_in(client, candidate)
    html = client.get(reverse("portal:home")).content.decode()
    times = reverse("portal:interview_times", args=[offer.pk])
    assert times in html
    assert client.get(times).status_code == 405  # a button, never a prefetchable link
    response = client.post(times)
    assert response.status_code == 302 and response["Location"].startswith("/scheduling/pick/")
    page = client.get(response["Location"])
    assert page.status_code == 200 and b"Choose your interview time" in page.content


def test_someone_elses_offered_times_are_not_found(client, candidate, team_a_job, personas) -> None:
    application = application_make(job=team_a_job, stage_kind=StageKind.HR_INTERVIEW)
    offer, _link = offer_make(
        application=application, actor=personas.recruiter, interviewers=[personas.recruiter]
    )
    application_make(job=team_a_job, candidate=candidate)
    portal_sign_in(client, candidate)
    assert client.post(reverse("portal:interview_times", args=[offer.pk])).status_code == 404


def test_withdrawing_with_a_reason(client, candidate, team_a_job) -> None:
    application = application_make(job=team_a_job, candidate=candidate)
    portal_sign_in(client, candidate)
    url = reverse("portal:withdraw", args=[application.pk])
    response = client.post(url, {"reason": "Saya menerima pekerjaan lain.", "version": application.version})
    assert response["Location"] == reverse("portal:home")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    row = Transition.objects.get(application=application, kind=TransitionKind.WITHDRAWN)
    assert row.by_candidate and row.actor is None and row.note == "Saya menerima pekerjaan lain."
    assert "Withdrawn" in client.get(reverse("portal:home")).content.decode()


def test_withdrawing_from_a_stale_page_changes_nothing_and_says_why(client, candidate, team_a_job) -> None:
    application = application_make(job=team_a_job, candidate=candidate)
    portal_sign_in(client, candidate)
    response = client.post(
        reverse("portal:withdraw", args=[application.pk]), {"version": application.version + 5}
    )
    assert response.status_code == 200 and b"Someone else changed this application" in response.content
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ACTIVE


def test_withdrawing_twice_is_told_not_failed(client, candidate, team_a_job) -> None:
    application = application_make(job=team_a_job, candidate=candidate)
    portal_sign_in(client, candidate)
    url = reverse("portal:withdraw", args=[application.pk])
    client.post(url, {"version": application.version})
    application.refresh_from_db()
    response = client.post(url, {"version": application.version})
    assert response.status_code == 200 and b"no longer in progress" in response.content
    assert Transition.objects.filter(application=application, kind=TransitionKind.WITHDRAWN).count() == 1


def test_a_too_long_reason_is_refused_on_the_form(client, candidate, team_a_job) -> None:
    application = application_make(job=team_a_job, candidate=candidate)
    portal_sign_in(client, candidate)
    response = client.post(
        reverse("portal:withdraw", args=[application.pk]),
        {"reason": "x" * 5000, "version": application.version},
    )
    assert response.status_code == 200 and b"at most" in response.content
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ACTIVE


def test_messages_received_are_listed_without_sign_in_links(client, candidate, team_a_job) -> None:
    application_make(job=team_a_job, candidate=candidate)
    message = message_queue(
        key="test-received",
        to="PUTRI@example.com",
        template="intake/email/received",
        context={"person": candidate.full_name, "job": team_a_job.title, "company": "PT Test"},
        language="en",
    )
    message_queue(
        key="test-other", to="bayu@example.com", template="intake/email/received", context={}, language="en"
    )
    portal_sign_in(client, candidate)
    html = client.get(reverse("portal:messages")).content.decode()
    assert message.subject in html
    sign_in = OutboxMessage.objects.get(key__startswith="portal-sign-in-")
    assert sign_in.subject not in html
    own = client.get(reverse("portal:message", args=[message.pk]))
    assert own.status_code == 200 and team_a_job.title.encode() in own.content
    others = OutboxMessage.objects.get(key="test-other")
    assert client.get(reverse("portal:message", args=[others.pk])).status_code == 404
    assert client.get(reverse("portal:message", args=[sign_in.pk])).status_code == 404


def test_the_home_page_takes_a_fixed_number_of_queries(
    client, candidate, team_a_job, team_b_job, django_assert_max_num_queries
) -> None:
    application_make(job=team_a_job, candidate=candidate)
    application_make(job=team_b_job, candidate=candidate)
    portal_sign_in(client, candidate)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("portal:home")).status_code == 200
