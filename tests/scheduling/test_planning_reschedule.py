"""Moving an interview: its own page, prefilled in the zone of the job's place; everyone told once, the
same calendar event; conflicts confirmed as when scheduling; a second click or a stale form told clearly;
and the kit page links here instead of carrying a form of its own."""

import re
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from rekrut.interviews.models import Interview
from rekrut.interviews.services.interviews import interview_cancel, interview_reschedule
from rekrut.notifications.models import OutboxMessage
from tests.pipeline.factories import application_make
from tests.scheduling.planning_setup import at, form_data, frozen, planned

__all__ = ["frozen"]

pytestmark = pytest.mark.django_db


@pytest.fixture
def interview(team_a_job, personas, frozen):
    putri = application_make(job=team_a_job, full_name="Putri Maharani")
    return planned(putri, [personas.hiring_manager], at(11, 10))


def _url(interview) -> str:
    return reverse("scheduling:reschedule", args=[interview.pk])


def _post(client, interview, **overrides):
    data = form_data(sequence=str(interview.calendar_sequence), **overrides)
    return client.post(_url(interview), data)


def _rescheduled_mail(interview) -> int:
    return OutboxMessage.objects.filter(key__startswith=f"interview-{interview.pk}-rescheduled-").count()


def test_the_page_is_prefilled_in_the_zone_of_the_job(interview, personas, client_for):
    personas.recruiter.time_zone = "Asia/Jayapura"
    personas.recruiter.save()
    page = client_for(personas.recruiter).get(_url(interview)).content.decode()
    assert 'value="2027-08-11"' in page and 'value="10:00"' in page and 'id="id_at_zone">WIB<' in page
    assert 'value="Ruang Melati"' not in page  # the room is "Melati" (planned's place)
    assert 'value="Melati"' in page


def test_hr_moves_the_interview_and_everyone_is_told_once(interview, personas, client_for):
    uid = interview.calendar_uid
    kit = client_for(personas.recruiter).get(reverse("interviews:kit", args=[interview.pk])).content.decode()
    assert _url(interview) in kit and 'name="duration_minutes"' not in kit

    response = _post(
        client_for(personas.recruiter),
        interview,
        day="2027-08-12",
        at="14:00",
        mode="online",
        meeting_url="https://meet.google.com/abc-defg-hij",
    )

    assert response.status_code == 302 and response["Location"] == reverse(
        "interviews:kit", args=[interview.pk]
    )
    moved = Interview.objects.get(pk=interview.pk)
    assert moved.starts_at == datetime(2027, 8, 12, 7, 0, tzinfo=UTC)
    assert moved.mode == "online" and moved.meeting_url == "https://meet.google.com/abc-defg-hij"
    assert moved.calendar_uid == uid and moved.calendar_sequence == 1
    told = set(
        OutboxMessage.objects.filter(key__startswith=f"interview-{interview.pk}-rescheduled-1-").values_list(
            "to", flat=True
        )
    )
    assert {personas.hiring_manager.email, interview.application.candidate.email} <= told


def test_a_second_click_on_the_same_move_answers_as_the_first(interview, personas, client_for):
    client = client_for(personas.recruiter)
    first = _post(client, interview, at="14:00")
    mails = _rescheduled_mail(interview)

    second = client.post(_url(interview), form_data(sequence="0", at="14:00"), follow=True)

    assert first.status_code == 302 and second.status_code == 200
    assert "The interview is moved" in second.content.decode()
    assert _rescheduled_mail(interview) == mails
    assert Interview.objects.get(pk=interview.pk).calendar_sequence == 1


def test_a_form_drawn_before_someone_else_moved_it_says_so(interview, personas, client_for):
    interview_reschedule(
        actor=personas.hiring_manager, interview=interview, starts_at=at(12, 9), duration_minutes=60
    )

    response = client_for(personas.recruiter).post(_url(interview), form_data(sequence="0", at="15:00"))

    assert response.status_code == 200
    assert "Someone changed this interview meanwhile" in response.content.decode()
    assert Interview.objects.get(pk=interview.pk).starts_at == at(12, 9)


def test_a_conflict_asks_to_confirm_before_moving(interview, personas, client_for):
    planned(application_make(job=interview.application.job), [personas.hiring_manager], at(12, 14))
    client = client_for(personas.recruiter)

    page = _post(client, interview, day="2027-08-12", at="14:30").content.decode()

    assert "Budi" in page and "already has another interview then" in page and "Move it anyway" in page
    assert Interview.objects.get(pk=interview.pk).starts_at == at(11, 10)
    fingerprint = re.search(r'name="confirmed" value="([0-9a-f]+)"', page).group(1)
    assert _post(client, interview, day="2027-08-12", at="14:30", confirmed=fingerprint).status_code == 302
    assert Interview.objects.get(pk=interview.pk).starts_at == at(12, 14, 30)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"day": "2027-08-01"}, "cannot start in the past"),
        ({"duration_minutes": "0"}, "must end after it starts"),
        ({"mode": "online", "meeting_url": "not a link"}, "needs its meeting link"),
    ],
)
def test_bad_input_changes_nothing(interview, personas, client_for, overrides, message):
    response = _post(client_for(personas.recruiter), interview, **overrides)
    assert response.status_code == 200 and message in response.content.decode()
    assert Interview.objects.get(pk=interview.pk).calendar_sequence == 0


def test_an_unchanged_form_is_told_so(interview, personas, client_for):
    response = _post(client_for(personas.recruiter), interview, address="Kantor Pusat Jakarta", room="Melati")
    assert "Nothing changed" in response.content.decode()


def test_a_cancelled_interview_offers_a_new_one_instead(interview, personas, client_for):
    interview_cancel(actor=personas.recruiter, interview=interview, reason="Kandidat sakit.")
    client = client_for(personas.recruiter)
    page = client.get(_url(interview)).content.decode()
    assert "This interview was cancelled" in page and 'name="day"' not in page
    assert client.post(_url(interview), form_data(sequence="1")).status_code == 200
    assert Interview.objects.get(pk=interview.pk).starts_at == at(11, 10)


@pytest.mark.parametrize(("persona", "status"), [("interviewer", 403), ("other_manager", 404)])
def test_who_may_not_move_it_is_refused(interview, personas, client_for, persona, status):
    assert client_for(getattr(personas, persona)).get(_url(interview)).status_code == status
