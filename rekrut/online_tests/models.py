"""Rekrut's own online tests: a test HR builds (sections of questions, each section drawing N at random),
and one attempt per assessment, taken through a signed link, with the questions drawn once at its start.

A test belongs to one assessment type whose delivery is "online": the type gives the pass mark and the
highest score, so the result lands on the Assessment like any other (result_source "online").
"""

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from rekrut.assessments.models import Assessment, AssessmentType
from rekrut.core.models import Bilingual, bilingual


class OnlineTest(Bilingual):
    """A timed test: its wording in both languages, its time limit, and whether candidates see their score."""

    assessment_type = models.OneToOneField(
        AssessmentType,
        on_delete=models.PROTECT,
        related_name="online_test",
        verbose_name=_("assessment type"),
    )
    name_id = models.CharField(_("title (Bahasa Indonesia)"), max_length=160)
    name_en = models.CharField(_("title (English)"), max_length=160, blank=True)
    instructions_id = models.TextField(_("instructions (Bahasa Indonesia)"), max_length=4000, blank=True)
    instructions_en = models.TextField(_("instructions (English)"), max_length=4000, blank=True)
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"), validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    show_score_to_candidate = models.BooleanField(
        _("candidates see their score"),
        default=False,
        help_text=_("Once the result is recorded, the candidate sees their own score in the portal."),
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["name_id", "pk"]
        verbose_name = _("online test")
        verbose_name_plural = _("online tests")

    def __str__(self) -> str:
        return self.name

    @property
    def instructions(self) -> str:
        return bilingual(self, "instructions")


class Section(Bilingual):
    """A part of the test; each attempt draws `draw_count` of its questions at random (all when 0)."""

    test = models.ForeignKey(OnlineTest, on_delete=models.CASCADE, related_name="sections")
    name_id = models.CharField(_("name (Bahasa Indonesia)"), max_length=160)
    name_en = models.CharField(_("name (English)"), max_length=160, blank=True)
    draw_count = models.PositiveSmallIntegerField(
        _("questions drawn"), default=0, help_text=_("How many questions each candidate gets; 0 means all.")
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return self.name


class QuestionKind(models.TextChoices):
    CHOICE = "choice", _("Multiple choice (one correct answer)")
    NUMBER = "number", _("Number (with a tolerance)")
    TEXT = "text", _("Short text (scored by a reviewer)")
    FILE = "file", _("File upload: work sample (scored by a reviewer)")


REVIEWED_KINDS = {QuestionKind.TEXT, QuestionKind.FILE}


class Question(models.Model):
    """One question of a section's pool. Choice and number questions are scored at once; text and file
    answers by a reviewer, on the question's rubric (criteria rated 1–4) or in points when it has none."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("kind"), max_length=10, choices=QuestionKind.choices)
    text_id = models.TextField(_("question (Bahasa Indonesia)"), max_length=2000)
    text_en = models.TextField(_("question (English)"), max_length=2000, blank=True)
    points = models.DecimalField(
        _("points"), max_digits=5, decimal_places=2, default=1, validators=[MinValueValidator(Decimal("0.5"))]
    )
    answer_number = models.DecimalField(
        _("correct number"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    tolerance = models.DecimalField(_("tolerance (±)"), max_digits=14, decimal_places=4, default=0)
    # [{"key": "c1", "name_id": "...", "name_en": "..."}]: rated 1–4 by the reviewer.
    rubric = models.JSONField(_("rubric"), default=list, blank=True)
    is_active = models.BooleanField(_("in use"), default=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.CheckConstraint(condition=Q(points__gt=0), name="online_question_points_positive"),
            models.CheckConstraint(condition=Q(tolerance__gte=0), name="online_question_tolerance_positive"),
        ]

    def __str__(self) -> str:
        return self.text_id[:80]

    @property
    def text(self) -> str:
        return bilingual(self, "text")

    @property
    def is_reviewed(self) -> bool:
        return self.kind in REVIEWED_KINDS


class Option(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    text_id = models.CharField(_("option (Bahasa Indonesia)"), max_length=500)
    text_en = models.CharField(_("option (English)"), max_length=500, blank=True)
    is_correct = models.BooleanField(_("correct"), default=False)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text_id

    @property
    def text(self) -> str:
        return bilingual(self, "text")


class AttemptStatus(models.TextChoices):
    SENT = "sent", _("Sent, not started")
    IN_PROGRESS = "in_progress", _("In progress")
    SUBMITTED = "submitted", _("Submitted, awaiting review")
    SCORED = "scored", _("Scored")
    WITHDRAWN = "withdrawn", _("Withdrawn: the assessment was cancelled")


class Attempt(models.Model):
    """The one attempt of one assessment. `due_at` is the link's deadline; once started, `ends_at` is
    started_at + the time limit, capped by due_at: the server's clock, which the page only shows."""

    assessment = models.OneToOneField(
        Assessment, on_delete=models.PROTECT, related_name="online_attempt", verbose_name=_("assessment")
    )
    test = models.ForeignKey(OnlineTest, on_delete=models.PROTECT, related_name="attempts")
    status = models.CharField(
        _("status"), max_length=20, choices=AttemptStatus.choices, default=AttemptStatus.SENT
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="id")
    due_at = models.DateTimeField(_("deadline"))
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    ends_at = models.DateTimeField(_("time is up at"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    auto_submitted = models.BooleanField(_("submitted when time was up"), default=False)
    points = models.DecimalField(_("points"), max_digits=7, decimal_places=2, null=True, blank=True)
    max_points = models.DecimalField(_("highest points"), max_digits=7, decimal_places=2, default=0)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    sent_at = models.DateTimeField(_("sent at"))
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("test attempt")
        verbose_name_plural = _("test attempts")

    def __str__(self) -> str:
        return str(_("Online test of %(assessment)s")) % {"assessment": self.assessment}


def answer_file_path(answer: "Answer", filename: str) -> str:
    # A random name: the candidate's own file name may carry their name.
    return f"online_tests/answers/{uuid.uuid4().hex}.{answer.file_kind or 'bin'}"


class Answer(models.Model):
    """One drawn question of an attempt, in the order shown, with the candidate's answer and its points.
    Drawn rows exist from the start, so the set of questions never changes during the attempt."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField()
    option_order = models.JSONField(default=list, blank=True)  # the option ids as shuffled for this attempt
    option = models.ForeignKey(Option, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    number = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    text = models.TextField(max_length=5000, blank=True)
    file = models.FileField(upload_to=answer_file_path, blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    file_kind = models.CharField(max_length=8, blank=True)
    file_size = models.PositiveIntegerField(default=0)
    saved_at = models.DateTimeField(null=True, blank=True)
    points = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    ratings = models.JSONField(default=dict, blank=True)
    review_note = models.CharField(max_length=1000, blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="online_answer_once"),
            models.UniqueConstraint(fields=["attempt", "position"], name="online_answer_position"),
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id}#{self.position}"

    @property
    def number_text(self) -> str:
        """The number as the candidate's language writes it (12,5 or 12.5), without trailing zeros."""
        if self.number is None:
            return ""
        return formats.number_format(Decimal(f"{self.number.normalize():f}"), use_l10n=True)

    @property
    def is_answered(self) -> bool:
        return bool(self.option_id or self.number is not None or self.text.strip() or self.file)
