"""Onboarding: the checklist templates HR admins keep, each hire's checklist, what the new employee gives
(identity and tax numbers, BPJS numbers, documents) and their bank account, kept apart.

Bank account and salary are specific personal data (UU 27/2022 Ps 4, rule P2): the bank account lives in
its own table (FinancialDetails), read only through the services that check the explicit permission
`onboarding.view_financial_details` and write the audit row. NIK and NPWP are shown masked to everyone else.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rekrut.core.models import Bilingual
from rekrut.jobs.models import Job
from rekrut.pipeline.models import Application

PERMISSION = "view_financial_details"
# The furthest before or after the start date an item may fall due: a quarter of a year either way.
DUE_DAYS_LIMIT = 90


class ItemKind(models.TextChoices):
    DOCUMENT = "document", _("Document to collect")
    SCHEDULE = "schedule", _("First-day schedule")
    EQUIPMENT = "equipment", _("Equipment")
    BUDDY = "buddy", _("Buddy")
    TASK = "task", _("Other task")


class ItemOwner(models.TextChoices):
    """Who ticks the item: the job's HR owner, its hiring manager (user), IT, or the new employee."""

    HR = "hr", _("HR owner")
    MANAGER = "manager", _("Hiring manager")
    IT = "it", _("IT")
    CANDIDATE = "candidate", _("The new employee")


class DocumentKind(models.TextChoices):
    """What a document item asks the new employee for. Some are numbers (checked: L5, L6), some files."""

    KTP = "ktp", _("KTP (identity card) and NIK")
    NPWP = "npwp", _("NPWP (tax number)")
    BPJS_KESEHATAN = "bpjs_kesehatan", _("BPJS Kesehatan number")
    BPJS_KETENAGAKERJAAN = "bpjs_ketenagakerjaan", _("BPJS Ketenagakerjaan number")
    BANK = "bank", _("Bank account for salary")
    IJAZAH = "ijazah", _("Diploma (ijazah)")
    PHOTO = "photo", _("Photo")
    KK = "kk", _("Family card (KK)")


# The documents that also carry an upload (a scan or a phone photo); the others are numbers only.
FILE_DOCUMENTS = frozenset(
    {DocumentKind.KTP, DocumentKind.NPWP, DocumentKind.IJAZAH, DocumentKind.PHOTO, DocumentKind.KK}
)
# Scans that show a full NIK or NPWP (or, the family card, everyone's NIK): opened like financial details.
RESTRICTED_DOCUMENTS = frozenset({DocumentKind.KTP, DocumentKind.NPWP, DocumentKind.KK})


class ChecklistTemplate(Bilingual):
    """A list of items to copy into each new hire's checklist. One is the company's default; a job may use
    another (JobTemplate)."""

    name_id = models.CharField(_("name (Bahasa Indonesia)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    is_default = models.BooleanField(_("the company's default"), default=False)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["-is_default", "name_id"]
        verbose_name = _("onboarding checklist template")
        verbose_name_plural = _("onboarding checklist templates")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"], condition=Q(is_default=True), name="onboarding_one_default_template"
            )
        ]

    def __str__(self) -> str:
        return self.name


class TemplateItem(Bilingual):
    template = models.ForeignKey(
        ChecklistTemplate, on_delete=models.CASCADE, related_name="items", verbose_name=_("template")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=12, choices=ItemKind.choices)
    name_id = models.CharField(_("item (Bahasa Indonesia)"), max_length=160)
    name_en = models.CharField(_("item (English)"), max_length=160, blank=True)
    owner = models.CharField(_("who ticks it"), max_length=12, choices=ItemOwner.choices)
    due_days = models.SmallIntegerField(
        _("due (days from the start date)"),
        default=0,
        help_text=_("Negative is before the first day: −7 is a week before, 0 the first day."),
    )
    is_required = models.BooleanField(_("required before the hire"), default=True)
    document = models.CharField(
        _("document asked for"), max_length=24, choices=DocumentKind.choices, blank=True
    )
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["template", "position", "pk"]
        verbose_name = _("checklist template item")
        verbose_name_plural = _("checklist template items")

    def __str__(self) -> str:
        return f"{self.template} · {self.name}"


class JobTemplate(models.Model):
    """A job that uses its own checklist template instead of the company's default."""

    job = models.OneToOneField(Job, on_delete=models.CASCADE, related_name="+", verbose_name=_("job"))
    template = models.ForeignKey(ChecklistTemplate, on_delete=models.PROTECT, verbose_name=_("template"))

    class Meta:
        verbose_name = _("job's checklist template")
        verbose_name_plural = _("jobs' checklist templates")

    def __str__(self) -> str:
        return f"{self.job} · {self.template}"


