from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rekrut.candidates.models import Candidate
from rekrut.core.errors import ImmutableRow as ImmutableRow  # re-exported: raised by Transition
from rekrut.core.models import AppendOnly, Bilingual
from rekrut.jobs.models import Job, Stage
from rekrut.pipeline.transitions import ApplicationStatus


class RejectReason(Bilingual):
    """A managed list, so reports can count why applications stop."""

    name_id = models.CharField(_("name (Bahasa Indonesia)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    is_active = models.BooleanField(_("in use"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name_id"]
        verbose_name = _("reject reason")
        verbose_name_plural = _("reject reasons")

    def __str__(self) -> str:
        return self.name


class Application(models.Model):
    """A candidate's application for one job, moving through the job's stages.

    Only pipeline.services changes stage and status; `version` grows with each change so that an edit
    made from a stale page is detected instead of silently overwriting someone else's move.
    """

    candidate = models.ForeignKey(Candidate, on_delete=models.PROTECT, related_name="applications")
    job = models.ForeignKey(Job, on_delete=models.PROTECT, related_name="applications")
    stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="applications")
    status = models.CharField(
        _("status"), max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.ACTIVE
    )
    reject_reason = models.ForeignKey(RejectReason, null=True, blank=True, on_delete=models.PROTECT)
    applied_at = models.DateTimeField(_("applied on"), db_index=True)
    stage_entered_at = models.DateTimeField()
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-applied_at"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(fields=["candidate", "job"], name="application_once_per_job"),
        ]
        indexes = [models.Index(fields=["job", "status", "stage"], name="application_board")]

    def __str__(self) -> str:
        return f"{self.candidate} → {self.job}"


class TransitionKind(models.TextChoices):
    APPLIED = "applied", _("Applied")
    MOVED = "moved", _("Moved")
    MOVED_BACK = "moved_back", _("Moved back")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    REOPENED = "reopened", _("Reopened")
    HIRED = "hired", _("Hired")
    MERGED = "merged", _("Moved over from a merged duplicate record")


class Transition(AppendOnly):
    """One event in an application's history: who, when, from, to, why. Written once, never changed."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="transitions")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    by_candidate = models.BooleanField(default=False)
    at = models.DateTimeField(db_index=True)
    kind = models.CharField(max_length=20, choices=TransitionKind.choices)
    from_stage = models.ForeignKey(Stage, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    to_stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="+")
    from_status = models.CharField(max_length=20, choices=ApplicationStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=ApplicationStatus.choices)
    reason = models.ForeignKey(RejectReason, null=True, blank=True, on_delete=models.PROTECT)
    note = models.TextField(blank=True)
    # HR carried the application past a rule of the decision policy that blocked the move, and said why.
    is_override = models.BooleanField(_("moved past a blocking rule"), default=False)
    override_reason = models.TextField(_("why the rule was overridden"), blank=True)
    # What the system knew when it wrote the row (e.g. the merged record's id), stored as data and worded
    # in the viewer's language when shown, never as text in the writer's language.
    params = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("transition")
        verbose_name_plural = _("transitions")
        indexes = [
            # Reports: hires in a period (kind, at), and each application's history in order (time in stage).
            models.Index(fields=["kind", "at"], name="transition_kind_at"),
            models.Index(fields=["application", "at"], name="transition_history"),
        ]

    @property
    def note_text(self) -> str:
        """The note as the viewer reads it: what a person typed, framed in the viewer's language when the
        system wrote the row for them (an evaluation decision, a merge)."""
        if self.params.get("decision"):
            return str(_("Evaluation decision: %(reason)s") % {"reason": self.note})
        if self.kind == TransitionKind.MERGED and self.params.get("from_candidate"):
            return str(_("From the merged record #%(id)s") % {"id": self.params["from_candidate"]})
        return self.note

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.to_stage_id} ({self.at:%Y-%m-%d %H:%M})"
