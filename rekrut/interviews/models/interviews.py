"""Interviews of an application and the scorecards their interviewers fill in."""

import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rekrut.core.errors import ImmutableRow as ImmutableRow  # re-exported: raised by the rows below
from rekrut.core.models import AppendOnly
from rekrut.interviews.models.library import Attribute, Question
from rekrut.interviews.models.plans import PlanRound
from rekrut.pipeline.models import Application


class InterviewMode(models.TextChoices):
    """How the interview is held; the invitation's place and the candidate's etiquette follow from it."""

    ON_SITE = "on_site", _("On site")
    ONLINE = "online", _("Online")
    PHONE = "phone", _("By phone")


class InterviewStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")


class Interview(models.Model):
    """One sitting of a round with a candidate. Times are stored in UTC and shown in the viewer's zone."""

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="interviews", verbose_name=_("application")
    )
    round = models.ForeignKey(
        PlanRound, on_delete=models.PROTECT, related_name="interviews", verbose_name=_("round")
    )
    interviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="interviews_assigned", verbose_name=_("interviewers")
    )
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    duration_minutes = models.PositiveSmallIntegerField(_("length (minutes)"))
    mode = models.CharField(
        _("mode"), max_length=10, choices=InterviewMode.choices, default=InterviewMode.ON_SITE
    )
    # On site: the address; by phone: the number the call comes from. Online interviews keep the link apart.
    location = models.CharField(_("address or phone number"), max_length=300, blank=True)
    room = models.CharField(_("room"), max_length=120, blank=True)
    meeting_url = models.CharField(_("meeting link"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=InterviewStatus.choices, default=InterviewStatus.SCHEDULED
    )
    cancel_reason = models.CharField(_("why it was cancelled"), max_length=300, blank=True)
    actual_started_at = models.DateTimeField(_("actually started"), null=True, blank=True)
    actual_ended_at = models.DateTimeField(_("actually ended"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("scheduled by")
    )
    created_at = models.DateTimeField(_("scheduled at"), auto_now_add=True)
    # The invitation's UID (RFC 5545 3.8.4.7): random, so it is unique across installations and rebuilt
    # databases, and kept for the interview's life so calendars update the one event they hold.
    calendar_uid = models.UUIDField(_("calendar UID"), default=uuid.uuid4, unique=True, editable=False)
    # SEQUENCE (RFC 5545 3.8.7.4): raised by each reschedule and the cancellation; calendars apply only a
    # message whose sequence is at least the one they hold.
    calendar_sequence = models.PositiveIntegerField(_("calendar sequence"), default=0, editable=False)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")
        constraints = [
            models.CheckConstraint(condition=Q(duration_minutes__gte=1), name="interview_has_length"),
            models.CheckConstraint(
                condition=Q(actual_ended_at__isnull=True)
                | Q(actual_started_at__isnull=True)
                | Q(actual_ended_at__gt=models.F("actual_started_at")),
                name="interview_actual_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.round.name} · {self.application.candidate}"

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def place(self) -> str:
        """Where to be, in one line: the link online, the number by phone, the room and address on site."""
        if self.mode == InterviewMode.ONLINE:
            return self.meeting_url
        if self.mode == InterviewMode.PHONE:
            return self.location
        return ", ".join(part for part in (self.room, self.location) if part)

    @property
    def actual_minutes(self) -> int | None:
        if self.actual_started_at and self.actual_ended_at:
            return int((self.actual_ended_at - self.actual_started_at).total_seconds() // 60)
        return None

    @property
    def ran_long(self) -> bool:
        """It took longer than planned (a signal candidates read too, see PRODUCT.md)."""
        minutes = self.actual_minutes
        return minutes is not None and minutes > self.duration_minutes

    @property
    def is_cancelled(self) -> bool:
        return self.status == InterviewStatus.CANCELLED


class Recommendation(models.TextChoices):
    STRONG_NO = "strong_no", _("Strong no")
    NO = "no", _("No")
    YES = "yes", _("Yes")
    STRONG_YES = "strong_yes", _("Strong yes")


class ScorecardStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class Scorecard(models.Model):
    """One interviewer's judgement of one interview. Submitted means locked; amendments keep versions."""

    interview = models.ForeignKey(
        Interview, on_delete=models.CASCADE, related_name="scorecards", verbose_name=_("interview")
    )
    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="scorecards",
        verbose_name=_("interviewer"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ScorecardStatus.choices, default=ScorecardStatus.DRAFT
    )
    recommendation = models.CharField(
        _("overall recommendation"), max_length=20, choices=Recommendation.choices, blank=True
    )
    overall_notes = models.TextField(_("overall notes"), blank=True)
    salary_expectation = models.PositiveBigIntegerField(
        _("salary expectation (Rp per month)"), null=True, blank=True
    )
    notice_period_days = models.PositiveSmallIntegerField(_("notice period (days)"), null=True, blank=True)
    background_notes = models.TextField(_("education and work background"), blank=True)
    version = models.PositiveIntegerField(
        _("version"), default=0, help_text=_("How many times it was submitted.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        ordering = ["interview", "pk"]
        verbose_name = _("scorecard")
        verbose_name_plural = _("scorecards")
        constraints = [
            models.UniqueConstraint(
                fields=["interview", "interviewer"], name="scorecard_once_per_interviewer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.interview} · {self.interviewer}"

    @property
    def is_submitted(self) -> bool:
        return self.status == ScorecardStatus.SUBMITTED


class ScorecardRating(models.Model):
    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="ratings")
    attribute = models.ForeignKey(Attribute, on_delete=models.PROTECT, related_name="+")
    rating = models.PositiveSmallIntegerField(
        _("rating"), null=True, blank=True, help_text=_("Empty: not assessed.")
    )
    evidence = models.TextField(_("evidence"), blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["scorecard", "attribute"], name="rating_once_per_attribute"),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=4), name="rating_one_to_four"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.attribute_id}: {self.rating or '—'}"


class ScorecardQuestionNote(models.Model):
    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="question_notes")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["scorecard", "question"], name="question_note_once"),
        ]

    def __str__(self) -> str:
        return self.notes[:60]


class ScorecardVersion(AppendOnly):
    """What a scorecard said at one submission. Written once, never changed: amendments add a version."""

    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    content = models.JSONField()
    recommendation = models.CharField(max_length=20, choices=Recommendation.choices)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    amend_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["scorecard", "number"]
        constraints = [
            models.UniqueConstraint(fields=["scorecard", "number"], name="scorecard_version_number_once")
        ]

    def __str__(self) -> str:
        return f"{self.scorecard_id} v{self.number}"
