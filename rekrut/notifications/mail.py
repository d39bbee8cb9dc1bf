"""The e-mail channel's sender: one outbox row becomes one e-mail through Django's mail backend."""

from email.mime.text import MIMEText

from django.conf import settings
from django.core.mail import EmailMessage

from rekrut.notifications.models import OutboxMessage


def email_send(message: OutboxMessage) -> None:
    """Sends the message or raises. The Message-ID comes from the unique key, so it is the same on every
    attempt: if a worker died after the SMTP server accepted the mail but before the row said "sent", the
    message is sent again after its lease, and receivers (and most mail servers) drop the copy by its
    Message-ID. That window, a few milliseconds, is the only way one message can leave twice."""
    email = EmailMessage(
        message.subject,
        message.body,
        settings.DEFAULT_FROM_EMAIL,
        [message.to],
        headers={"Message-ID": message_id_header(message.key)},
    )
    for attachment in message.attachments:
        email.attach(_mime_part(attachment))
    email.send()


def message_id_header(key: str) -> str:
    return f"<{key}@rekrut>"


def _mime_part(attachment: dict) -> MIMEText:
    """A text attachment with its content-type parameters (a calendar invite needs method=REQUEST)."""
    _text, _, subtype = attachment["mimetype"].partition("/")
    part = MIMEText(attachment["content"], subtype or "plain", "utf-8")
    for name, value in attachment.get("params", {}).items():
        part.set_param(name, value)
    part.add_header("Content-Disposition", "attachment", filename=attachment["filename"])
    return part
