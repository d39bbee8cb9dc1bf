"""Reviewing the answers a person scores (short texts, work samples) on each question's rubric, and
recording the attempt's total on its assessment, where the evaluation page shows it beside the interviews."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.assessments.models import Assessment, AssessmentStatus, ResultSource
from rekrut.assessments.outcomes import Result, outcome_of
from rekrut.core.errors import AccessDenied, DomainError, StaleEdit
from rekrut.events.actions import action_register
from rekrut.events.services import audit_record
from rekrut.online_tests.models import Answer, Attempt, AttemptStatus
from rekrut.online_tests.scoring import RATING_MAX, RATING_MIN, rubric_points, score_scale
from rekrut.pipeline.access import application_access

action_register("online_test.reviewed", _("Online test answers reviewed"))
action_register("online_test.result_recorded", _("Online test result recorded"))


@dataclass(frozen=True)
class Mark:
    """A reviewer's mark of one answer: a 1–4 rating per rubric criterion, or points when it has none."""

    ratings: dict[str, int]
    points: Decimal | None = None
    note: str = ""


def review_access(actor: User, attempt: Attempt) -> None:
    access = application_access(user=actor, application=attempt.assessment.application)
    if not access.job.can_manage_applications:
        raise AccessDenied(_("Only the job's HR owner, its user or an HR admin can review test answers."))


def mark_points(answer: Answer, mark: Mark) -> Decimal:
    question = answer.question
    if question.rubric:
        keys = [criterion["key"] for criterion in question.rubric]
        ratings = mark.ratings
        if set(ratings) != set(keys) or any(not RATING_MIN <= ratings[k] <= RATING_MAX for k in keys):
            raise DomainError(
                _("Question %(number)s: rate every criterion from 1 to 4.") % {"number": answer.position},
                code="ratings_incomplete",
            )
        return rubric_points(question.points, [ratings[k] for k in keys])
    if mark.points is None or not Decimal(0) <= mark.points <= question.points:
        raise DomainError(
            _("Question %(number)s: give between 0 and %(max)s points.")
            % {"number": answer.position, "max": f"{question.points.normalize():f}"},
            code="points_out_of_range",
        )
    return mark.points


@transaction.atomic
def attempt_review(
    *, actor: User, attempt: Attempt, marks: dict[int, Mark], expected_version: int
) -> Attempt:
    """Scores every answer waiting for a person (by answer id) and records the result. All or nothing."""
    locked = (
        Attempt.objects.select_for_update()
        .select_related("assessment__application", "test")
        .get(pk=attempt.pk)
    )
    review_access(actor, locked)
    if locked.version != expected_version:
        raise StaleEdit(
            _("Someone else changed this attempt meanwhile. The page now shows its current state.")
        )
    if locked.status != AttemptStatus.SUBMITTED:
        raise DomainError(_("There is nothing to review in this attempt."), code="not_waiting")
    if locked.assessment.status == AssessmentStatus.CANCELLED:
        raise DomainError(
            _("This assessment was cancelled: its answers are kept but no longer scored."), code="cancelled"
        )
    answers = list(locked.answers.select_related("question", "option"))
    for answer in answers:
        if answer.points is not None:
            continue
        mark = marks.get(answer.pk)
        if mark is None:
            raise DomainError(
                _("Question %(number)s: score this answer.") % {"number": answer.position}, code="unscored"
            )
        answer.points = mark_points(answer, mark)
        answer.ratings = mark.ratings if answer.question.rubric else {}
        answer.review_note = mark.note.strip()[:1000]
        answer.save(update_fields=["points", "ratings", "review_note"])
    locked.reviewed_by, locked.reviewed_at = actor, timezone.now()
    audit_record(actor=actor, action="online_test.reviewed", subject=locked.assessment, changes={})
    return result_record(attempt=locked, answers=answers, actor=actor)


def result_record(*, attempt: Attempt, answers: list[Answer], actor: User | None) -> Attempt:
    """The total on the assessment type's scale, its outcome against the pass mark, written on the
    assessment with result_source "online". Runs in the caller's transaction.
    TODO(lead): switch to the assessments app's result service when it lands; these are the same fields."""
    points = sum((answer.points or Decimal(0) for answer in answers), Decimal(0))
    attempt.points = points
    attempt.status = AttemptStatus.SCORED
    attempt.version += 1
    attempt.save()
    assessment = (
        Assessment.objects.select_for_update().select_related("assessment_type").get(pk=attempt.assessment_id)
    )
    kind = assessment.assessment_type
    score = min(score_scale(points, attempt.max_points, kind.max_score), kind.max_score)
    assessment.score = score
    assessment.outcome = outcome_of(kind, Result(score=score))
    assessment.result_source = ResultSource.ONLINE
    assessment.result_recorded_at = timezone.now()
    assessment.result_recorded_by = actor
    assessment.status = AssessmentStatus.COMPLETED
    assessment.version += 1
    assessment.save()
    audit_record(
        actor=actor,
        action="online_test.result_recorded",
        subject=assessment,
        changes={"score": str(score), "outcome": assessment.outcome, "points": str(points)},
    )
    return attempt
