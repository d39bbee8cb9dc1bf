"""The decision policy (company default and per-job overrides) and the recorded evaluation decisions."""

from django.conf import settings
from django.db import models
from django.db.models import Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from rekrut.core.models import AppendOnly
from rekrut.jobs.models import Job, Stage
from rekrut.pipeline.models import Application, RejectReason


class StrongYesWeight(models.IntegerChoices):
    NONE = 0, _("Counts as a plain yes")
    HEAVY = 1, _("Weighs heavily: sends an HR “no” to discussion instead of rejection")
    DECISIVE = 2, _("Decisive: carries an HR “no”, and sends an HR “strong no” to discussion")


class DecisionPolicy(models.Model):
    """How the evaluation page recommends the next step. One row without a job is the company default."""

    job = models.OneToOneField(
        Job,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="decision_policy",
        verbose_name=_("job"),
        help_text=_("Empty: the company's default policy."),
    )
    hr_is_gate = models.BooleanField(
        _("the HR interview is a gate"),
        default=True,
        help_text=_("A candidate HR does not recommend does not go on to the user interview."),
    )
    user_decides = models.BooleanField(
        _("the user's recommendation decides"),
        default=True,
        help_text=_("Passing HR but not the user stops the application."),
    )
    strong_user_yes_weight = models.PositiveSmallIntegerField(
        _("weight of a strong yes from the user"),
        choices=StrongYesWeight.choices,
        default=StrongYesWeight.HEAVY,
    )
    managerial_requires_superior_and_director = models.BooleanField(
        _("managerial jobs go on to the superior and director interviews"), default=True
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("updated by"),
    )

    class Meta:
        verbose_name = _("decision policy")
        verbose_name_plural = _("decision policies")
        constraints = [
            # A job has at most one policy, and there is one company default (job empty).
            models.UniqueConstraint(Coalesce("job", Value(0)), name="decision_policy_one_per_scope"),
        ]

    def __str__(self) -> str:
        return str(self.job) if self.job_id else str(_("Company default"))


class DecisionOutcome(models.TextChoices):
    PROCEED = "proceed", _("Proceed")
    HOLD = "hold", _("Hold")
    REJECT = "reject", _("Reject")


class Decision(AppendOnly):
    """The internal evaluation's decision: a person's, with its reason and the policy's advice beside it."""

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="decisions", verbose_name=_("application")
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("decided by")
    )
    outcome = models.CharField(_("decision"), max_length=20, choices=DecisionOutcome.choices)
    from_stage = models.ForeignKey(
        Stage, on_delete=models.PROTECT, related_name="+", verbose_name=_("from stage")
    )
    to_stage = models.ForeignKey(
        Stage, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("to stage")
    )
    reject_reason = models.ForeignKey(
        RejectReason, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("reject reason")
    )
    reason = models.TextField(_("reason"))
    policy_snapshot = models.JSONField(_("the policy's recommendation then"), default=dict)
    is_override = models.BooleanField(_("decided before every scorecard was in"), default=False)
    override_reason = models.TextField(_("why it could not wait"), blank=True)
    at = models.DateTimeField(_("decided at"), db_index=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return f"{self.application} · {self.get_outcome_display()}"

    @property
    def follows_policy(self) -> bool:
        return self.policy_snapshot.get("outcome") == self.outcome
