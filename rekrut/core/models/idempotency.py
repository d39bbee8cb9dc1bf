"""Idempotency keys: a create sent twice (a double click, a retry after a timeout) is carried out once."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

KEY_MAX_LENGTH = 100


class IdempotencyKey(models.Model):
    """One person's key for one submitted form or API request, written in the transaction of the create
    it guarded; a repeat with the same key returns `result` instead of creating again. Written only
    through rekrut.core.idempotency."""

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=KEY_MAX_LENGTH)
    action = models.CharField(_("action"), max_length=60)
    # SHA-256 of the action and its inputs: the same key sent with other inputs is refused, not replayed.
    fingerprint = models.CharField(max_length=64)
    result_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    result_id = models.PositiveBigIntegerField(null=True, blank=True)
    result = GenericForeignKey("result_type", "result_id")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("idempotency key")
        verbose_name_plural = _("idempotency keys")
        constraints = [
            models.UniqueConstraint(fields=["actor", "key"], name="idempotency_key_once_per_actor"),
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.key}"
