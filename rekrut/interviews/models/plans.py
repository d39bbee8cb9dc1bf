"""A job's interview plan: one round per interview stage, with its interviewers, focus attributes and kit."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rekrut.interviews.models.library import Attribute, Question, RoundType
from rekrut.jobs.models import Job, Stage

MIN_DURATION_MINUTES = 10
MAX_DURATION_MINUTES = 480


class PlanRound(models.Model):
    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="interview_rounds")
    stage = models.OneToOneField(Stage, on_delete=models.CASCADE, related_name="interview_round")
    round_type = models.CharField(_("round type"), max_length=20, choices=RoundType.choices)
    duration_minutes = models.PositiveSmallIntegerField(_("length (minutes)"), default=45)
    interviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="planned_rounds", blank=True, verbose_name=_("interviewers")
    )
    attributes = models.ManyToManyField(
        Attribute, through="PlanRoundAttribute", related_name="+", verbose_name=_("focus attributes")
    )
    asks_salary_and_notice = models.BooleanField(
        _("asks salary expectation and notice period"), default=False
    )
    asks_background = models.BooleanField(_("asks about education and work background"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["job", "stage__position"]
        verbose_name = _("interview round")
        verbose_name_plural = _("interview rounds")
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=MIN_DURATION_MINUTES)
                & Q(duration_minutes__lte=MAX_DURATION_MINUTES),
                name="plan_round_duration_range",
            )
        ]

    def __str__(self) -> str:
        return f"{self.job} · {self.stage.name}"

    @property
    def name(self) -> str:
        return self.stage.name


class PlanRoundAttribute(models.Model):
    round = models.ForeignKey(PlanRound, on_delete=models.CASCADE, related_name="round_attributes")
    attribute = models.ForeignKey(Attribute, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["round", "attribute"], name="plan_round_attribute_once")
        ]

    def __str__(self) -> str:
        return str(self.attribute)


class KitQuestion(models.Model):
    """A question chosen for a round's interview kit, in the order the interviewer asks it."""

    round = models.ForeignKey(PlanRound, on_delete=models.CASCADE, related_name="kit")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)
    # HR may show a question to candidates in their prep pack (the portal); the rest of the kit, and every
    # rubric, stays internal.
    shareable = models.BooleanField(
        _("shareable with candidates"),
        default=False,
        help_text=_("Shown to candidates in the prep pack for this round, without the rubric."),
    )

    class Meta:
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["round", "question"], name="kit_question_once")]
        verbose_name = _("kit question")
        verbose_name_plural = _("kit questions")

    def __str__(self) -> str:
        return str(self.question)
