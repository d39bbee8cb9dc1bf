"""HR's page to offer times: the interviewers' free times by day, ticked and sent; the link shown once to
copy or send by WhatsApp; mistakes said clearly with nothing saved."""

import pytest
import time_machine
from django.urls import reverse

from rekrut.scheduling.models import SlotOffer
from tests.pipeline.factories import application_make
from tests.scheduling.factories import first_round, free_starts

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def monday():
    with time_machine.travel("2026-12-07 01:00:00+00:00", tick=False):
        yield


@pytest.fixture
def application(team_a_job):
    return application_make(
        job=team_a_job, full_name="Putri Maharani", email="putri@example.com", phone="+6281234567890"
    )


def _data(application, personas, moments, **extra):
    data = {
        "round": first_round(application.job).pk,
        "interviewers": [personas.hiring_manager.pk],
        "duration_minutes": "60",
        "days": "5",
        "starts": [moment.isoformat() for moment in moments],
        "mode": "on_site",
        "location": "Jl. Jenderal Sudirman No. 1",
        "room": "Ruang Melati",
        "meeting_url": "",
        "change_until_hours": "24",
        "max_reschedules": "2",
        "valid_hours": "72",
    }
    data.update(extra)
    return data


def test_the_page_lists_the_free_times_by_day(
    client_for, personas, application, django_assert_max_num_queries
):
    client = client_for(personas.recruiter)
    url = reverse("scheduling:offer_create", args=[application.pk])
    with django_assert_max_num_queries(40):
        response = client.get(
            url,
            {
                "round": first_round(application.job).pk,
                "interviewers": [personas.hiring_manager.pk],
                "duration_minutes": 60,
                "days": 5,
            },
        )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Tuesday, 8 December 2026" in body
    assert 'name="starts" value="2026-12-08T08:00:00+07:00"' in body


def test_offering_sends_the_link_and_shows_it_once(client_for, personas, application, team_a_job):
    client = client_for(personas.recruiter)
    url = reverse("scheduling:offer_create", args=[application.pk])
    starts = free_starts(interviewers=[personas.hiring_manager], job=team_a_job, count=2)
    response = client.post(url, _data(application, personas, starts))
    assert response.status_code == 302
    offer = SlotOffer.objects.get()
    assert [slot.starts_at for slot in offer.slots.all()] == starts
    page = client.get(url).content.decode()
    assert "/scheduling/pick/" in page and "https://wa.me/6281234567890?text=" in page
    assert "/scheduling/pick/" not in client.get(url).content.decode()  # shown once


def test_mistakes_are_said_and_nothing_is_offered(client_for, personas, application, team_a_job):
    client = client_for(personas.recruiter)
    url = reverse("scheduling:offer_create", args=[application.pk])
    starts = free_starts(interviewers=[personas.hiring_manager], job=team_a_job, count=1)
    no_times = client.post(url, _data(application, personas, []))
    assert "Choose at least one time to offer." in no_times.content.decode()
    online = client.post(url, _data(application, personas, starts, mode="online"))
    assert "An online interview needs its meeting link" in online.content.decode()
    past = client.post(url, _data(application, personas, starts, starts=["2026-12-01T01:00:00+00:00"]))
    assert "at least 2 hours from now" in past.content.decode()
    garbage = client.post(url, _data(application, personas, starts, starts=["kemarin"], valid_hours="0"))
    assert garbage.status_code == 200
    assert not SlotOffer.objects.exists()


def test_a_double_click_offers_once_and_the_mailed_link_keeps_working(
    client_for, personas, application, team_a_job
):
    client = client_for(personas.recruiter)
    url = reverse("scheduling:offer_create", args=[application.pk])
    starts = free_starts(interviewers=[personas.hiring_manager], job=team_a_job, count=2)
    data = _data(application, personas, starts, idempotency_key="dobel-klik-abcdefgh12")
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302
    offer = SlotOffer.objects.get()
    assert offer.revoked_at is None
