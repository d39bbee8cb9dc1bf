"""Links for people without an account (candidates, clinics): one purpose, an expiry, revocable, logged."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekrut.core.models.append_only import AppendOnly


class SignedLink(models.Model):
    """A link's rules. The token itself is never stored: only its SHA-256, so a copy of the database
    opens nothing. Issued, opened and revoked only through rekrut.core.signed_links."""

    purpose = models.CharField(_("purpose"), max_length=40)
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField(_("expires at"))
    max_uses = models.PositiveIntegerField(_("maximum uses"), null=True, blank=True)
    use_count = models.PositiveIntegerField(_("times used"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("signed link")
        verbose_name_plural = _("signed links")
        indexes = [models.Index(fields=["subject_type", "subject_id", "purpose"], name="signed_link_subject")]

    def __str__(self) -> str:
        return f"{self.purpose} #{self.pk}"


class LinkOutcome(models.TextChoices):
    OPENED = "opened", _("Opened (a use counted)")
    VERIFIED = "verified", _("Checked (no use counted)")
    UNKNOWN = "unknown", _("Refused: unknown or tampered token")
    WRONG_PURPOSE = "wrong_purpose", _("Refused: for another purpose")
    REVOKED = "revoked", _("Refused: revoked")
    EXPIRED = "expired", _("Refused: expired")
    USED_UP = "used_up", _("Refused: used up")


class SignedLinkUse(AppendOnly):
    """Every attempt to open a link, allowed or refused. An unknown token has no link to point at."""

    link = models.ForeignKey(SignedLink, null=True, blank=True, on_delete=models.PROTECT, related_name="uses")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    outcome = models.CharField(max_length=20, choices=LinkOutcome.choices)
    purpose = models.CharField(max_length=40)  # what the page asked for
    ip = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("signed link use")
        verbose_name_plural = _("signed link uses")

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} ({self.at:%Y-%m-%d %H:%M})"
