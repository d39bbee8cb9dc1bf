"""Offers and the dated tables their rules read (minimum wages, BPJS rates).

Minimum wages, BPJS rates and caps change every year: they are rows with a valid-from date that HR admins
edit in Settings, never constants. A rule reads the row in force on the offer's start date.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rekrut.core.models import AppendOnly
from rekrut.jobs.models import Department, Location
from rekrut.pipeline.models import Application


class RegionKind(models.TextChoices):
    PROVINCE = "province", _("Province (UMP)")
    CITY = "city", _("Regency or city (UMK)")


class WageRegion(models.Model):
    """A province (its UMP) or a regency/city (its UMK). A work location falls in the region whose
    `city_names` list its city; a regency/city is more specific than its province (UMK over UMP)."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=RegionKind.choices)
    province = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cities",
        limit_choices_to={"kind": RegionKind.PROVINCE},
        verbose_name=_("province"),
    )
    city_names = models.CharField(
        _("cities of work locations in this region"),
        max_length=400,
        blank=True,
        help_text=_(
            "The city of a work location (Settings › Locations) as written there, separated by commas, "
            "e.g. “Bandung”. A location in a listed city uses this region's minimum wage."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("minimum wage region")
        verbose_name_plural = _("minimum wage regions")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.kind == RegionKind.CITY and self.province_id is None:
            raise ValidationError({"province": _("A regency or city belongs to a province.")})
        if self.kind == RegionKind.PROVINCE and self.province_id is not None:
            raise ValidationError({"province": _("A province does not belong to another province.")})

    def city_name_set(self) -> set[str]:
        return {name.strip().casefold() for name in self.city_names.split(",") if name.strip()}


class MinimumWage(models.Model):
    """UMP or UMK of a region from a date (UU 6/2023 Ps 81 (Ps 88C UU 13/2003); PP 36/2021 as amended by
    PP 49/2025; rule O3): set yearly by the governor's decree, in force from 1 January."""

    region = models.ForeignKey(
        WageRegion, on_delete=models.PROTECT, related_name="minimum_wages", verbose_name=_("region")
    )
    valid_from = models.DateField(_("valid from"))
    amount = models.PositiveBigIntegerField(_("monthly minimum wage (Rp)"), validators=[MinValueValidator(1)])
    source = models.CharField(
        _("source"), max_length=200, blank=True, help_text=_("The decree, e.g. its number.")
    )

    class Meta:
        ordering = ["region__name", "-valid_from"]
        verbose_name = _("minimum wage")
        verbose_name_plural = _("minimum wages")
        constraints = [
            models.UniqueConstraint(fields=["region", "valid_from"], name="minimum_wage_one_per_date"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="minimum_wage_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.valid_from:%Y-%m-%d}"


class BpjsProgramme(models.TextChoices):
    KESEHATAN = "kesehatan", _("BPJS Kesehatan (health)")
    JHT = "jht", _("JHT (old-age savings)")
    JP = "jp", _("JP (pension)")
    JKK = "jkk", _("JKK (work accident)")
    JKM = "jkm", _("JKM (death)")


percent_validators = [MinValueValidator(0), MaxValueValidator(100)]


class BpjsRate(models.Model):
    """One programme's contribution rates from a date (rule O6): the company's and the employee's share
    of the wage base (basic + fixed allowances), which some programmes cap."""

    programme = models.CharField(_("programme"), max_length=12, choices=BpjsProgramme.choices)
    valid_from = models.DateField(_("valid from"))
    employer_percent = models.DecimalField(
        _("company share (%)"), max_digits=5, decimal_places=2, validators=percent_validators
    )
    employee_percent = models.DecimalField(
        _("employee share (%)"), max_digits=5, decimal_places=2, validators=percent_validators
    )
    wage_cap = models.PositiveBigIntegerField(
        _("wage base cap (Rp)"),
        null=True,
        blank=True,
        help_text=_("Contributions are counted on at most this monthly wage. Empty: no cap."),
    )
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        ordering = ["programme", "-valid_from"]
        verbose_name = _("BPJS rate")
        verbose_name_plural = _("BPJS rates")
        constraints = [
            models.UniqueConstraint(fields=["programme", "valid_from"], name="bpjs_rate_one_per_date"),
        ]

    def __str__(self) -> str:
        return f"{self.get_programme_display()} {self.valid_from:%Y-%m-%d}"


class OfferStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_APPROVAL = "in_approval", _("In approval")
    APPROVED = "approved", _("Approved")
    SENT = "sent", _("Sent to the candidate")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    SUPERSEDED = "superseded", _("Replaced by a newer version")
    EXPIRED = "expired", _("Expired")


# A new version replaces an offer in these states; it is still live until then.
LIVE_STATUSES = frozenset({OfferStatus.IN_APPROVAL, OfferStatus.APPROVED, OfferStatus.SENT})


class OfferEmployment(models.TextChoices):
    PKWT = "pkwt", _("Fixed-term contract (PKWT)")
    PKWTT = "pkwtt", _("Permanent (PKWTT)")


class WorkingPattern(models.TextChoices):
    """PP 35/2021 Ps 21 (rule C9): 40 hours a week as 8 hours × 5 days or 7 hours × 6 days."""

    FIVE_DAYS = "5x8", _("5 days × 8 hours")
    SIX_DAYS = "6x7", _("6 days × 7 hours")


class Offer(models.Model):
    """One version of an offer to an application. Saving a draft edits it; changing an offer that has
    left draft makes the next version, and the earlier one stays as history."""

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="offers", verbose_name=_("application")
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    # Optimistic lock: counts saves, so two people editing one draft cannot overwrite each other.
    lock_version = models.PositiveIntegerField(default=1)
    status = models.CharField(
        _("status"), max_length=12, choices=OfferStatus.choices, default=OfferStatus.DRAFT
    )
    position = models.CharField(_("position"), max_length=160)
    department = models.ForeignKey(Department, on_delete=models.PROTECT, verbose_name=_("department"))
    work_location = models.ForeignKey(Location, on_delete=models.PROTECT, verbose_name=_("work location"))
    start_date = models.DateField(_("start date"))
    employment_type = models.CharField(_("employment status"), max_length=6, choices=OfferEmployment.choices)
    contract_months = models.PositiveSmallIntegerField(_("contract length (months)"), null=True, blank=True)
    end_date = models.DateField(_("contract end date"), null=True, blank=True)
    earlier_pkwt_months = models.PositiveSmallIntegerField(
        _("earlier fixed-term contracts with the company (months)"), default=0
    )
    probation_months = models.PositiveSmallIntegerField(_("probation (months)"), default=0)
    base_salary = models.PositiveBigIntegerField(_("base salary (Rp per month)"))
    working_pattern = models.CharField(
        _("working pattern"), max_length=3, choices=WorkingPattern.choices, default=WorkingPattern.FIVE_DAYS
    )
    annual_leave_days = models.PositiveSmallIntegerField(_("annual leave (working days)"), default=12)
    benefits = models.TextField(_("benefits"), blank=True, help_text=_("One per line."))
    expires_on = models.DateField(_("offer valid until"))
    signatory = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("signatory")
    )
    # Pay outside the job's salary range: the approval chain adds an approval (set by the rules).
    needs_extra_approval = models.BooleanField(_("needs an extra approval"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The approval chain (rekrut/offers/chain.py): each submission is a new round with its own steps, so
    # a return or a change starts again and earlier rounds' decisions stay as history.
    approval_round = models.PositiveSmallIntegerField(default=0)
    approval_steps = models.JSONField(_("approval steps"), default=list, blank=True)
    director_reasons = models.JSONField(default=list, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    # Sending (rekrut/offers/sending.py): the terms exactly as the candidate received them, and their hash,
    # which an acceptance records (UU 11/2008 ITE Ps 5: an electronic record is evidence).
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_terms = models.JSONField(default=dict, blank=True)
    terms_hash = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["application", "-version"]
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        constraints = [
            models.UniqueConstraint(fields=["application", "version"], name="offer_version_unique"),
            # One offer per application is being worked on or waiting for an answer at a time.
            models.UniqueConstraint(
                fields=["application"],
                condition=Q(status__in=["draft", "in_approval", "approved", "sent"]),
                name="offer_one_open_per_application",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.position} v{self.version}"

    def benefit_lines(self) -> list[str]:
        return [line.strip() for line in self.benefits.splitlines() if line.strip()]


class AllowanceKind(models.TextChoices):
    # Tunjangan tetap count in the wage base (BPJS, THR, minimum wage); tunjangan tidak tetap do not.
    FIXED = "fixed", _("Fixed allowance (tunjangan tetap)")
    VARIABLE = "variable", _("Variable allowance (tunjangan tidak tetap)")


class OfferAllowance(models.Model):
    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="allowances")
    kind = models.CharField(_("kind"), max_length=10, choices=AllowanceKind.choices)
    name = models.CharField(_("allowance"), max_length=120)
    amount = models.PositiveBigIntegerField(_("amount (Rp per month)"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["offer", "kind", "position"]
        verbose_name = _("allowance")
        verbose_name_plural = _("allowances")

    def __str__(self) -> str:
        return self.name


class ApprovalStep(models.TextChoices):
    HR = "hr", _("HR")
    MANAGER = "manager", _("Hiring manager")
    DIRECTOR = "director", _("Director")


class ApprovalDecision(models.TextChoices):
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Returned for changes")


class ApprovalVia(models.TextChoices):
    PAGE = "page", _("on the offer page")
    EMAIL = "email", _("from the e-mail link")
    API = "api", _("through the API")


class OfferApproval(AppendOnly):
    """One approver's decision on one step of one round: never changed, the chain's history."""

    offer = models.ForeignKey(Offer, on_delete=models.PROTECT, related_name="approvals")
    round = models.PositiveSmallIntegerField()
    step = models.CharField(_("step"), max_length=10, choices=ApprovalStep.choices)
    decision = models.CharField(_("decision"), max_length=10, choices=ApprovalDecision.choices)
    comment = models.TextField(_("comment"), blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    via = models.CharField(max_length=10, choices=ApprovalVia.choices, default=ApprovalVia.PAGE)
    # The terms as approved: a later edit of the same draft changes the hash, so the approval is traceable.
    terms_hash = models.CharField(max_length=64)
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["offer", "round", "decided_at", "pk"]
        verbose_name = _("offer approval")
        verbose_name_plural = _("offer approvals")
        constraints = [
            # One decision per step of a round: two approvers clicking at once cannot both count.
            models.UniqueConstraint(fields=["offer", "round", "step"], name="offer_approval_once_per_step"),
        ]

    def __str__(self) -> str:
        return f"{self.offer} {self.step} {self.decision}"


class ApprovalRequest(AppendOnly):
    """An approver asked to decide a step: the subject of their e-mail link (one per approver and step)."""

    offer = models.ForeignKey(Offer, on_delete=models.PROTECT, related_name="approval_requests")
    round = models.PositiveSmallIntegerField()
    step = models.CharField(max_length=10, choices=ApprovalStep.choices)
    approver = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["offer", "round", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["offer", "round", "step", "approver"], name="offer_approval_request_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.offer} {self.step} → {self.approver}"


class AnswerKind(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    DISCUSS = "discuss", _("Asked to discuss")


class OfferAnswer(AppendOnly):
    """What the candidate answered through the link, with when, from where and the exact terms shown."""

    offer = models.ForeignKey(Offer, on_delete=models.PROTECT, related_name="answers")
    kind = models.CharField(_("answer"), max_length=10, choices=AnswerKind.choices)
    text = models.TextField(_("reason or message"), blank=True)
    terms_hash = models.CharField(max_length=64)
    ip = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    answered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["offer", "answered_at", "pk"]
        verbose_name = _("candidate's answer")
        verbose_name_plural = _("candidate's answers")

    def __str__(self) -> str:
        return f"{self.offer} {self.kind}"


class OfferPolicy(models.Model):
    """The company's offer settings (one row): when a director must approve, and the letterhead."""

    # Always 1: the company has one set of offer settings.
    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    director_above = models.PositiveBigIntegerField(
        _("a director approves offers above (Rp per month)"),
        null=True,
        blank=True,
        help_text=_(
            "Monthly gross pay (base salary and all allowances) above which a director approves the offer, "
            "whatever the job. Empty: only managerial jobs and pay outside the job's range need a director."
        ),
    )
    letterhead_address = models.TextField(
        _("company address on letters"), blank=True, help_text=_("Printed under the company's name.")
    )
    letterhead_contact = models.CharField(
        _("contact line on letters"),
        max_length=200,
        blank=True,
        help_text=_("Telephone, e-mail and website, e.g. “(021) 555 0101 · hr@perusahaan.co.id”."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("offer settings")
        verbose_name_plural = _("offer settings")
        constraints = [models.CheckConstraint(condition=Q(id=1), name="offer_policy_single_row")]

    def __str__(self) -> str:
        return str(_("Offer settings"))
