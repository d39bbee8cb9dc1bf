"""The engine against the labelled answer set (tests/practice/data): agreement per judgement and language.

The issue's bar: at least 80% agreement on the STAR judgement (the four parts) in each language. The table is
printed (pytest -s) and is the one in the README (python -m rekrut.practice.measure).
"""

import pytest

from rekrut.practice.measure import DEFAULT_DIR, agreement, load, table

STAR_BAR = 0.80


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_labelled_set_has_at_least_60_answers_of_each_quality_mix(language) -> None:
    items = load(DEFAULT_DIR, language)
    assert len(items) >= 60
    assert {item["quality"] for item in items} == {"strong", "average", "weak"}
    assert all(item["language"] == language for item in items)


def test_star_agreement_is_at_least_80_percent_per_language() -> None:
    results = [agreement(load(DEFAULT_DIR, language), language) for language in ("id", "en")]
    print("\n" + table(results))
    for result in results:
        assert result.answers >= 60
        assert result.rates["star"] >= STAR_BAR, (result.language, result.rates)
