from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    CAREERS_PAGE = "careers_page", _("Careers page")
    JOB_BOARD = "job_board", _("Job board (Jobstreet, Glints, Kalibrr, ...)")
    LINKEDIN = "linkedin", _("LinkedIn")
    REFERRAL = "referral", _("Employee referral")
    CAMPUS = "campus", _("Campus / job fair")
    AGENCY = "agency", _("Agency")
    IMPORT = "import", _("Bulk import")
    OTHER = "other", _("Other")


def cv_upload_path(candidate: "Candidate", filename: str) -> str:
    # A random name: the candidate's own file name may hold personal data and is kept in cv_name instead.
    import uuid

    return f"cv/{uuid.uuid4().hex}{'.pdf' if filename.lower().endswith('.pdf') else '.docx'}"


class Candidate(models.Model):
    """A person, held once however many jobs they apply for."""

    full_name = models.CharField(_("full name"), max_length=160)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True, help_text=_("Stored as +62… (E.164)."))
    city = models.CharField(_("city"), max_length=80, blank=True)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.OTHER)
    links = models.JSONField(_("links"), default=list, blank=True)
    cv_file = models.FileField(_("CV"), upload_to=cv_upload_path, blank=True)
    cv_name = models.CharField(_("CV file name"), max_length=200, blank=True)
    cv_text = models.TextField(_("CV text"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_from",
        help_text=_("Set when this record was merged into another record of the same person."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        indexes = [
            models.Index(Lower("email"), name="candidate_email_lower"),
            models.Index(fields=["phone"], name="candidate_phone"),
            models.Index(fields=["full_name"], name="candidate_name"),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def whatsapp_url(self) -> str:
        # wa.me takes the number with its country code, digits only.
        return f"https://wa.me/{self.phone.lstrip('+')}" if self.phone else ""


class CandidateEvent(models.Model):
    """Things that happened to a candidate outside the pipeline (created, edited, merged, imported)."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    kind = models.CharField(max_length=20)
    summary = models.CharField(max_length=300)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return self.summary


class ImportStatus(models.TextChoices):
    MAPPING = "mapping", _("Waiting for column mapping")
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Importing")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Failed; nothing was imported")


class CandidateImport(models.Model):
    """A bulk import from CSV or XLSX: the uploaded table, its mapping, progress and the row report."""

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    file_name = models.CharField(max_length=200)
    job = models.ForeignKey("jobs.Job", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.IMPORT)
    headers = models.JSONField(default=list)
    rows = models.JSONField(default=list)
    mapping = models.JSONField(default=dict)
    status = models.CharField(max_length=20, choices=ImportStatus.choices, default=ImportStatus.MAPPING)
    processed = models.PositiveIntegerField(default=0)
    imported = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, help_text="[{row, field, message}]")
    # The uploader's language: the worker writes the row report in it, outside any request.
    language = models.CharField(max_length=10, default="id")
    # Kept beside `rows` so the progress poll can show a total without loading the whole table.
    row_count = models.PositiveIntegerField(default=0)
    # Where each row stands in the file (blank lines skipped), so the report names the row the user sees.
    row_numbers = models.JSONField(default=list)

    def __str__(self) -> str:
        return self.file_name

    def row_number(self, index: int) -> int:
        """The file's row number of the row at `index` (imports made before numbers were kept: header + 1)."""
        return self.row_numbers[index] if index < len(self.row_numbers) else index + 2

    @property
    def total(self) -> int:
        return self.row_count

    @property
    def percent(self) -> int:
        return int(100 * self.processed / self.total) if self.total else 0
