"""The candidate's invitation: an e-mail through the outbox in their language, with the anti-scam line,
and a signed link to a phone-friendly page; an expired, withdrawn or tampered link gets a clear page."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from rekrut.jobs.models import Location
from rekrut.medical.models import Conclusion
from rekrut.medical.services import medical_check_cancel, medical_invite
from rekrut.notifications.models import OutboxMessage


@pytest.fixture
def invited(planned, personas):
    issued = medical_invite(actor=personas.recruiter, check=planned, expected_version=planned.version)
    return planned, issued


def test_the_invitation_is_queued_in_the_candidates_language_with_the_anti_scam_line(invited):
    _check, issued = invited
    message = OutboxMessage.objects.get(to="putri@example.com")
    assert message.language == "en"
    assert "Medical check-up" in message.subject
    assert issued.url in message.body
    assert "Klinik Sehat Sentosa" in message.body and "Jl. Jenderal Sudirman No. 12" in message.body
    assert "WIB" in message.body
    assert "Fast for 10 hours" in message.body
    assert "never asks for money" in message.body


def test_the_invitation_is_in_bahasa_indonesia_for_an_indonesian_candidate(planned, personas):
    candidate = planned.application.candidate
    candidate.language = "id"
    candidate.save()
    medical_invite(actor=personas.recruiter, check=planned, expected_version=planned.version)
    body = OutboxMessage.objects.get(to=candidate.email).body
    assert body.startswith("Yth. Putri Maharani")
    assert "tidak pernah meminta" in body  # the anti-scam line, in Bahasa Indonesia


def test_the_page_shows_the_appointment_in_the_clinics_zone_and_what_to_bring(invited, client):
    check, issued = invited
    Location.objects.filter(pk=check.application.job.location_id).update(time_zone="Asia/Makassar")
    html = client.get(reverse("medical:invitation", args=[issued.token])).content.decode()
    assert "WITA" in html
    assert "Klinik Sehat Sentosa" in html and "Darah lengkap" in html
    assert "KTP" in html and "Fast for 10 hours" in html
    assert "never asks for money" in html
    assert 'name="viewport"' in html


def test_a_tampered_link_gets_a_clear_page(invited, client):
    _check, issued = invited
    tampered = issued.token[:-1] + ("A" if issued.token[-1] != "A" else "B")
    response = client.get(reverse("medical:invitation", args=[tampered]))
    assert response.status_code == 404
    assert "This link is not valid" in response.content.decode()


def test_an_expired_link_gets_a_clear_page(invited, client):
    check, issued = invited
    with time_machine.travel(check.scheduled_at + timedelta(days=2)):
        response = client.get(reverse("medical:invitation", args=[issued.token]))
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()


def test_a_cancelled_check_up_withdraws_its_link(invited, personas, client):
    check, issued = invited
    check.refresh_from_db()
    medical_check_cancel(
        actor=personas.recruiter, check=check, reason="Jadwal klinik penuh", expected_version=check.version
    )
    response = client.get(reverse("medical:invitation", args=[issued.token]))
    assert response.status_code == 410 and "withdrawn" in response.content.decode()


def test_a_new_invitation_withdraws_the_earlier_link(invited, personas, client):
    check, first = invited
    check.refresh_from_db()
    medical_invite(actor=personas.recruiter, check=check, expected_version=check.version)
    assert client.get(reverse("medical:invitation", args=[first.token])).status_code == 410


def test_no_e_mail_address_is_told(planned, personas):
    from rekrut.core.errors import DomainError

    candidate = planned.application.candidate
    candidate.email = ""
    candidate.save()
    with pytest.raises(DomainError) as refused:
        medical_invite(actor=personas.recruiter, check=planned, expected_version=planned.version)
    assert refused.value.code == "no_email"
    assert not OutboxMessage.objects.exists()


def test_the_invitation_page_shows_no_health_data(invited, personas, client):
    from rekrut.medical.services import medical_result_record
    from tests.medical.factories import health_access_give

    check, issued = invited
    check.refresh_from_db()
    medical_result_record(
        actor=health_access_give(personas.recruiter),
        check=check,
        conclusion=Conclusion.UNFIT,
        expected_version=check.version,
        note="Rahasia medis",
    )
    # The result withdrew the link: the page is gone, and with it anything about the result.
    response = client.get(reverse("medical:invitation", args=[issued.token]))
    assert response.status_code == 410 and "Rahasia" not in response.content.decode()
    assert timezone.now()
