from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class MessageStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed after retries")


class Channel(models.TextChoices):
    """How a message travels; each channel has one sender, registered in channels.py."""

    EMAIL = "email", _("E-mail")
    WEBHOOK = "webhook", _("Webhook")


class OutboxMessage(models.Model):
    """A message written in the same transaction as the change that caused it, sent later by the worker.

    `key` is unique, so the same event can never queue its message twice; the worker claims a row before
    sending, so two workers never send it twice either. A claim is a lease: a row left "sending" by a
    worker that died is claimed again once `claimed_at` is older than OUTBOX_LEASE_SECONDS.
    """

    key = models.CharField(_("key"), max_length=200, unique=True)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, default=Channel.EMAIL)
    # An e-mail address for e-mail; a URL for a webhook.
    to = models.CharField(_("to"), max_length=500)
    # The recipient's language: subject and body were rendered in it.
    language = models.CharField(_("language"), max_length=10, default="id")
    subject = models.CharField(_("subject"), max_length=250, blank=True)
    body = models.TextField(_("body"), blank=True)
    # What a non-mail channel sends (a webhook's JSON body); e-mail leaves it empty.
    payload = models.JSONField(_("payload"), default=dict, blank=True)
    # [{"filename", "content" (text), "mimetype", "params": {...}}], e.g. a calendar invite (text/calendar).
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    # False for the failure notices themselves, so a notice that fails tells nobody (no loop).
    notify_on_failure = models.BooleanField(_("tell HR admins if it fails"), default=True)
    status = models.CharField(
        _("status"), max_length=20, choices=MessageStatus.choices, default=MessageStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), db_index=True)
    claimed_at = models.DateTimeField(_("claimed by a worker at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        # The candidate page lists what was sent to one address, matched without case.
        indexes = [models.Index(Lower("to"), name="outbox_to_lower")]
        verbose_name = _("outgoing message")
        verbose_name_plural = _("outbox")

    def __str__(self) -> str:
        return f"{self.subject or self.key} → {self.to}"


class WorkerBeat(models.Model):
    """A running `rekrut worker` says it is alive here every few seconds; a stale row means a dead worker."""

    worker_id = models.CharField(_("worker"), max_length=64, unique=True)
    hostname = models.CharField(_("host name"), max_length=255, blank=True)
    pid = models.PositiveIntegerField(_("process id"), null=True, blank=True)
    started_at = models.DateTimeField(_("started at"))
    beat_at = models.DateTimeField(_("last beat at"), db_index=True)

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self) -> str:
        return f"{self.worker_id} @ {self.hostname}:{self.pid}"


class SweepLease(models.Model):
    """One periodic job of the worker's sweep (reminders, retention, digests, recovery) is held by one
    worker until `held_until`: with several workers on several machines each job runs once per period.
    Taken by a conditional UPDATE (or the first INSERT), which SQLite and PostgreSQL both make atomic."""

    job = models.CharField(_("periodic job"), max_length=200, unique=True)
    held_until = models.DateTimeField(_("held until"))
    worker_id = models.CharField(_("worker"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("periodic job lease")
        verbose_name_plural = _("periodic job leases")

    def __str__(self) -> str:
        return f"{self.job} until {self.held_until:%Y-%m-%d %H:%M:%S}"


class MessageTemplate(models.Model):
    """HR's own wording of one purpose's message in one language (notifications.purposes), used instead
    of the file template. A reset empties subject and body and keeps the row, so the version only grows:
    an editor who loaded an older version is refused, whatever happened in between."""

    purpose = models.CharField(_("purpose"), max_length=200)
    language = models.CharField(_("language"), max_length=10)
    subject = models.CharField(_("subject"), max_length=250, blank=True)
    body = models.TextField(_("body"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=0)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["purpose", "language"], name="message_template_one_per_language")
        ]
        verbose_name = _("message template")
        verbose_name_plural = _("message templates")

    def __str__(self) -> str:
        return f"{self.purpose} ({self.language})"

    @property
    def is_changed(self) -> bool:
        return bool(self.body.strip())


# Webhook endpoints and their delivery log live in their own module; imported here so Django finds them.
from rekrut.notifications.webhooks.models import WebhookAttempt as WebhookAttempt  # noqa: E402
from rekrut.notifications.webhooks.models import WebhookEndpoint as WebhookEndpoint  # noqa: E402
