"""Every result shape and the outcome it means (outcomes.py, no database)."""

from decimal import Decimal

import pytest

from rekrut.assessments.models import AssessmentType, Outcome, ResultShape
from rekrut.assessments.outcomes import Result, outcome_of
from rekrut.assessments.services.types import rubric_from_lines
from rekrut.core.errors import DomainError

SCORE = AssessmentType(shape=ResultShape.SCORE, max_score=Decimal(100), pass_mark=Decimal(70))
CATEGORY = AssessmentType(shape=ResultShape.CATEGORY)
RUBRIC = AssessmentType(
    shape=ResultShape.RUBRIC, rubric=rubric_from_lines("A\nB\nC"), rubric_pass_average=Decimal(3)
)


@pytest.mark.parametrize(
    ("score", "outcome"),
    [("70", Outcome.PASSED), ("100", Outcome.PASSED), ("69.99", Outcome.FAILED), ("0", Outcome.FAILED)],
)
def test_a_score_at_or_above_the_pass_mark_passes(score, outcome):
    assert outcome_of(SCORE, Result(score=Decimal(score))) == outcome


@pytest.mark.parametrize("score", ["-1", "100.01"])
def test_a_score_outside_the_range_is_refused(score):
    with pytest.raises(DomainError) as refused:
        outcome_of(SCORE, Result(score=Decimal(score)))
    assert refused.value.code == "score_out_of_range"


def test_a_score_without_a_pass_mark_is_for_the_team_to_weigh():
    kind = AssessmentType(shape=ResultShape.SCORE, max_score=Decimal(100), pass_mark=None)
    assert outcome_of(kind, Result(score=Decimal(95))) == Outcome.BORDERLINE


@pytest.mark.parametrize(
    ("category", "outcome"),
    [
        ("recommended", Outcome.PASSED),
        ("considered", Outcome.BORDERLINE),
        ("not_recommended", Outcome.FAILED),
    ],
)
def test_each_psikotes_category_means_its_outcome(category, outcome):
    assert outcome_of(CATEGORY, Result(category=category)) == outcome


def test_an_unknown_category_is_refused():
    with pytest.raises(DomainError) as refused:
        outcome_of(CATEGORY, Result(category="excellent"))
    assert refused.value.code == "category_unknown"


@pytest.mark.parametrize(
    ("ratings", "outcome"),
    [
        ((3, 3, 3), Outcome.PASSED),
        ((4, 3, 2), Outcome.PASSED),
        ((3, 3, 2), Outcome.FAILED),
        ((1, 1, 1), Outcome.FAILED),
    ],
)
def test_a_rubric_passes_when_its_average_reaches_the_pass_average(ratings, outcome):
    result = Result(ratings=dict(zip(["c1", "c2", "c3"], ratings, strict=True)))
    assert outcome_of(RUBRIC, result) == outcome


@pytest.mark.parametrize(
    "ratings", [{"c1": 3, "c2": 3}, {"c1": 3, "c2": 3, "c3": 5}, {"c1": 0, "c2": 3, "c3": 3}]
)
def test_a_rubric_needs_every_criterion_rated_1_to_4(ratings):
    with pytest.raises(DomainError) as refused:
        outcome_of(RUBRIC, Result(ratings=ratings))
    assert refused.value.code == "ratings_incomplete"
