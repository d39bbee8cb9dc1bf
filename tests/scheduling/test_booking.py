"""Self-scheduling: HR offers times, the candidate picks one through a signed link, moves or cancels it
within HR's rules; bad links get a clear page."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from rekrut.core.errors import AccessDenied, DomainError
from rekrut.events.models import AuditEvent
from rekrut.interviews.models import Interview, InterviewStatus
from rekrut.notifications.models import OutboxMessage
from rekrut.scheduling.models import Slot, SlotOffer
from rekrut.scheduling.services import booking
from rekrut.scheduling.services.offers import Rules, slot_offer_revoke
from tests.pipeline.factories import application_make
from tests.scheduling.factories import free_starts, offer_make

pytestmark = pytest.mark.django_db

# A Monday morning in Jakarta: the next working days are ordinary (no public holiday until Christmas).
MONDAY = "2026-12-07 01:00:00+00:00"


@pytest.fixture(autouse=True)
def monday():
    with time_machine.travel(MONDAY, tick=False) as traveller:
        yield traveller


@pytest.fixture
def application(team_a_job):
    return application_make(
        job=team_a_job, full_name="Putri Maharani", email="putri@example.com", language="id"
    )


@pytest.fixture
def offered(application, personas):
    return offer_make(
        application=application, actor=personas.recruiter, interviewers=[personas.hiring_manager]
    )


def _token(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def test_offer_mails_the_candidate_the_link_in_their_language_with_the_anti_scam_line(offered, settings):
    offer, issued = offered
    mail = OutboxMessage.objects.get(key__startswith=f"slot-offer-{offer.pk}-link")
    assert mail.to == "putri@example.com"
    assert mail.language == "id"
    assert issued.url in mail.body
    assert settings.ORGANIZER_EMAIL in mail.body  # the anti-scam footer, added to every candidate message
    assert mail.body.rstrip().endswith(settings.COMPANY_NAME)
    assert AuditEvent.objects.filter(action="scheduling.offer_created").count() == 1


def test_pick_page_lists_the_times_by_day_in_the_location_zone(client, offered):
    offer, issued = offered
    response = client.get(issued.url, HTTP_COOKIE="rekrut_language=en")
    body = response.content.decode()
    assert response.status_code == 200
    first = offer.slots.first().starts_at.astimezone(timezone.get_fixed_timezone(7 * 60))
    assert f"{first:%H:%M} WIB" in body  # English writes 10:30; Bahasa Indonesia 10.30
    assert "Rina" not in body and "Budi" not in body  # no staff names on the candidate's page
    assert response["Cache-Control"] == "private, no-store"


def test_picking_a_time_books_the_interview_and_invites_everyone(client, offered, personas):
    offer, issued = offered
    slot = offer.slots.first()
    response = client.post(issued.url, {"action": "pick", "slot": slot.pk})
    assert response.status_code == 302
    assert reverse("scheduling:manage", args=["x"]).split("x")[0] in response["Location"]
    offer.refresh_from_db()
    interview = offer.interview
    assert interview.starts_at == slot.starts_at and interview.created_by == personas.recruiter
    assert list(interview.interviewers.all()) == [personas.hiring_manager]
    assert interview.location == "Jl. Jenderal Sudirman No. 1, Jakarta" and interview.room == "Ruang Melati"
    recipients = set(
        OutboxMessage.objects.filter(key__startswith=f"interview-{interview.pk}-").values_list(
            "to", flat=True
        )
    )
    assert recipients == {"putri@example.com", personas.hiring_manager.email}
    assert OutboxMessage.objects.filter(key__startswith=f"slot-offer-{offer.pk}-booked").count() == 1
    page = client.get(response["Location"], HTTP_COOKIE="rekrut_language=en").content.decode()
    assert "Confirmed" in page and "?calendar=1" in page
    ics = client.get(response["Location"] + "?calendar=1")
    assert ics["Content-Type"].startswith("text/calendar") and b"BEGIN:VEVENT" in ics.content


def test_a_repeated_pick_makes_one_interview(client, offered):
    offer, issued = offered
    slot = offer.slots.first()
    client.post(issued.url, {"action": "pick", "slot": slot.pk})
    client.post(issued.url, {"action": "pick", "slot": slot.pk})
    client.post(issued.url, {"action": "pick", "slot": offer.slots.last().pk})
    assert Interview.objects.filter(application=offer.application).count() == 1
    assert OutboxMessage.objects.filter(key__startswith=f"slot-offer-{offer.pk}-booked").count() == 1


def test_a_time_just_taken_is_refused_clearly_and_the_others_are_shown(
    client, application, personas, team_a_job
):
    # Two candidates, two offers of the same interviewer's same hour: the second to pick is told.
    other = application_make(job=team_a_job, full_name="Bayu Saputra", email="bayu@example.com")
    starts = free_starts(interviewers=[personas.hiring_manager], job=team_a_job, count=2)
    first, _first_link = offer_make(
        application=application,
        actor=personas.recruiter,
        interviewers=[personas.hiring_manager],
        starts=starts,
    )
    second, second_link = offer_make(
        application=other, actor=personas.recruiter, interviewers=[personas.hiring_manager], starts=starts
    )
    booking.slot_book(offer=first, slot_id=first.slots.first().pk)
    response = client.post(
        second_link.url, {"action": "pick", "slot": second.slots.first().pk}, HTTP_COOKIE="rekrut_language=en"
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "This time was just taken. Please choose another one." in body
    assert f'value="{second.slots.last().pk}"' in body
    assert f'value="{second.slots.first().pk}"' not in body
    assert not Interview.objects.filter(application=other).exists()
    assert not Slot.objects.filter(offer=second, taken_at__isnull=False).exists()


def test_the_candidate_moves_the_interview_within_the_rules(offered):
    offer, _issued = offered
    slots = list(offer.slots.all())
    booking.slot_book(offer=offer, slot_id=slots[0].pk)
    booking.booking_reschedule(offer=offer, slot_id=slots[1].pk)
    offer.refresh_from_db()
    assert offer.interview.starts_at == slots[1].starts_at and offer.interview.calendar_sequence == 1
    assert offer.reschedules_used == 1
    assert Slot.objects.get(pk=slots[0].pk).taken_at is None  # free again


def test_moving_more_often_than_allowed_is_refused_with_the_rule(application, personas):
    offer, _ = offer_make(
        application=application,
        actor=personas.recruiter,
        interviewers=[personas.hiring_manager],
        rules=Rules(max_reschedules=1),
    )
    slots = list(offer.slots.all())
    booking.slot_book(offer=offer, slot_id=slots[0].pk)
    booking.booking_reschedule(offer=offer, slot_id=slots[1].pk)
    with pytest.raises(DomainError, match="already moved this interview 1 time,"):
        booking.booking_reschedule(offer=offer, slot_id=slots[2].pk)


def test_changes_close_the_set_hours_before_the_interview(offered, monday, client):
    offer, _issued = offered
    slots = list(offer.slots.all())
    booked, manage = booking.slot_book(offer=offer, slot_id=slots[0].pk)
    monday.move_to(slots[0].starts_at - timedelta(hours=23))
    with pytest.raises(DomainError, match="until 24 hours before the interview"):
        booking.booking_cancel(offer=offer, reason="sakit")
    with pytest.raises(DomainError, match="until 24 hours before the interview"):
        booking.booking_reschedule(offer=offer, slot_id=slots[1].pk)
    page = client.get(manage.url, HTTP_COOKIE="rekrut_language=en").content.decode()
    assert "Changes are possible until 24 hours before the interview" in page
    assert 'value="cancel"' not in page
    assert Interview.objects.get(pk=booked.interview_id).status == InterviewStatus.SCHEDULED


def test_the_candidate_cancels_and_the_interviewers_are_told(offered, client, personas):
    offer, _issued = offered
    booked, manage = booking.slot_book(offer=offer, slot_id=offer.slots.first().pk)
    response = client.post(manage.url, {"action": "cancel", "reason": "Sudah diterima di tempat lain"})
    assert response.status_code == 302
    interview = Interview.objects.get(pk=booked.interview_id)
    assert interview.status == InterviewStatus.CANCELLED
    assert "Sudah diterima" in interview.cancel_reason
    assert OutboxMessage.objects.filter(
        key__startswith=f"interview-{interview.pk}-cancelled", to=personas.hiring_manager.email
    ).exists()


def test_an_expired_link_gets_a_clear_page_with_the_contact(offered, client, monday, settings):
    _offer, issued = offered
    monday.shift(timedelta(hours=73))
    response = client.get(issued.url, HTTP_COOKIE="rekrut_language=en")
    assert response.status_code == 410
    body = response.content.decode()
    assert "This link has expired" in body and settings.ORGANIZER_EMAIL in body


def test_a_tampered_link_is_not_found_and_says_nothing_of_the_offer(offered, client):
    _offer, issued = offered
    token = _token(issued.url)
    response = client.get(reverse("scheduling:pick", args=[token[:-1] + ("A" if token[-1] != "A" else "B")]))
    assert response.status_code == 404
    assert "Putri" not in response.content.decode()
    assert client.get(reverse("scheduling:pick", args=["not-a-token"])).status_code == 404
    # A pick link does not open the page to change a booking.
    assert client.get(reverse("scheduling:manage", args=[token])).status_code == 404


def test_a_withdrawn_offer_no_longer_opens(offered, client, personas):
    offer, issued = offered
    slot_offer_revoke(actor=personas.recruiter, offer=offer)
    response = client.get(issued.url)
    assert response.status_code == 410
    assert SlotOffer.objects.get(pk=offer.pk).revoked_at is not None


def test_a_new_offer_withdraws_the_open_one_of_the_same_round(offered, application, personas, client):
    _offer, issued = offered
    offer_make(application=application, actor=personas.recruiter, interviewers=[personas.hiring_manager])
    assert client.get(issued.url).status_code == 410


def test_only_the_jobs_managers_offer_times(application, personas):
    with pytest.raises(AccessDenied):
        offer_make(
            application=application, actor=personas.interviewer, interviewers=[personas.hiring_manager]
        )


def test_a_time_that_is_no_longer_free_is_refused_by_name(application, personas, team_a_job):
    starts = free_starts(interviewers=[personas.hiring_manager], job=team_a_job, count=1)
    taken, _ = offer_make(
        application=application,
        actor=personas.recruiter,
        interviewers=[personas.hiring_manager],
        starts=starts,
    )
    booking.slot_book(offer=taken, slot_id=taken.slots.first().pk)
    other = application_make(job=team_a_job, full_name="Bayu Saputra")
    with pytest.raises(DomainError, match="no longer free"):
        offer_make(
            application=other, actor=personas.recruiter, interviewers=[personas.hiring_manager], starts=starts
        )
