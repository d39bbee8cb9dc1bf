from django.db import models
from django.utils.translation import gettext_lazy as _


class MessageStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed after retries")


class OutboxMessage(models.Model):
    """An e-mail written in the same transaction as the change that caused it, sent later by the worker.

    `key` is unique, so the same event can never queue its message twice; the worker claims a row before
    sending, so two workers never send it twice either.
    """

    key = models.CharField(max_length=200, unique=True)
    to = models.EmailField()
    subject = models.CharField(max_length=250)
    body = models.TextField()
    # [{"filename", "content" (text), "mimetype", "params": {...}}], e.g. a calendar invite (text/calendar).
    attachments = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=20, choices=MessageStatus.choices, default=MessageStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(db_index=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("outgoing message")
        verbose_name_plural = _("outbox")

    def __str__(self) -> str:
        return f"{self.subject} → {self.to}"
