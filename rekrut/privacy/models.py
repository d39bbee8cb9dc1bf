from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# UU 27/2022 PDP Ps 32: a request to access, correct or stop processing is answered within 3×24 hours.
ANSWER_WITHIN = timedelta(hours=72)


class RequestKind(models.TextChoices):
    CORRECTION = "correction", _("Correct my data")
    CONSENT_WITHDRAWAL = "consent_withdrawal", _("Withdraw a consent")
    DELETION = "deletion", _("Delete my data")


class RequestStatus(models.TextChoices):
    OPEN = "open", _("Waiting for HR")
    DONE = "done", _("Done")
    REFUSED = "refused", _("Refused")


class DataRequest(models.Model):
    """A candidate's request about their personal data (UU PDP Ps 6, 8, 9), answered by an HR admin."""

    candidate = models.ForeignKey(
        "candidates.Candidate",
        on_delete=models.PROTECT,
        related_name="data_requests",
        verbose_name=_("candidate"),
    )
    kind = models.CharField(_("request"), max_length=24, choices=RequestKind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.OPEN
    )
    # What the candidate wrote: what to correct, or why they ask. Erased with the rest of their data.
    details = models.TextField(_("details"), max_length=2000, blank=True)
    # For a consent withdrawal: the purpose withdrawn (candidates.ConsentPurpose).
    purpose = models.CharField(_("consent"), max_length=32, blank=True)
    created_at = models.DateTimeField(_("asked at"), db_index=True)
    due_at = models.DateTimeField(_("answer due"))
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # HR's answer, shown to the candidate.
    answer = models.TextField(_("answer"), max_length=2000, blank=True)

    class Meta:
        ordering = ["due_at", "pk"]
        verbose_name = _("data request")
        verbose_name_plural = _("data requests")
        indexes = [models.Index(fields=["status", "due_at"], name="data_request_queue")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"


class RetentionHold(models.Model):
    """HR keeps a rejected or withdrawn candidate past the retention period until `until`, with a reason
    (the talent pool needs the candidate's consent for it: UU PDP Ps 20, 22)."""

    candidate = models.OneToOneField(
        "candidates.Candidate", on_delete=models.CASCADE, related_name="retention_hold"
    )
    until = models.DateField(_("keep until"))
    reason = models.TextField(_("reason"), max_length=1000)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(_("set at"))

    class Meta:
        verbose_name = _("retention extension")
        verbose_name_plural = _("retention extensions")

    def __str__(self) -> str:
        return f"{self.candidate_id} → {self.until}"


class ErasureReason(models.TextChoices):
    REQUEST = "request", _("The candidate asked for deletion")
    RETENTION = "retention", _("The retention period ended")


class Erasure(models.Model):
    """The mark that a candidate's personal data was erased: when, why, by whom. The record stays,
    anonymised, so the applications and their history still count in reports."""

    candidate = models.OneToOneField("candidates.Candidate", on_delete=models.PROTECT, related_name="erasure")
    at = models.DateTimeField(_("erased at"))
    reason = models.CharField(_("reason"), max_length=12, choices=ErasureReason.choices)
    request = models.ForeignKey(
        DataRequest, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("erasure")
        verbose_name_plural = _("erasures")

    def __str__(self) -> str:
        return f"{self.candidate_id} · {self.at:%Y-%m-%d}"


class PrivacyPolicy(models.Model):
    """The company's retention setting (one row)."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    retention_months = models.PositiveSmallIntegerField(
        _("keep rejected and withdrawn candidates for (months)"),
        default=12,
        help_text=_(
            "After this many months since their last application closed, a candidate's personal data is "
            "anonymised (UU PDP Ps 43). HR can keep a candidate longer, with a reason."
        ),
    )
    # When the retention sweep last ran: it runs once an hour, not on every worker sweep.
    swept_at = models.DateTimeField(_("retention last run at"), null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("data retention settings")
        verbose_name_plural = _("data retention settings")
        constraints = [
            models.CheckConstraint(condition=Q(id=1), name="privacy_policy_single_row"),
            models.CheckConstraint(
                condition=Q(retention_months__gte=1, retention_months__lte=120),
                name="privacy_retention_range",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Data retention settings"))
