import logging
from datetime import timedelta
from email.mime.text import MIMEText

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation

from rekrut.notifications.models import MessageStatus, OutboxMessage

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


def message_queue(
    *,
    key: str,
    to: str,
    template: str,
    context: dict,
    language: str = "id",
    attachments: list[dict] | None = None,
) -> OutboxMessage:
    """Renders `<template>_subject.txt` and `<template>.txt` now and queues them; sent after commit."""
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}.txt", context)
    message, created = OutboxMessage.objects.get_or_create(
        key=key,
        defaults={
            "to": to,
            "subject": subject[:250],
            "body": body,
            "attachments": attachments or [],
            "next_attempt_at": timezone.now(),
        },
    )
    if created:
        from rekrut.notifications.tasks import outbox_deliver

        transaction.on_commit(lambda: outbox_deliver.enqueue(message.pk))
    return message


def message_send(*, message_id: int) -> bool:
    """Sends one due message. Claiming it first (pending → sending) means only one sender ever sends it."""
    claimed = OutboxMessage.objects.filter(
        pk=message_id, status=MessageStatus.PENDING, next_attempt_at__lte=timezone.now()
    ).update(status=MessageStatus.SENDING, attempts=F("attempts") + 1)
    if not claimed:
        return False
    message = OutboxMessage.objects.get(pk=message_id)
    email = EmailMessage(
        message.subject,
        message.body,
        settings.DEFAULT_FROM_EMAIL,
        [message.to],
        headers={"Message-ID": f"<{message.key}@rekrut>"},
    )
    for attachment in message.attachments:
        email.attach(_mime_part(attachment))
    try:
        email.send()
    except Exception as error:
        log.warning("outbox message %s failed: %s", message.pk, error)
        failed = message.attempts >= MAX_ATTEMPTS
        OutboxMessage.objects.filter(pk=message.pk).update(
            status=MessageStatus.FAILED if failed else MessageStatus.PENDING,
            last_error=str(error)[:2000],
            next_attempt_at=timezone.now() + timedelta(minutes=2**message.attempts),
        )
        return False
    OutboxMessage.objects.filter(pk=message.pk).update(status=MessageStatus.SENT, sent_at=timezone.now())
    return True


def outbox_drain(*, limit: int = 100) -> int:
    """Sends every due message (new ones and retries); returns how many went out."""
    due = OutboxMessage.objects.filter(status=MessageStatus.PENDING, next_attempt_at__lte=timezone.now())
    return sum(message_send(message_id=pk) for pk in due.values_list("pk", flat=True)[:limit])


def _mime_part(attachment: dict) -> MIMEText:
    """A text attachment with its content-type parameters (a calendar invite needs method=REQUEST)."""
    _text, _, subtype = attachment["mimetype"].partition("/")
    part = MIMEText(attachment["content"], subtype or "plain", "utf-8")
    for name, value in attachment.get("params", {}).items():
        part.set_param(name, value)
    part.add_header("Content-Disposition", "attachment", filename=attachment["filename"])
    return part
