"""Password reset goes through the outbox: the page does the same work for a known and an unknown address
(so it answers in the same time and says nothing about who has an account), the link uses the site's
address, the mail is in the asker's language, and a mail server that is down only delays it."""

from datetime import timedelta
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from rekrut.accounts.demo_install import DEMO_PASSWORD
from rekrut.accounts.services import password_reset_mail_queue
from rekrut.notifications.models import MessageStatus, OutboxMessage
from rekrut.notifications.services import message_send
from tests.accounts.factories import PASSWORD

pytestmark = pytest.mark.django_db


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionError("SMTP server unreachable")


def test_the_page_does_the_same_work_for_known_and_unknown_addresses(client, personas, monkeypatch):
    queued = []
    # The task is only queued here (the worker runs it): what the page does is the same for both.
    task = SimpleNamespace(enqueue=lambda **kwargs: queued.append(kwargs))
    monkeypatch.setattr("rekrut.accounts.views.password_reset_mail_send", task)
    answers = {}
    for email in (personas.recruiter.email, "nobody@example.co.id"):
        with CaptureQueriesContext(connection) as queries:
            response = client.post(reverse("accounts:password_reset"), {"email": email})
        answers[email] = (response.status_code, response["Location"], len(queries))
    assert answers[personas.recruiter.email] == answers["nobody@example.co.id"]
    assert queued == [
        {"email": personas.recruiter.email, "language": "en"},
        {"email": "nobody@example.co.id", "language": "en"},
    ]
    assert not OutboxMessage.objects.exists() and not mail.outbox


def test_a_known_address_gets_a_link_to_the_site_in_the_askers_language(client, personas, settings):
    settings.SITE_URL = "https://rekrut.example.co.id"
    client.post(
        reverse("accounts:password_reset"), {"email": personas.recruiter.email}, HTTP_ACCEPT_LANGUAGE="id"
    )
    message = OutboxMessage.objects.get()
    assert (message.to, message.language, message.status) == (personas.recruiter.email, "id", "pending")
    assert message.subject == "Atur ulang kata sandi Rekrut Anda"
    link = next(line for line in message.body.splitlines() if "/reset/" in line)
    assert link.startswith("https://rekrut.example.co.id/accounts/reset/")
    assert "&amp;" not in message.body


def test_an_unknown_address_queues_nothing(personas):
    assert password_reset_mail_queue(email="nobody@example.co.id", language="en") == 0
    assert not OutboxMessage.objects.exists()


def test_the_same_request_twice_queues_one_message(personas):
    password_reset_mail_queue(email=personas.recruiter.email, language="en")
    password_reset_mail_queue(email=personas.recruiter.email, language="en")
    assert OutboxMessage.objects.count() == 1


def test_a_mail_server_that_is_down_only_delays_the_link(personas, settings):
    settings.EMAIL_BACKEND = "tests.accounts.test_password_reset.BrokenBackend"
    password_reset_mail_queue(email=personas.recruiter.email, language="en")
    message = OutboxMessage.objects.get()
    assert message_send(message_id=message.pk) is False
    message.refresh_from_db()
    assert (message.status, message.attempts) == (MessageStatus.PENDING, 1)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(timezone.now() + timedelta(minutes=3), tick=False):
        assert message_send(message_id=message.pk) is True
    (sent,) = mail.outbox
    assert sent.to == [personas.recruiter.email] and "/accounts/reset/" in sent.body


def test_the_link_sets_a_new_password_once(client, personas):
    password_reset_mail_queue(email=personas.recruiter.email, language="en")
    link = next(line for line in OutboxMessage.objects.get().body.splitlines() if "/reset/" in line)
    form_url = client.get(urlsplit(link).path, follow=True).redirect_chain[-1][0]
    new = {"new_password1": "Baru-Sekali-2026", "new_password2": "Baru-Sekali-2026"}
    assert client.post(form_url, new).status_code == 302
    assert client.login(username="rina", password="Baru-Sekali-2026")
    assert not client.login(username="rina", password=PASSWORD)
    client.logout()
    again = client.get(urlsplit(link).path, follow=True)
    assert "This link is no longer valid" in again.content.decode()


def test_a_reset_link_cannot_set_the_demo_password(client, personas):
    password_reset_mail_queue(email=personas.recruiter.email, language="en")
    link = next(line for line in OutboxMessage.objects.get().body.splitlines() if "/reset/" in line)
    form_url = client.get(urlsplit(link).path, follow=True).redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": DEMO_PASSWORD, "new_password2": DEMO_PASSWORD})
    assert response.status_code == 200
    assert "This is the demo&#x27;s published password. Choose another." in response.content.decode()
    assert not client.login(username="rina", password=DEMO_PASSWORD)
