"""The e-mail channel's sender: one outbox row becomes one e-mail through Django's mail backend."""

from email import encoders
from email.message import Message
from email.mime.base import MIMEBase
from email.mime.text import MIMEText
from typing import Any, cast

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from rekrut.notifications.models import OutboxMessage


def email_send(message: OutboxMessage) -> None:
    """Sends the message or raises. The Message-ID comes from the unique key, so it is the same on every
    attempt: if a worker died after the SMTP server accepted the mail but before the row said "sent", the
    message is sent again after its lease, and receivers (and most mail servers) drop the copy by its
    Message-ID. That window, a few milliseconds, is the only way one message can leave twice.

    Attachments marked `alternative` (a calendar invitation) go beside the text body in
    multipart/alternative, with their content-type parameters (method=REQUEST); a copy with a file name is
    attached as well. The rest are attached as files. Either way the mail is multipart/mixed on the outside.
    """
    email = _Email(
        message.subject,
        message.body,
        settings.DEFAULT_FROM_EMAIL,
        [message.to],
        headers={"Message-ID": message_id_header(message.key)},
    )
    for attachment in message.attachments:
        if attachment.get("alternative"):
            email.attach_alternative(attachment["content"], attachment["mimetype"])
            email.alternative_params.append(attachment.get("params", {}))
            if attachment.get("filename"):
                file_type = attachment.get("file_mimetype") or attachment["mimetype"]
                email.attach(_mime_part({**attachment, "mimetype": file_type}))
        else:
            email.attach(_mime_part(attachment))
    email.send()


class _Email(EmailMultiAlternatives):
    """Django builds the alternative parts from a bare content type; their parameters are set here."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.alternative_params: list[dict] = []

    def message(self, **kwargs: Any) -> Any:
        built = super().message(**kwargs)
        if self.alternatives:
            (alternative,) = [p for p in built.walk() if p.get_content_type() == "multipart/alternative"]
            parts = cast(list[Message], alternative.get_payload())  # [the text body, *the alternatives]
            for part, params in zip(parts[1:], self.alternative_params, strict=True):
                for name, value in params.items():
                    part.set_param(name, value, requote=False)  # method=REQUEST, as Outlook writes it
        return built


def message_id_header(key: str) -> str:
    return f"<{key}@rekrut>"


def _mime_part(attachment: dict) -> MIMEBase:
    """An attachment with its content-type parameters (a calendar invite needs method=REQUEST)."""
    maintype, _, subtype = attachment["mimetype"].partition("/")
    part: MIMEBase
    if maintype == "text":
        part = MIMEText(attachment["content"], subtype or "plain", "utf-8")
    else:
        part = MIMEBase(maintype, subtype)
        part.set_payload(attachment["content"].encode())
        encoders.encode_base64(part)
    for name, value in attachment.get("params", {}).items():
        part.set_param(name, value)
    part.add_header("Content-Disposition", "attachment", filename=attachment["filename"])
    return part
