"""The question bank the practice pages and the prep packs read."""

import pytest
from django.utils import translation

from rekrut.interviews.models import RoundType
from rekrut.jobs.models import JobFamily
from rekrut.practice.bank import QUESTIONS, question_get, questions_for

ROUNDS = ("hr", "user", "superior", "director")


@pytest.mark.parametrize("round_type", ROUNDS)
def test_each_round_has_at_least_eight_general_questions(round_type) -> None:
    assert len(questions_for(round_type)) >= 8


@pytest.mark.parametrize("family", [value for value, _label in JobFamily.choices])
def test_each_job_family_has_its_own_questions_first(family) -> None:
    asked = questions_for("user", family)
    assert asked[0].families == (family,)
    assert all(not q.families or family in q.families for q in asked)


def test_leadership_questions_only_for_managerial_roles() -> None:
    assert not any(q.managerial for q in questions_for("user", "sales"))
    assert any(q.managerial for q in questions_for("user", "sales", managerial=True))


def test_keys_are_unique_and_found_and_rounds_and_families_are_real() -> None:
    assert len({q.key for q in QUESTIONS}) == len(QUESTIONS)
    families = {value for value, _label in JobFamily.choices}
    for q in QUESTIONS:
        assert question_get(q.key) is q
        assert q.round_type in RoundType.values
        assert set(q.families) <= families
        assert q.key.startswith(q.round_type + ".")
    assert question_get("no.such.question") is None


def test_texts_are_shown_in_the_active_language() -> None:
    question = question_get("hr.motivation.why_us")
    assert question is not None
    with translation.override("en"):
        assert str(question.text).startswith("Why do you want to work")
        assert str(question.good_answer_shows)
