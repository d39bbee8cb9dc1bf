"""Writes for the outbox: queue a message in the caller's transaction, send it once, retry, give up loudly."""

import hashlib
import logging
from datetime import timedelta
from typing import NamedTuple

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from rekrut.core.hooks import Hook
from rekrut.notifications.channels import sender_for
from rekrut.notifications.models import Channel, MessageStatus, OutboxMessage
from rekrut.notifications.wording import message_word

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5
# A webhook is retried for about a day and a half (the waits double up to six hours): a receiving system
# down for a night or a weekend deploy still gets every event. An e-mail gives up sooner, and tells HR.
MAX_ATTEMPTS_OF_CHANNEL: dict[str, int] = {Channel.WEBHOOK: 12}
LONGEST_WAIT = timedelta(hours=6)


def attempts_allowed(channel: str) -> int:
    return MAX_ATTEMPTS_OF_CHANNEL.get(channel, MAX_ATTEMPTS)


class SendInterrupted(Exception):
    """A worker claimed the message and stopped before it knew the outcome."""


class Recipient(NamedTuple):
    to: str
    language: str


failure_recipients: Hook[[], list[Recipient]] = Hook(
    "outbox_failure_recipients",
    """Who is told by e-mail when a message fails for good. The accounts app answers: every active HR
    admin. Declared here because notifications sits below accounts and may not import it.""",
)


def message_queue(
    *,
    key: str,
    to: str,
    template: str = "",
    context: dict | None = None,
    language: str = "",
    channel: str = Channel.EMAIL,
    payload: dict | None = None,
    attachments: list[dict] | None = None,
    notify_on_failure: bool = True,
) -> OutboxMessage:
    """Queues one message in the caller's transaction; the worker sends it after commit.

    For e-mail, the message is worded now, in the recipient's `language` (the company's default when not
    given): HR's own wording of the template's purpose when there is one (wording.py), else
    `<template>_subject.txt` and `<template>.txt` by the plain-text engine (no HTML escaping); a message
    to a candidate ends with the anti-scam footer. Other channels carry `payload` instead.
    """
    sender_for(channel)  # an unknown channel fails here, in the caller's request, not later in the worker
    language = language or settings.LANGUAGE_CODE
    subject = body = ""
    if template:
        subject, body = message_word(template=template, context=context, language=language)
    message, created = OutboxMessage.objects.get_or_create(
        key=key,
        defaults={
            "channel": channel,
            "to": to,
            "language": language,
            "subject": subject[:250],
            "body": body,
            "payload": payload or {},
            "attachments": attachments or [],
            "notify_on_failure": notify_on_failure,
            "next_attempt_at": timezone.now(),
        },
    )
    if created:
        from rekrut.notifications.tasks import outbox_deliver

        transaction.on_commit(lambda: outbox_deliver.enqueue(message.pk))
    return message


def _claimable() -> Q:
    """Due rows, and rows whose sender died mid-send: their claim is older than the lease."""
    current = timezone.now()
    lease_over = current - timedelta(seconds=settings.OUTBOX_LEASE_SECONDS)
    return Q(status=MessageStatus.PENDING, next_attempt_at__lte=current) | Q(
        status=MessageStatus.SENDING, claimed_at__lt=lease_over
    )


def message_send(*, message_id: int) -> bool:
    """Sends one due message; True when it went out.

    The claim is one conditional UPDATE, so of two workers only one gets the row. It stamps `claimed_at`,
    which is both the lease (a worker killed mid-send leaves the row "sending"; it is claimed again when
    the lease is over) and this attempt's token: the outcome is written only while the claim is still ours.
    A crashed attempt counts as an attempt, so a message that kills its worker cannot loop forever.
    """
    claimed_at = timezone.now()
    claimed = OutboxMessage.objects.filter(_claimable(), pk=message_id).update(
        status=MessageStatus.SENDING, claimed_at=claimed_at, attempts=F("attempts") + 1
    )
    if not claimed:
        return False
    message = OutboxMessage.objects.get(pk=message_id)
    ours = OutboxMessage.objects.filter(pk=message_id, status=MessageStatus.SENDING, claimed_at=claimed_at)
    if message.attempts > attempts_allowed(message.channel):
        # The last attempt's worker died mid-send (perhaps this message kills it): give up, do not loop.
        message.attempts = attempts_allowed(message.channel)
        _attempt_failed(message=message, ours=ours, error=SendInterrupted("the worker stopped while sending"))
        return False
    try:
        sender_for(message.channel)(message)
    except Exception as error:
        log.warning("outbox message %s failed (attempt %s): %s", message.pk, message.attempts, error)
        _attempt_failed(message=message, ours=ours, error=error)
        return False
    if not ours.update(status=MessageStatus.SENT, sent_at=timezone.now()):
        log.warning("outbox message %s was sent after its lease ran out", message.pk)
    return True


@transaction.atomic
def _attempt_failed(*, message: OutboxMessage, ours: QuerySet[OutboxMessage], error: Exception) -> None:
    """Back off (2, 4, 8, ... minutes, at most six hours) or, after the last attempt, mark it failed and tell
    the HR admins."""
    final = message.attempts >= attempts_allowed(message.channel)
    message.last_error = f"{type(error).__name__}: {error}"[:2000]
    updated = ours.update(
        status=MessageStatus.FAILED if final else MessageStatus.PENDING,
        attempts=message.attempts,
        last_error=message.last_error,
        next_attempt_at=timezone.now() + min(timedelta(minutes=2**message.attempts), LONGEST_WAIT),
    )
    if final and updated and message.notify_on_failure:
        _failure_notices_queue(message=message)


def _failure_notices_queue(*, message: OutboxMessage) -> None:
    """One notice per failed message and recipient (the key says so). The notices themselves do not
    notify on failure, so a broken mail server produces failed notices, never notices about notices."""
    recipients = [r for answer in failure_recipients.run() for r in answer]
    if not recipients:
        log.error("outbox message %s failed and there is nobody to tell", message.pk)
    admin_url = settings.SITE_URL + reverse("admin:notifications_outboxmessage_change", args=[message.pk])
    for recipient in recipients:
        digest = hashlib.sha256(recipient.to.lower().encode()).hexdigest()[:16]
        message_queue(
            key=f"outbox-{message.pk}-failed-notice-{digest}",
            to=recipient.to,
            language=recipient.language,
            template="notifications/email/failed",
            context={
                "key": message.key,
                "channel": Channel(message.channel).label,  # lazy: rendered in the recipient's language
                "to": message.to,
                "subject": message.subject or message.key,
                "attempts": message.attempts,
                "error": message.last_error,
                "url": admin_url,
                "company": settings.COMPANY_NAME,
            },
            notify_on_failure=False,
        )


def outbox_drain(*, limit: int = 100) -> int:
    """Sends every due message (new ones, retries, those a dead worker left); returns how many went out."""
    due = OutboxMessage.objects.filter(_claimable()).order_by("next_attempt_at")
    return sum(message_send(message_id=pk) for pk in due.values_list("pk", flat=True)[:limit])
