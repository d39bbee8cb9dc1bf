"""Employment contracts (PKWT/PKWTT) made from an accepted offer: one row per version, its signing history
and the signed scans.

A version keeps everything its document says (a snapshot of the offer, the candidate and the company as
they were), and the PDF itself, so a later change to the offer or the candidate never rewrites a contract
that was already handed out. Regenerating makes the next version; the earlier one stays, superseded.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rekrut.core.models import AppendOnly
from rekrut.offers.models import Offer, OfferEmployment, WorkingPattern
from rekrut.pipeline.models import Application


class ContractStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENT = "sent", _("Sent to the candidate")
    CANDIDATE_SIGNED = "candidate_signed", _("Signed by the candidate")
    SIGNED = "signed", _("Signed by both")
    SUPERSEDED = "superseded", _("Replaced by a newer version")


# The signing steps, in the only order they may happen.
SIGNING_ORDER = (
    ContractStatus.DRAFT,
    ContractStatus.SENT,
    ContractStatus.CANDIDATE_SIGNED,
    ContractStatus.SIGNED,
)


class Sex(models.TextChoices):
    MALE = "m", _("Male")
    FEMALE = "f", _("Female")


class PayMethod(models.TextChoices):
    TRANSFER = "transfer", _("Bank transfer to the worker's account")
    CASH = "cash", _("Cash")


class Contract(models.Model):
    """One version of an application's contract. Only rekrut.contracts.services writes it."""

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="contracts", verbose_name=_("application")
    )
    offer = models.ForeignKey(
        Offer, on_delete=models.PROTECT, related_name="contracts", verbose_name=_("accepted offer")
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    status = models.CharField(
        _("status"), max_length=20, choices=ContractStatus.choices, default=ContractStatus.DRAFT
    )
    employment_type = models.CharField(_("employment status"), max_length=6, choices=OfferEmployment.choices)

    # UU 13/2003 Ps 54(1) (rule C5), as the document states it.
    company_name = models.CharField(_("company name"), max_length=200)
    company_address = models.TextField(_("company address"), max_length=500)
    company_business = models.CharField(_("line of business"), max_length=200)
    worker_name = models.CharField(_("worker's name"), max_length=160)
    worker_sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    worker_birth_date = models.DateField(_("date of birth"))
    worker_address = models.TextField(_("worker's address"), max_length=500)
    position = models.CharField(_("position"), max_length=160)
    department = models.CharField(_("department"), max_length=160, blank=True)
    workplace = models.CharField(_("workplace"), max_length=300)
    base_salary = models.PositiveBigIntegerField(_("base salary (Rp per month)"))
    # [{"kind": "fixed"|"variable", "name": ..., "amount": ...}] as on the accepted offer.
    allowances = models.JSONField(_("allowances"), default=list, blank=True)
    pay_method = models.CharField(_("how the wage is paid"), max_length=10, choices=PayMethod.choices)
    pay_day = models.PositiveSmallIntegerField(_("pay day of the month"))
    start_date = models.DateField(_("start date"))
    contract_months = models.PositiveSmallIntegerField(_("contract length (months)"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    probation_months = models.PositiveSmallIntegerField(_("probation (months)"), default=0)
    working_pattern = models.CharField(
        _("working pattern"), max_length=3, choices=WorkingPattern.choices, default=WorkingPattern.FIVE_DAYS
    )
    annual_leave_days = models.PositiveSmallIntegerField(_("annual leave (working days)"), default=12)
    benefits = models.TextField(_("benefits"), blank=True)
    extra_terms = models.TextField(_("other provisions"), max_length=5000, blank=True)
    signing_place = models.CharField(_("place of signing"), max_length=120)
    signing_date = models.DateField(_("date of signing"))
    signatory = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("signatory")
    )
    signatory_name = models.CharField(_("signatory's name"), max_length=160)
    signatory_title = models.CharField(_("signatory's position"), max_length=120, blank=True)

    document = models.BinaryField(_("contract document (PDF)"), editable=False)
    generated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    generated_at = models.DateTimeField(auto_now_add=True)

    # The signing steps (services.contract_send, contract_candidate_sign, contract_company_sign).
    sent_at = models.DateTimeField(_("sent on"), null=True, blank=True)
    candidate_signed_on = models.DateField(_("signed by the candidate on"), null=True, blank=True)
    company_signed_on = models.DateField(_("signed by the company on"), null=True, blank=True)

    # PP 35/2021 Ps 13-14 (rule C6): a PKWT is registered within 3 working days of signing.
    registration_due = models.DateField(_("register by"), null=True, blank=True)
    registered_on = models.DateField(_("registered on"), null=True, blank=True)
    registration_number = models.CharField(_("registration number"), max_length=100, blank=True)
    registration_reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["application", "-version"]
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")
        constraints = [
            models.UniqueConstraint(fields=["application", "version"], name="contract_version_unique"),
            # One version of an application's contract is current; the others are history.
            models.UniqueConstraint(
                fields=["application"],
                condition=~Q(status="superseded"),
                name="contract_one_current_per_application",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.worker_name} · {self.position} v{self.version}"

    @property
    def is_pkwt(self) -> bool:
        return self.employment_type == OfferEmployment.PKWT

    @property
    def is_fully_signed(self) -> bool:
        return self.status == ContractStatus.SIGNED

    @property
    def needs_registration(self) -> bool:
        return self.is_pkwt and self.is_fully_signed and self.registered_on is None

    def benefit_lines(self) -> list[str]:
        return [line.strip() for line in self.benefits.splitlines() if line.strip()]

    def extra_term_lines(self) -> list[str]:
        return [line.strip() for line in self.extra_terms.splitlines() if line.strip()]


class ContractEventKind(models.TextChoices):
    GENERATED = "generated", _("Generated")
    SENT = "sent", _("Sent to the candidate")
    CANDIDATE_SIGNED = "candidate_signed", _("Signed by the candidate")
    COMPANY_SIGNED = "company_signed", _("Signed by the company")
    SCAN_UPLOADED = "scan_uploaded", _("Signed scan uploaded")
    REGISTERED = "registered", _("Registered with the Ministry of Manpower")
    SUPERSEDED = "superseded", _("Replaced by a newer version")


class ContractEvent(AppendOnly):
    """One step in a contract's life: who, when, and the date it names (e.g. the day it was signed)."""

    contract = models.ForeignKey(Contract, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(max_length=20, choices=ContractEventKind.choices)
    on = models.DateField(null=True, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["contract", "at", "pk"]
        verbose_name = _("contract history row")
        verbose_name_plural = _("contract history")

    def __str__(self) -> str:
        return f"{self.contract} {self.kind}"


class ScanKind(models.TextChoices):
    PDF = "pdf", "PDF"
    JPEG = "jpg", "JPEG"
    PNG = "png", "PNG"


def scan_upload_path(scan: "ContractScan", filename: str) -> str:
    # A random name: the uploaded name may carry the worker's name.
    return f"contracts/{uuid.uuid4().hex}.{scan.kind or 'bin'}"


class ContractScan(AppendOnly):
    """A scan (or phone photo) of the signed paper contract. Kept, never replaced: the newest is shown."""

    contract = models.ForeignKey(Contract, on_delete=models.PROTECT, related_name="scans")
    file = models.FileField(upload_to=scan_upload_path)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=4, choices=ScanKind.choices)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["contract", "-uploaded_at", "-pk"]
        verbose_name = _("signed contract scan")
        verbose_name_plural = _("signed contract scans")

    def __str__(self) -> str:
        return self.name
