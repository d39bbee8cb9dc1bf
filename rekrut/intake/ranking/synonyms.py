"""Skills said several ways: Indonesian and English names, abbreviations and spelling variants.

data/skill_synonyms.json holds groups of terms that mean the same skill ("Microsoft Excel", "Ms. Excel",
"spreadsheet", "lembar kerja"), grouped by job family for whoever edits the file; a term HR writes matches
every term of each group it belongs to. A term in no group matches itself only.
"""

import json
from functools import cache
from pathlib import Path

from rekrut.intake.ranking.text import term_words

DATA = Path(__file__).resolve().parent.parent / "data" / "skill_synonyms.json"


@cache
def _groups() -> dict[str, frozenset[str]]:
    """Each term (as words) -> every term of every group it is in, and those of its narrower skills."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    same: dict[str, set[str]] = {}
    for family in data["families"].values():
        for group in family:
            terms = {term_words(term) for term in group} - {""}
            for term in terms:
                same.setdefault(term, set()).update(terms)
    found = {term: set(terms) for term, terms in same.items()}
    for broader, narrower in data.get("narrower", {}).items():
        extra = set().union(*(same.get(term_words(n), {term_words(n)}) for n in narrower))
        for term in same.get(term_words(broader), {term_words(broader)}):
            found.setdefault(term, {term}).update(extra)
    return {term: frozenset(terms) for term, terms in found.items()}


def variants(term: str) -> frozenset[str]:
    """The ways a CV may say `term`, as words, the term itself included."""
    key = term_words(term)
    return _groups().get(key, frozenset({key} if key else ()))


def group_count() -> tuple[int, int]:
    """(groups, terms) in the data file, for the README and the tests."""
    families = json.loads(DATA.read_text(encoding="utf-8"))["families"]
    groups = [group for family in families.values() for group in family]
    return len(groups), sum(len(group) for group in groups)
