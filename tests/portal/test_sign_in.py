"""Signing in to the portal by e-mailed link: single use, short-lived, the same answer for any address,
rate limited, and never mixed with a staff login."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone, translation

from rekrut.candidates.sessions import SESSION_KEY
from rekrut.notifications.models import OutboxMessage
from rekrut.notifications.wording import candidate_footer
from rekrut.portal.services import SIGN_IN_MINUTES
from tests.candidates.factories import CandidateFactory
from tests.portal.helpers import link_in, portal_sign_in, sign_in_mail

pytestmark = pytest.mark.django_db


def test_a_known_address_gets_a_link_in_its_language_with_the_anti_scam_footer(client) -> None:
    candidate = CandidateFactory(email="Putri@Example.com", language="id")
    response = client.post(reverse("portal:sign_in"), {"email": "putri@example.com"})
    assert response.status_code == 302 and response["Location"] == reverse("portal:sign_in_sent")
    message = sign_in_mail(candidate.email)
    assert message is not None and message.to == "Putri@Example.com" and message.language == "id"
    assert reverse("portal:open", args=[link_in(message)[0]]) in message.body
    assert "example.com" not in message.subject  # no address in a subject line
    with translation.override("id"):
        assert message.body.rstrip().endswith(candidate_footer())  # the anti-scam footer ends it


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client) -> None:
    CandidateFactory(email="putri@example.com")
    known = client.post(reverse("portal:sign_in"), {"email": "putri@example.com"})
    unknown = client.post(reverse("portal:sign_in"), {"email": "nobody@example.com"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert not OutboxMessage.objects.filter(to="nobody@example.com").exists()
    page = client.get(unknown["Location"])
    assert page.status_code == 200 and b"If this address belongs to an application" in page.content


def test_a_bad_address_is_told_and_nothing_is_sent(client) -> None:
    response = client.post(reverse("portal:sign_in"), {"email": "not an address"})
    assert response.status_code == 200 and b"valid email address" in response.content
    assert not OutboxMessage.objects.exists()


def test_the_link_signs_in_once(client, django_user_model) -> None:
    candidate = CandidateFactory()
    client.post(reverse("portal:sign_in"), {"email": candidate.email})
    token, _query = link_in(sign_in_mail(candidate.email))
    # Opening it (a mail scanner fetching it, or the candidate) does not use it; the button does.
    assert client.get(reverse("portal:open", args=[token])).status_code == 200
    assert client.get(reverse("portal:open", args=[token])).status_code == 200
    response = client.post(reverse("portal:open", args=[token]))
    assert response["Location"] == reverse("portal:home")
    assert client.session[SESSION_KEY] == candidate.pk
    again = client.__class__()
    used = again.post(reverse("portal:open", args=[token]))
    assert used.status_code == 410 and SESSION_KEY not in again.session


def test_an_expired_link_is_refused_with_a_way_to_ask_again(client) -> None:
    candidate = CandidateFactory()
    client.post(reverse("portal:sign_in"), {"email": candidate.email})
    token, _query = link_in(sign_in_mail(candidate.email))
    with time_machine.travel(timezone.now() + timedelta(minutes=SIGN_IN_MINUTES + 1)):
        response = client.post(reverse("portal:open", args=[token]))
    assert response.status_code == 410
    assert reverse("portal:sign_in").encode() in response.content
    assert SESSION_KEY not in client.session


def test_a_made_up_token_is_not_found(client) -> None:
    assert client.get(reverse("portal:open", args=["x" * 43])).status_code == 404
    assert client.post(reverse("portal:open", args=["nonsense"])).status_code == 404


def test_one_mailbox_gets_a_few_links_an_hour_at_most(client, settings) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "portal_link_email": (2, 3600)}
    candidate = CandidateFactory()
    for _ in range(2):
        assert client.post(reverse("portal:sign_in"), {"email": candidate.email}).status_code == 302
    refused = client.post(reverse("portal:sign_in"), {"email": candidate.email.upper()})
    assert refused.status_code == 429 and refused["Retry-After"]
    assert OutboxMessage.objects.filter(to=candidate.email).count() == 2
    # An unknown address is counted the same way: the limit tells nothing about who is known.
    for _ in range(2):
        client.post(reverse("portal:sign_in"), {"email": "nobody@example.com"})
    assert client.post(reverse("portal:sign_in"), {"email": "nobody@example.com"}).status_code == 429


def test_one_address_can_ask_only_so_often(client, settings) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "portal_link": (3, 3600)}
    for n in range(3):
        client.post(reverse("portal:sign_in"), {"email": f"someone{n}@example.com"})
    assert client.post(reverse("portal:sign_in"), {"email": "last@example.com"}).status_code == 429


def test_signing_in_ends_a_staff_login_and_a_staff_login_sees_no_candidate(client, personas) -> None:
    candidate = CandidateFactory()
    client.force_login(personas.recruiter)
    portal_sign_in(client, candidate)
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("desk:my_work")).status_code == 302  # signed out of the desk
    assert client.get(reverse("portal:home")).status_code == 200
    # A staff member signing in on the same browser does not carry the candidate's session along.
    client.force_login(personas.recruiter)
    response = client.get(reverse("portal:home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("portal:sign_in"))


def test_signing_in_rotates_the_session_key(client) -> None:
    candidate = CandidateFactory()
    client.get(reverse("portal:sign_in"))
    session = client.session
    session["something"] = 1
    session.save()
    before = session.session_key
    portal_sign_in(client, candidate)
    assert client.session.session_key != before


def test_signing_out_forgets_the_candidate(client) -> None:
    candidate = CandidateFactory()
    portal_sign_in(client, candidate)
    client.post(reverse("portal:sign_out"))
    assert client.get(reverse("portal:home")).status_code == 302


def test_a_page_asked_for_before_signing_in_is_where_the_link_leads(client) -> None:
    candidate = CandidateFactory()
    messages = reverse("portal:messages")
    response = client.get(messages)
    assert response["Location"] == f"{reverse('portal:sign_in')}?next=%2Fportal%2Fmessages%2F"
    client.post(response["Location"], {"email": candidate.email, "next": messages})
    token, query = link_in(sign_in_mail(candidate.email))
    page = client.get(reverse("portal:open", args=[token]) + query)
    assert f'value="{messages}"'.encode() in page.content
    assert client.post(reverse("portal:open", args=[token]), {"next": messages})["Location"] == messages


def test_a_next_address_off_the_portal_is_ignored(client) -> None:
    candidate = CandidateFactory()
    client.post(reverse("portal:sign_in"), {"email": candidate.email})
    token, _query = link_in(sign_in_mail(candidate.email))
    response = client.post(reverse("portal:open", args=[token]), {"next": "https://evil.example/portal/"})
    assert response["Location"] == reverse("portal:home")


def test_the_portal_is_in_bahasa_indonesia_unless_switched(client, settings) -> None:
    settings.LANGUAGE_CODE = "id"
    page = client.get(reverse("portal:sign_in"), HTTP_ACCEPT_LANGUAGE="en")
    assert page["Content-Language"] == "id"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert client.get(reverse("portal:sign_in"))["Content-Language"] == "en"


def test_signing_in_is_in_the_audit_log_hr_admins_read_without_the_token(client, personas) -> None:
    from rekrut.events.models import AuditEvent

    candidate = CandidateFactory(full_name="Sari Wulandari")
    client.post(reverse("portal:sign_in"), {"email": candidate.email})
    token, _query = link_in(sign_in_mail(candidate.email))
    client.get(reverse("portal:open", args=[token]))
    assert not AuditEvent.objects.filter(action="candidate.signed_in").exists()  # opening is not signing in
    client.post(reverse("portal:open", args=[token]), REMOTE_ADDR="203.0.113.7")
    event = AuditEvent.objects.get(action="candidate.signed_in")
    assert (event.actor_id, event.subject_id, event.ip) == (None, candidate.pk, "203.0.113.7")
    assert token not in str(event.changes) and token not in event.subject_label
    client.post(reverse("portal:open", args=[token]))  # used up: refused, no second row
    assert AuditEvent.objects.filter(action="candidate.signed_in").count() == 1

    staff = client.__class__()
    staff.force_login(personas.hr_admin)
    with translation.override("en"):
        html = staff.get(reverse("privacy:candidate", args=[candidate.pk]), HTTP_ACCEPT_LANGUAGE="en")
    page = html.content.decode()
    assert "Candidate signed in to the portal" in page and "The candidate" in page
    assert "203.0.113.7" in page


def test_the_sign_in_task_run_twice_for_one_request_sends_one_link() -> None:
    """A worker killed after sending but before marking the task done runs it again: one mail, one link."""
    from rekrut.core.models import SignedLink
    from rekrut.portal.tasks import portal_link_mail_send

    CandidateFactory(email="dua.kali@example.co.id")
    for _ in range(2):
        portal_link_mail_send.call(email="dua.kali@example.co.id", request_key="one-request")
    assert OutboxMessage.objects.filter(to="dua.kali@example.co.id").count() == 1
    assert SignedLink.objects.filter(purpose="portal_sign_in").count() == 1
    # Another request is another link.
    portal_link_mail_send.call(email="dua.kali@example.co.id", request_key="another-request")
    assert OutboxMessage.objects.filter(to="dua.kali@example.co.id").count() == 2
