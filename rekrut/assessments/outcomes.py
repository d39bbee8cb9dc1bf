"""What a result means, whatever its shape: a score against the pass mark, a psikotes category, or the
average of 1–4 rubric ratings against the pass average. Pure: no database, so every shape is tested alone.

A type with no pass mark records scores for the team to weigh: they read as "borderline", never as passed.
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _

from rekrut.assessments.models import AssessmentType, Category, Outcome, ResultShape
from rekrut.core.errors import DomainError

RATINGS = (1, 2, 3, 4)

CATEGORY_OUTCOME = {
    Category.RECOMMENDED: Outcome.PASSED,
    Category.CONSIDERED: Outcome.BORDERLINE,
    Category.NOT_RECOMMENDED: Outcome.FAILED,
}


@dataclass(frozen=True)
class Result:
    score: Decimal | None = None
    category: str = ""
    ratings: dict[str, int] | None = None


def score_read(raw: object) -> Decimal:
    """A score as typed or as a provider's file writes it ("78", "78,5", "78.50")."""
    text = str(raw).strip().replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise DomainError(
            _("“%(value)s” is not a number.") % {"value": text}, code="score_not_a_number"
        ) from None
    if not value.is_finite():
        raise DomainError(_("“%(value)s” is not a number.") % {"value": text}, code="score_not_a_number")
    return value


def score_check(kind: AssessmentType, score: Decimal) -> None:
    if score < 0 or score > kind.max_score:
        raise DomainError(
            _("The score must be between 0 and %(max)s.") % {"max": _number(kind.max_score)},
            code="score_out_of_range",
        )


def _number(value: Decimal) -> str:
    return f"{value.normalize():f}"


def rubric_average(ratings: dict[str, int]) -> Decimal:
    return (Decimal(sum(ratings.values())) / len(ratings)).quantize(Decimal("0.01"))


def outcome_of(kind: AssessmentType, result: Result) -> str:
    """The outcome of a result in the type's shape; refuses a result that does not fit the shape."""
    if kind.shape == ResultShape.SCORE:
        if result.score is None:
            raise DomainError(_("Enter the score."), code="score_required")
        score_check(kind, result.score)
        if kind.pass_mark is None:
            # No pass mark: the score is recorded for the team to weigh, neither passed nor failed.
            return Outcome.BORDERLINE
        return Outcome.PASSED if result.score >= kind.pass_mark else Outcome.FAILED
    if kind.shape == ResultShape.CATEGORY:
        if result.category not in CATEGORY_OUTCOME:
            raise DomainError(
                _("Choose the category: recommended, to be considered or not recommended."),
                code="category_unknown",
            )
        return CATEGORY_OUTCOME[Category(result.category)]
    keys = [row["key"] for row in kind.rubric]
    ratings = result.ratings or {}
    if set(ratings) != set(keys) or any(ratings[key] not in RATINGS for key in keys):
        raise DomainError(_("Rate every criterion from 1 to 4."), code="ratings_incomplete")
    average = rubric_average(ratings)
    pass_average = kind.rubric_pass_average or Decimal("3")
    return Outcome.PASSED if average >= pass_average else Outcome.FAILED
