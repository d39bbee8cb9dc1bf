"""Practice sessions of a signed-in candidate. Private to the candidate: no staff page, no admin, no report
and no screening reads them; they take part in "download my data" and erasure (personal_data.py)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekrut.candidates.models import Candidate
from rekrut.interviews.models import RoundType
from rekrut.jobs.models import Job, JobFamily


class PracticeSession(models.Model):
    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="+", verbose_name=_("candidate")
    )
    round_type = models.CharField(_("round"), max_length=20, choices=RoundType.choices)
    job_family = models.CharField(_("job family"), max_length=30, choices=JobFamily.choices, blank=True)
    # The job practised for (from an application or a public job page): its requirements are the job terms.
    job = models.ForeignKey(
        Job, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("job")
    )
    started_at = models.DateTimeField(_("started at"), default=timezone.now)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("practice session")
        verbose_name_plural = _("practice sessions")

    def __str__(self) -> str:
        return f"{self.get_round_type_display()} · {self.started_at:%Y-%m-%d}"


class PracticeAnswer(models.Model):
    session = models.ForeignKey(
        PracticeSession, on_delete=models.CASCADE, related_name="answers", verbose_name=_("practice session")
    )
    question_key = models.CharField(_("question"), max_length=80)
    answer = models.TextField(_("answer"))
    language = models.CharField(_("language"), max_length=5)
    seconds_taken = models.PositiveIntegerField(_("seconds taken"), null=True, blank=True)
    # The engine's judgement when answered (Feedback.summary()): progress reads it without re-running rules.
    summary = models.JSONField(_("feedback summary"), default=dict)
    # The candidate's own rating per public criterion of the round (criteria.py): code -> 1..5.
    ratings = models.JSONField(_("self-rating"), default=dict, blank=True)
    answered_at = models.DateTimeField(_("answered at"), default=timezone.now)

    class Meta:
        ordering = ["answered_at", "pk"]
        verbose_name = _("practice answer")
        verbose_name_plural = _("practice answers")
        constraints = [
            # Answering a question again in the same session replaces the answer (a resubmitted form too).
            models.UniqueConstraint(
                fields=["session", "question_key"], name="practice_answer_once_per_session"
            )
        ]

    def __str__(self) -> str:
        return self.question_key
