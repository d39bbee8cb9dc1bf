"""How the answer would sound spoken: length and speaking time, filler words, hedging."""

from __future__ import annotations

import re

from rekrut.practice.feedback.lexicon import Lexicon, lexicon
from rekrut.practice.feedback.result import Found

# Speaking pace of a calm interview answer, in words per minute.
WORDS_PER_MINUTE = 130

# A good spoken answer per round, in words (about 45 s to 2 min for HR; up to 2.5 min for a story of work).
GOOD_RANGE: dict[str, tuple[int, int]] = {
    "hr": (60, 260),
    "user": (90, 330),
    "superior": (80, 300),
    "director": (80, 300),
}
DEFAULT_RANGE = (70, 300)


def speaking_seconds(word_count: int) -> int:
    return round(word_count * 60 / WORDS_PER_MINUTE)


def _found(kind: str, patterns: tuple[re.Pattern[str], ...], text: str) -> list[Found]:
    return [Found(kind, m.group(0).strip(" ,."), *m.span()) for p in patterns for m in p.finditer(text)]


def fillers_found(lex: Lexicon, text: str) -> tuple[Found, ...]:
    # Candidates mix languages when they speak, so both languages' fillers count.
    other = lexicon("en" if lex.language == "id" else "id")
    return _unique(_found("filler", lex.fillers, text) + _found("filler", other.fillers, text))


def hedges_found(lex: Lexicon, text: str) -> tuple[Found, ...]:
    other = lexicon("en" if lex.language == "id" else "id")
    return _unique(_found("hedge", (lex.hedges, other.hedges), text))


def _unique(found: list[Found]) -> tuple[Found, ...]:
    kept: list[Found] = []
    for item in sorted(found, key=lambda f: (f.start, -f.end)):
        if not any(item.start < k.end and k.start < item.end for k in kept):
            kept.append(item)
    return tuple(kept)
