"""The outbox: channels, the recipient's language, leases, retries with back-off and the final failure."""

import email
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from rekrut.accounts.models import Role
from rekrut.notifications import channels
from rekrut.notifications.models import Channel, MessageStatus, OutboxMessage
from rekrut.notifications.services import MAX_ATTEMPTS, message_queue, message_send, outbox_drain
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def queue(key: str = "k-1", to: str = "maya@example.co.id", **extra) -> OutboxMessage:
    extra.setdefault("template", "notifications/email/failed")
    extra.setdefault("context", {"subject": "Undangan", "attempts": 1, "to": "x@example.com"})
    return message_queue(key=key, to=to, **extra)


def test_a_message_is_rendered_and_kept_in_the_recipients_language():
    context = {"candidate_name": "Putri", "job_title": "Staf R&D", "company": "PT A & B"}
    template = "pipeline/email/rejected"
    indonesian = queue(key="k-id", template=template, context=context, language="id")
    english = queue(key="k-en", template=template, context=context, language="en")
    assert (indonesian.channel, indonesian.language, english.language) == (Channel.EMAIL, "id", "en")
    assert (indonesian.subject, english.subject) == ("Mengenai lamaran Anda", "About your application")
    assert "Staf R&D" in indonesian.body and "PT A & B" in english.body


def test_the_same_key_never_queues_twice():
    assert queue(key="k-1") == queue(key="k-1", to="someone-else@example.com")
    assert OutboxMessage.objects.count() == 1


def test_an_unknown_channel_is_refused_when_queueing():
    with pytest.raises(ValueError, match="pigeon"):
        queue(channel="pigeon")
    assert not OutboxMessage.objects.exists()


def test_a_new_channel_is_one_registered_sender(monkeypatch):
    """What the webhook channel will do: register a sender; claim, retries and status stay the outbox's."""
    carried = []
    monkeypatch.setitem(channels.SENDERS, "webhook", carried.append)
    message = message_queue(
        key="hook-1", to="https://hooks.example.com/rekrut?a=1&b=2", channel="webhook", payload={"x": 1}
    )
    assert message_send(message_id=message.pk) is True
    assert [(m.pk, m.to, m.payload) for m in carried] == [
        (message.pk, "https://hooks.example.com/rekrut?a=1&b=2", {"x": 1})
    ]
    assert mail.outbox == []


def test_the_message_id_comes_from_the_key_so_a_resent_copy_can_be_dropped():
    message = queue(key="application-4-rejected-v3")
    message_send(message_id=message.pk)
    assert mail.outbox[0].extra_headers["Message-ID"] == "<application-4-rejected-v3@rekrut>"


class TestLease:
    def stuck(self) -> OutboxMessage:
        """A row a worker claimed at START and then died holding."""
        with time_machine.travel(START, tick=False):
            message = queue()
        OutboxMessage.objects.filter(pk=message.pk).update(
            status=MessageStatus.SENDING, claimed_at=START, attempts=1
        )
        return message

    def test_a_claimed_message_is_left_alone_while_its_lease_runs(self, settings):
        settings.OUTBOX_LEASE_SECONDS = 300
        message = self.stuck()
        with time_machine.travel(START + timedelta(seconds=299), tick=False):
            assert outbox_drain() == 0
            assert message_send(message_id=message.pk) is False
        assert mail.outbox == []

    def test_a_message_left_sending_by_a_dead_worker_is_sent_after_its_lease(self, settings):
        settings.OUTBOX_LEASE_SECONDS = 300
        message = self.stuck()
        with time_machine.travel(START + timedelta(seconds=301), tick=False):
            assert outbox_drain() == 1
            assert outbox_drain() == 0
        message.refresh_from_db()
        assert (message.status, message.attempts, len(mail.outbox)) == (MessageStatus.SENT, 2, 1)

    def test_a_message_whose_last_attempt_died_mid_send_fails_instead_of_looping(self, settings, personas):
        settings.OUTBOX_LEASE_SECONDS = 300
        message = self.stuck()
        OutboxMessage.objects.filter(pk=message.pk).update(attempts=MAX_ATTEMPTS)
        with time_machine.travel(START + timedelta(seconds=301), tick=False):
            assert outbox_drain() == 0
        message.refresh_from_db()
        assert (message.status, message.attempts) == (MessageStatus.FAILED, MAX_ATTEMPTS)
        assert message.last_error == "SendInterrupted: the worker stopped while sending"
        assert mail.outbox == []
        assert OutboxMessage.objects.filter(to=personas.hr_admin.email, notify_on_failure=False).exists()

    def test_a_sender_that_lost_its_lease_does_not_overwrite_the_new_claim(self, monkeypatch, settings):
        """A slow first sender finishing after another took over must not mark the row as its own."""
        settings.OUTBOX_LEASE_SECONDS = 300
        message = self.stuck()

        def slow_send(row):
            OutboxMessage.objects.filter(pk=row.pk).update(claimed_at=START + timedelta(hours=1))

        monkeypatch.setitem(channels.SENDERS, Channel.EMAIL, slow_send)
        with time_machine.travel(START + timedelta(seconds=301), tick=False):
            assert message_send(message_id=message.pk) is True
        message.refresh_from_db()
        assert (message.status, message.sent_at) == (MessageStatus.SENDING, None)