class Onboarding(models.Model):
    """One application's onboarding: the start date its due dates count from, and the hand-off."""

    application = models.OneToOneField(
        Application, on_delete=models.PROTECT, related_name="onboarding", verbose_name=_("application")
    )
    template = models.ForeignKey(
        ChecklistTemplate, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("template")
    )
    start_date = models.DateField(_("first working day"))
    start_from_offer = models.BooleanField(_("start date from the accepted offer"), default=False)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField(auto_now_add=True)
    handed_off_at = models.DateTimeField(_("handed off to payroll"), null=True, blank=True)
    handed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["start_date", "pk"]
        verbose_name = _("onboarding")
        verbose_name_plural = _("onboardings")

    def __str__(self) -> str:
        # No personal numbers here: this is what the audit log keeps as the subject's name.
        return str(_("Onboarding of %(candidate)s")) % {"candidate": self.application.candidate}


class Task(Bilingual):
    """One item of a checklist, copied from the template with its due date worked out."""

    onboarding = models.ForeignKey(Onboarding, on_delete=models.CASCADE, related_name="tasks")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("kind"), max_length=12, choices=ItemKind.choices)
    name_id = models.CharField(_("item (Bahasa Indonesia)"), max_length=160)
    name_en = models.CharField(_("item (English)"), max_length=160, blank=True)
    owner = models.CharField(_("who ticks it"), max_length=12, choices=ItemOwner.choices)
    due_date = models.DateField(_("due"))
    is_required = models.BooleanField(_("required before the hire"), default=True)
    document = models.CharField(max_length=24, choices=DocumentKind.choices, blank=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    done_by_candidate = models.BooleanField(default=False)

    class Meta:
        ordering = ["onboarding", "due_date", "position", "pk"]
        verbose_name = _("onboarding task")
        verbose_name_plural = _("onboarding tasks")
        constraints = [
            models.UniqueConstraint(
                fields=["onboarding", "document"], condition=~Q(document=""), name="onboarding_document_once"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_done(self) -> bool:
        return self.done_at is not None


class Sex(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


class EmployeeDetails(models.Model):
    """What the new employee gives about themselves (general personal data, P2): for the contract
    (Ps 54(1)b UU 13/2003: name, sex, age, address, C5) and for payroll. NIK and NPWP are shown masked."""

    onboarding = models.OneToOneField(Onboarding, on_delete=models.CASCADE, related_name="employee")
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=8, choices=Sex.choices, blank=True)
    address = models.TextField(_("address (as on the KTP)"), max_length=500, blank=True)
    nik = models.CharField(_("NIK"), max_length=16, blank=True)
    npwp = models.CharField(_("NPWP"), max_length=16, blank=True)
    bpjs_kesehatan = models.CharField(_("BPJS Kesehatan number"), max_length=13, blank=True)
    bpjs_ketenagakerjaan = models.CharField(_("BPJS Ketenagakerjaan number"), max_length=11, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("new employee's details")
        verbose_name_plural = _("new employees' details")

    def __str__(self) -> str:
        return str(self.onboarding)


class FinancialDetails(models.Model):
    """The salary account: specific personal data (UU 27/2022 Ps 4, P2), kept apart, read only by people
    holding the explicit permission, each reading written to the audit log."""

    onboarding = models.OneToOneField(Onboarding, on_delete=models.CASCADE, related_name="financial")
    bank = models.CharField(_("bank"), max_length=20)
    account_number = models.CharField(_("account number"), max_length=20)
    account_holder = models.CharField(_("account holder's name"), max_length=120)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("bank account")
        verbose_name_plural = _("bank accounts")
        # Granted to a person by an HR admin (accounts:specific_data), never by a role or superuser status.
        permissions = [(PERMISSION, _("Can see bank accounts, salaries and full NIK and NPWP numbers"))]

    def __str__(self) -> str:
        return str(self.onboarding)


def document_upload_path(document: "DocumentFile", filename: str) -> str:
    # A random name: the uploaded file's name may carry the person's name or number.
    return f"onboarding/{uuid.uuid4().hex}.{document.file_kind or 'bin'}"


class DocumentFile(models.Model):
    """The latest upload for a document item; a new upload replaces it."""

    task = models.OneToOneField(Task, on_delete=models.CASCADE, related_name="upload")
    file = models.FileField(upload_to=document_upload_path)
    file_kind = models.CharField(max_length=4)  # pdf, jpg, png: told from the content
    size = models.PositiveIntegerField(default=0)
    uploaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("uploaded document")
        verbose_name_plural = _("uploaded documents")

    def __str__(self) -> str:
        return str(self.task)
