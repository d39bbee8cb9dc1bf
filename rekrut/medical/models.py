"""Medical check-ups (MCU): the clinics and packages HR manages, each application's check-ups, and the
health details kept apart from them.

Health data is specific personal data (UU 27/2022 Ps 4, rule P2); per D6 HR and the hiring team read only
the conclusion, so the note and the report live in their own table (HealthDetails), read only through the
selectors that check the explicit permission and write the audit row.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rekrut.medical.rules import items_split
from rekrut.pipeline.models import Application

PERMISSION = "view_health_details"


class Provider(models.Model):
    """A clinic or hospital the company sends candidates to (a managed list, retired with `is_active`)."""

    name = models.CharField(_("name"), max_length=160, unique=True)
    address = models.TextField(_("address"), max_length=500)
    city = models.CharField(_("city"), max_length=80)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("medical check-up provider")
        verbose_name_plural = _("medical check-up providers")

    def __str__(self) -> str:
        return f"{self.name} ({self.city})"


class Package(models.Model):
    """What the clinic checks. Never an HIV test (Kepmenakertrans 68/2004 Ps 5, D5): services refuse it."""

    name = models.CharField(_("name"), max_length=160, unique=True)
    items = models.TextField(
        _("items checked"),
        max_length=4000,
        help_text=_("One per line, e.g. “Darah lengkap” or “LAB-01 Darah lengkap”."),
    )
    requires_fasting = models.BooleanField(_("the candidate must fast"), default=False)
    fasting_hours = models.PositiveSmallIntegerField(_("hours of fasting"), default=10)
    instructions = models.TextField(
        _("what else to bring or know"),
        max_length=2000,
        blank=True,
        help_text=_(
            "Shown to the candidate with the invitation, e.g. “Bring your glasses if you wear them.”"
        ),
    )
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("medical check-up package")
        verbose_name_plural = _("medical check-up packages")
        constraints = [
            models.CheckConstraint(
                condition=Q(fasting_hours__gte=1, fasting_hours__lte=24), name="package_fasting_hours_range"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def item_list(self) -> list[str]:
        return items_split(self.items)


class CheckStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class Conclusion(models.TextChoices):
    """The doctor's conclusion, the categories of Indonesian MCU practice (D6; not set by law)."""

    FIT = "fit", _("Fit")
    FIT_WITH_NOTES = "fit_with_notes", _("Fit with notes")
    TEMPORARILY_UNFIT = "temporarily_unfit", _("Temporarily unfit")
    UNFIT = "unfit", _("Unfit")


class MedicalCheck(models.Model):
    """One MCU of an application. One is current; a re-test replaces it and the old one stays as history.

    Holds what HR and the hiring team may read (when, where, the conclusion); `version` grows with each
    change so that an edit from a stale page is refused instead of overwriting someone else's."""

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="medical_checks", verbose_name=_("application")
    )
    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, verbose_name=_("provider"))
    package = models.ForeignKey(Package, on_delete=models.PROTECT, verbose_name=_("package"))
    scheduled_at = models.DateTimeField(_("appointment"))
    status = models.CharField(
        _("status"), max_length=20, choices=CheckStatus.choices, default=CheckStatus.PLANNED
    )
    conclusion = models.CharField(_("conclusion"), max_length=20, choices=Conclusion.choices, blank=True)
    result_recorded_at = models.DateTimeField(_("result recorded at"), null=True, blank=True)
    result_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    cancel_reason = models.CharField(_("why it was cancelled"), max_length=300, blank=True)
    is_current = models.BooleanField(default=True)
    replaces = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="replaced_by"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("medical check-up")
        verbose_name_plural = _("medical check-ups")
        constraints = [
            models.UniqueConstraint(
                fields=["application"], condition=Q(is_current=True), name="medical_check_one_current"
            ),
            models.CheckConstraint(
                condition=~Q(status="done") | ~Q(conclusion=""), name="medical_check_done_has_conclusion"
            ),
        ]

    def __str__(self) -> str:
        # No health data here: this is what the audit log keeps as the subject's name.
        return str(_("MCU #%(id)s of %(candidate)s")) % {
            "id": self.pk,
            "candidate": self.application.candidate,
        }

    @property
    def has_result(self) -> bool:
        return bool(self.conclusion)


def report_upload_path(details: "HealthDetails", filename: str) -> str:
    # A random name: the clinic's file name may carry the candidate's name or a diagnosis.
    return f"medical/{uuid.uuid4().hex}.{details.report_kind or 'bin'}"


class ReportKind(models.TextChoices):
    PDF = "pdf", "PDF"
    JPEG = "jpg", "JPEG"
    PNG = "png", "PNG"


class HealthDetails(models.Model):
    """The note and the report of one MCU: specific personal data (UU 27/2022 Ps 4, P2), kept apart and
    read only by people holding the explicit permission, each reading written to the audit log."""

    check_up = models.OneToOneField(
        MedicalCheck, on_delete=models.PROTECT, related_name="details", verbose_name=_("medical check-up")
    )
    note = models.TextField(_("note"), max_length=5000, blank=True)
    report = models.FileField(_("report"), upload_to=report_upload_path, blank=True)
    report_name = models.CharField(_("report's file name"), max_length=200, blank=True)
    report_kind = models.CharField(max_length=4, choices=ReportKind.choices, blank=True)
    report_size = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("health details")
        verbose_name_plural = _("health details")
        # Granted to a person by an HR admin (accounts:specific_data), never by a role or superuser status.
        permissions = [(PERMISSION, _("Can see medical check-up details and reports"))]

    def __str__(self) -> str:
        return str(self.check_up)
