"""The scoring rules alone: the numeric tolerance, rubric shares, the scale, and the random draw."""

import random
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from rekrut.online_tests.scoring import draw, number_is_right, rubric_points, score_scale

amounts = st.decimals(min_value=-10_000, max_value=10_000, places=4, allow_nan=False, allow_infinity=False)
tolerances = st.decimals(min_value=0, max_value=100, places=4, allow_nan=False, allow_infinity=False)


@given(expected=amounts, tolerance=tolerances, offset=tolerances)
def test_a_number_within_the_tolerance_is_right_and_beyond_it_wrong(expected, tolerance, offset) -> None:
    given_number = expected + offset
    assert number_is_right(given_number, expected, tolerance) == (offset <= tolerance)
    assert number_is_right(expected - offset, expected, tolerance) == (offset <= tolerance)


def test_the_tolerance_bounds_count_as_right_and_no_answer_is_wrong() -> None:
    assert number_is_right(Decimal("12.6"), Decimal("12.5"), Decimal("0.1"))
    assert not number_is_right(Decimal("12.6001"), Decimal("12.5"), Decimal("0.1"))
    assert not number_is_right(None, Decimal("12.5"), Decimal("1"))


def test_rubric_ratings_give_a_share_of_the_points() -> None:
    assert rubric_points(Decimal(4), [1, 1]) == 0
    assert rubric_points(Decimal(4), [4, 4]) == 4
    assert rubric_points(Decimal(4), [3, 2]) == Decimal("2.00")
    assert rubric_points(Decimal(3), [2]) == Decimal("1.00")


@given(ratings=st.lists(st.integers(min_value=1, max_value=4), min_size=1, max_size=8))
def test_rubric_points_never_leave_zero_to_the_question_points(ratings) -> None:
    assert 0 <= rubric_points(Decimal(5), ratings) <= 5


def test_points_are_put_on_the_type_scale() -> None:
    assert score_scale(Decimal(3), Decimal(4), Decimal(100)) == Decimal("75.00")
    assert score_scale(Decimal(0), Decimal(0), Decimal(100)) == 0


@given(
    pool_size=st.integers(min_value=1, max_value=40),
    count=st.integers(min_value=0, max_value=50),
    seed=st.integers(),
)
def test_a_draw_is_always_distinct_questions_of_the_pool(pool_size, count, seed) -> None:
    pool = list(range(pool_size))
    drawn = draw(pool, count, random.Random(seed))
    expected = pool_size if count == 0 or count >= pool_size else count
    assert len(drawn) == expected
    assert len(set(drawn)) == len(drawn)
    assert set(drawn) <= set(pool)
