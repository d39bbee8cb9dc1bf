"""What HR sets for the reports (a speed target per job level, when an application counts as stalled), and
the summary rows the funnel, speed and sources reports read instead of the whole pipeline history.

The summary rows (ApplicationFacts, StageReached, StageStay) are derived from the pipeline's transitions by
reports.summary, which the worker's sweep runs every 30 seconds from a high-water mark (SummaryState); they
are never edited by hand and `rekrut reports_rebuild` builds them again from scratch.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from rekrut.candidates.models import Candidate
from rekrut.jobs.models import Job, Level, Stage
from rekrut.pipeline.models import Application, RejectReason, Transition

DEFAULT_STALLED_AFTER_DAYS = 14
# Calibration compares an interviewer with the others on the same applications; below this many
# applications a mean difference is noise, so it is shown but not flagged.
DEFAULT_CALIBRATION_MIN_APPLICATIONS = 5


class SpeedTarget(models.Model):
    """How fast HR means to hire for one job level; the speed report sets the measured medians beside it."""

    level = models.CharField(_("level"), max_length=20, choices=Level.choices, unique=True)
    days_to_hire = models.PositiveSmallIntegerField(
        _("days to hire"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("From the application to the hire."),
    )
    days_to_fill = models.PositiveSmallIntegerField(
        _("days to fill"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("From the job's opening to its first hire."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("speed target")
        verbose_name_plural = _("speed targets")

    def __str__(self) -> str:
        return self.get_level_display()


class ReportSettings(models.Model):
    """The company's report settings (one row)."""

    # Always 1: the company has one set of report settings.
    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    stalled_after_days = models.PositiveSmallIntegerField(
        _("an application is stalled after (days)"),
        default=DEFAULT_STALLED_AFTER_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("Days in one stage without any move."),
    )
    calibration_min_applications = models.PositiveSmallIntegerField(
        _("flag an interviewer's calibration from (applications)"),
        default=DEFAULT_CALIBRATION_MIN_APPLICATIONS,
        validators=[MinValueValidator(2), MaxValueValidator(1000)],
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("report settings")
        verbose_name_plural = _("report settings")
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="report_settings_single_row")]

    def __str__(self) -> str:
        return str(_("Report settings"))


class SummaryState(models.Model):
    """How far the summary rows have read the pipeline's history (one row)."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    # Transitions up to this id are in the summary (see reports.summary for the overlap re-read below it).
    last_transition_id = models.BigIntegerField(default=0)
    refreshed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="report_summary_single_row")]

    def __str__(self) -> str:
        return f"transitions up to #{self.last_transition_id}"


class ApplicationFacts(models.Model):
    """One row per application: what the funnel, speed and sources reports count about it."""

    application = models.OneToOneField(
        Application, primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="+", db_index=False)
    # Changes only with a merge, which writes a transition; the source itself is read from the candidate.
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="+", db_index=False)
    applied_at = models.DateTimeField()
    status = models.CharField(max_length=20)
    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="+", db_index=False)
    reject_reason = models.ForeignKey(
        RejectReason, null=True, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    interviewed = models.BooleanField(default=False)  # reached a stage of an interview kind
    # From applying to the first move on (or the hire); null while nobody has taken it on.
    first_contact_seconds = models.FloatField(null=True)
    first_contact_tenths = models.IntegerField(null=True)  # the same, in days as shown (×10)

    class Meta:
        indexes = [
            # The cohort (applied in the period), covering what the funnel groups by.
            models.Index(
                fields=["applied_at", "job", "status", "stage", "reject_reason"], name="report_facts_cohort"
            ),
        ]

    def __str__(self) -> str:
        return f"application #{self.application_id}"


class StageReached(models.Model):
    """An application reached a stage (once however often it went back and forth): the funnel's rows."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="+", db_index=False)
    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="+", db_index=False)
    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="+", db_index=False)
    applied_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "stage"], name="report_reached_once"),
        ]
        indexes = [models.Index(fields=["applied_at", "job", "stage", "application"], name="report_reached")]

    def __str__(self) -> str:
        return f"application #{self.application_id} reached stage #{self.stage_id}"


class StageStay(models.Model):
    """A stay in a stage that ended with a transition: from the transition before it to this one."""

    transition = models.OneToOneField(
        Transition, primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="+")
    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="+", db_index=False)
    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="+", db_index=False)
    ended_by = models.CharField(max_length=20)  # the transition's kind: moved, rejected, hired, ...
    entered_at = models.DateTimeField()
    left_at = models.DateTimeField()
    seconds = models.FloatField()
    # Days rounded as the report shows them (×10). Rounding keeps the order, so the k-th of these is the
    # k-th duration rounded: percentiles come from counts per value instead of sorting every row.
    tenths = models.IntegerField()
    # A coarse band of the same (reports.summary.STAY_BANDS): percentiles first find their band from a few
    # counts per stage, then read the exact values of that band only.
    band = models.PositiveSmallIntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["left_at", "job", "stage", "band", "tenths"], name="report_stay_period")
        ]

    def __str__(self) -> str:
        return f"application #{self.application_id} in stage #{self.stage_id}"
