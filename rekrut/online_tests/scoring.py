"""Scoring rules, pure: no ORM. An objective answer is right or wrong; a reviewed one earns the share of its
points that its rubric ratings give (1 = none of it, 4 = all of it), or the points the reviewer gives."""

import random
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import TypeVar

RATING_MIN, RATING_MAX = 1, 4
CENTS = Decimal("0.01")

T = TypeVar("T")


def number_is_right(given: Decimal | None, expected: Decimal | None, tolerance: Decimal) -> bool:
    """Within ±tolerance of the expected number, the bounds included."""
    if given is None or expected is None:
        return False
    return abs(given - expected) <= tolerance


def rubric_points(points: Decimal, ratings: Sequence[int]) -> Decimal:
    """The share of `points` that ratings of 1–4 give: all 1s earn nothing, all 4s earn every point."""
    if not ratings:
        return Decimal(0)
    span = Decimal(len(ratings) * (RATING_MAX - RATING_MIN))
    earned = Decimal(sum(rating - RATING_MIN for rating in ratings))
    return (points * earned / span).quantize(CENTS, rounding=ROUND_HALF_UP)


def score_scale(points: Decimal, max_points: Decimal, max_score: Decimal) -> Decimal:
    """Points on the assessment type's scale (e.g. 0–100)."""
    if max_points <= 0:
        return Decimal(0)
    return (points * max_score / max_points).quantize(CENTS, rounding=ROUND_HALF_UP)


def draw(pool: Sequence[T], count: int, rng: random.Random) -> list[T]:
    """`count` distinct items of the pool in random order (the whole pool, shuffled, when count is 0 or
    larger than the pool)."""
    if count <= 0 or count >= len(pool):
        count = len(pool)
    return rng.sample(list(pool), count)
