"""Bulk imports of candidates: the uploaded table, its column mapping, progress and the row report."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rekrut.candidates.models import Source


class ImportStatus(models.TextChoices):
    READING = "reading", _("Reading the file")
    UNREADABLE = "unreadable", _("The file could not be read")
    MAPPING = "mapping", _("Waiting for column mapping")
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Importing")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Failed; nothing was imported")


class ImportTarget(models.TextChoices):
    CANDIDATES = "candidates", _("Candidates")
    JOBS = "jobs", _("Jobs")


class CandidateImport(models.Model):
    """A bulk import from CSV or XLSX: the uploaded table, its mapping, progress and the row report.

    Named for its first kind; it imports jobs too (`kind`), through the same mechanism.
    """

    kind = models.CharField(max_length=20, choices=ImportTarget.choices, default=ImportTarget.CANDIDATES)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    file_name = models.CharField(max_length=200)
    job = models.ForeignKey("jobs.Job", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.IMPORT)
    headers = models.JSONField(default=list)
    rows = models.JSONField(default=list)
    mapping = models.JSONField(default=dict)
    # How the mapping is applied (intake.import_columns): {"joins": {field: [column, ...]}, "separators":
    # {field: text}, "dropped": [column, ...], "repair": bool}; a jobs run adds {"created": {...}}.
    options = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=20, choices=ImportStatus.choices, default=ImportStatus.READING)
    processed = models.PositiveIntegerField(default=0)
    imported = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, help_text="[{row, field, message}]")
    # The uploader's language: the worker writes the row report in it, outside any request.
    language = models.CharField(max_length=10, default="id")
    # Kept beside `rows` so the progress poll can show a total without loading the whole table.
    row_count = models.PositiveIntegerField(default=0)
    # Where each row stands in the file (blank lines skipped), so the report names the row the user sees.
    row_numbers = models.JSONField(default=list)
    # When the run was last queued and when a worker took it: the worker's sweep recovers a run that a dead
    # worker left behind (intake.importing.imports_recover_stuck).
    queued_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    # The uploaded file, from the upload until the worker has read it into `headers` and `rows` (then
    # emptied): reading a large sheet takes seconds, which no request or transaction should wait for.
    upload = models.BinaryField(default=b"", blank=True)
    # The candidates this run has saved so far, written in the same transaction as each batch: if a
    # later batch fails, or the worker dies, these are removed again (intake.importing._saved_undo).
    saved_ids = models.JSONField(default=list, blank=True)

    class Meta:
        # The table keeps the name it had when imports lived in the candidates app (moved without copying).
        db_table = "candidates_candidateimport"
        verbose_name = _("candidate import")
        verbose_name_plural = _("candidate imports")

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


class QuestionKind(models.TextChoices):
    SHORT_TEXT = "short_text", _("Short text")
    CHOICE = "choice", _("Choice (one of a list)")
    YES_NO = "yes_no", _("Yes or no")
    NUMBER = "number", _("Number")


class ScreeningQuestion(models.Model):
    """A question HR asks everyone who applies for a job on the careers site. A knock-out answer only
    flags the application for HR (never rejects it by itself): a person decides, and can see why."""

    job = models.ForeignKey("jobs.Job", on_delete=models.CASCADE, related_name="screening_questions")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind of answer"), max_length=20, choices=QuestionKind.choices)
    choices = models.JSONField(_("choices"), default=list, blank=True)
    is_required = models.BooleanField(_("an answer is required"), default=True)
    # Knock-out rules, by kind: yes/no -> the answer that flags ("yes"/"no"); choice -> the choices that
    # flag; number -> below the minimum or above the maximum flags. Empty: no answer flags.
    knockout_answer = models.CharField(_("knock-out answer"), max_length=3, blank=True)
    knockout_choices = models.JSONField(_("knock-out choices"), default=list, blank=True)
    knockout_min = models.DecimalField(
        _("flag below"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    knockout_max = models.DecimalField(
        _("flag above"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    # Answered questions are switched off, not deleted: the answers keep pointing at them.
    is_active = models.BooleanField(_("in use"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["job", "position", "pk"]
        verbose_name = _("screening question")
        verbose_name_plural = _("screening questions")

    def __str__(self) -> str:
        return self.text

    @property
    def has_knockout(self) -> bool:
        return bool(
            self.knockout_answer
            or self.knockout_choices
            or self.knockout_min is not None
            or self.knockout_max is not None
        )


class ScreeningAnswer(models.Model):
    """An applicant's answer to one screening question, as they gave it, and whether it is a knock-out."""

    application = models.ForeignKey(
        "pipeline.Application", on_delete=models.CASCADE, related_name="screening_answers"
    )
    question = models.ForeignKey(ScreeningQuestion, on_delete=models.PROTECT, related_name="answers")
    value = models.TextField(_("answer"), blank=True)
    is_knockout = models.BooleanField(_("knock-out answer"), default=False)

    class Meta:
        ordering = ["question__position", "question_id"]
        verbose_name = _("screening answer")
        verbose_name_plural = _("screening answers")
        constraints = [
            models.UniqueConstraint(fields=["application", "question"], name="screening_answer_once")
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.value}"