class TestFailure:
    """A real SMTP server on loopback that refuses every message (554)."""

    @pytest.fixture
    def admins(self, personas):
        """Told: the HR admin and a superuser. Not told: an inactive HR admin, a recruiter."""
        UserFactory(username="root", role=Role.INTERVIEWER, is_superuser=True)
        UserFactory(username="former", role=Role.HR_ADMIN, is_active=False)
        UserFactory(username="noemail", role=Role.HR_ADMIN, email="")
        return {"sari@example.co.id", "root@example.co.id"}

    def test_each_failure_backs_off_and_the_last_tells_every_active_hr_admin_once(
        self, admins, smtp_settings, django_capture_on_commit_callbacks
    ):
        smtp_settings.refuse = True
        with time_machine.travel(START, tick=False) as clock:
            with django_capture_on_commit_callbacks(execute=True):
                message = queue(key="application-9-rejected-v2", to="putri@example.com")
            waits = []
            for _attempt in range(MAX_ATTEMPTS - 1):
                message.refresh_from_db()
                assert message.status == MessageStatus.PENDING
                waits.append(message.next_attempt_at - timezone.now())
                clock.shift(waits[-1] - timedelta(seconds=1))
                assert outbox_drain() == 0  # not due yet: nothing is tried
                clock.shift(timedelta(seconds=1))
                with django_capture_on_commit_callbacks(execute=True):
                    outbox_drain()
            message.refresh_from_db()
            assert waits == [timedelta(minutes=m) for m in (2, 4, 8, 16)]
            assert (message.status, message.attempts) == (MessageStatus.FAILED, MAX_ATTEMPTS)
            assert "SMTPDataError" in message.last_error and "Relaying denied" in message.last_error

            notices = OutboxMessage.objects.exclude(pk=message.pk)
            assert {n.to for n in notices} == admins
            assert all(not n.notify_on_failure for n in notices)
            assert all("putri@example.com" in n.body and "Relaying denied" in n.body for n in notices)

            # The notices go to the same refusing server and fail in turn: nobody hears about those.
            for _attempt in range(MAX_ATTEMPTS):
                clock.shift(timedelta(hours=1))
                with django_capture_on_commit_callbacks(execute=True):
                    outbox_drain()
            assert set(notices.values_list("status", flat=True)) == {MessageStatus.FAILED}
            assert OutboxMessage.objects.count() == 1 + len(admins)
        assert smtp_settings.delivered == []

    def test_the_failure_notice_arrives_in_the_admins_inbox(
        self, admins, smtp_settings, django_capture_on_commit_callbacks, monkeypatch
    ):
        """Only the candidate's domain refuses; the notices reach the HR admins through the outbox."""
        real_send = channels.SENDERS[Channel.EMAIL]

        def refuse_candidates(message):
            smtp_settings.refuse = message.to.endswith("@example.com")
            real_send(message)

        monkeypatch.setitem(channels.SENDERS, Channel.EMAIL, refuse_candidates)
        message = queue(key="k-fail", to="putri@example.com")
        OutboxMessage.objects.filter(pk=message.pk).update(attempts=MAX_ATTEMPTS - 1)
        with django_capture_on_commit_callbacks(execute=True):
            assert message_send(message_id=message.pk) is False
        received = [email.message_from_bytes(raw) for raw in smtp_settings.delivered]
        assert {r["To"] for r in received} == admins
        assert all(r["Subject"].startswith("Rekrut could not send a message") for r in received)
        # A second failure path for the same message (say a retried sweep) queues nothing new.
        with django_capture_on_commit_callbacks(execute=True):
            assert message_send(message_id=message.pk) is False
        assert len(smtp_settings.delivered) == len(admins)
