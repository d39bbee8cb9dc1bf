"""The word lists of the feedback engine (data/*.json), compiled once per language into regular expressions.

Phrases match on word boundaries and case-insensitively, on the original text, so every match's offsets point
into the answer exactly as the candidate wrote it (for highlighting).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

WORDS_DIR = Path(__file__).parent / "data"  # packaged by pyproject's "data/*.json"
LANGUAGES = ("id", "en")

# A never-matching pattern for an empty list.
_NOTHING = re.compile(r"(?!x)x")


def phrases_pattern(phrases: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """One alternation of `phrases`, longest first (so "apa ya" wins over "ya"), on word boundaries."""
    phrases = sorted({p.strip().lower() for p in phrases if p.strip()}, key=len, reverse=True)
    if not phrases:
        return _NOTHING
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def patterns_pattern(patterns: list[str]) -> re.Pattern[str]:
    if not patterns:
        return _NOTHING
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class Lexicon:
    language: str
    stopwords: frozenset[str]
    situation: tuple[re.Pattern[str], ...]
    task: tuple[re.Pattern[str], ...]
    action: tuple[re.Pattern[str], ...]
    action_generic: frozenset[str]
    hypothetical: re.Pattern[str]
    result: tuple[re.Pattern[str], ...]
    result_change: tuple[re.Pattern[str], ...]
    fillers: tuple[re.Pattern[str], ...]
    hedges: re.Pattern[str]
    blame_parties: re.Pattern[str]
    blame_words: tuple[re.Pattern[str], ...]
    blame_self_owned: re.Pattern[str]
    motivation: re.Pattern[str]
    problem: re.Pattern[str]
    analysis: re.Pattern[str]
    options: re.Pattern[str]
    solution: re.Pattern[str]
    money: re.Pattern[str]
    duration: re.Pattern[str]
    generic_sentence: re.Pattern[str]


def _load(name: str) -> dict:
    return json.loads((WORDS_DIR / f"{name}.json").read_text(encoding="utf-8"))


@cache
def lexicon(language: str) -> Lexicon:
    data = _load(language if language in LANGUAGES else "id")
    numbers = "|".join(re.escape(w) for w in data["numbers_words"])
    units = "|".join(re.escape(w) for w in data["duration_units"])
    return Lexicon(
        language=language,
        stopwords=frozenset(data["stopwords"]),
        situation=(phrases_pattern(data["situation"]), patterns_pattern(data["situation_patterns"])),
        task=(phrases_pattern(data["task"]), patterns_pattern(data["task_patterns"])),
        action=(phrases_pattern(data["action"]), patterns_pattern(data["action_patterns"])),
        action_generic=frozenset(data["action_generic"]),
        hypothetical=phrases_pattern(data["hypothetical"]),
        result=(phrases_pattern(data["result"]), patterns_pattern(data["result_patterns"])),
        result_change=(
            phrases_pattern(data["result_change"]),
            patterns_pattern(data["result_change_patterns"]),
        ),
        fillers=(phrases_pattern(data["fillers"]), patterns_pattern(data["filler_patterns"])),
        hedges=phrases_pattern(data["hedges"]),
        blame_parties=phrases_pattern(data["blame_parties"]),
        blame_words=(phrases_pattern(data["blame_words"]), patterns_pattern(data["blame_patterns"])),
        blame_self_owned=phrases_pattern(data["blame_self_owned"]),
        motivation=phrases_pattern(data["motivation"]),
        problem=phrases_pattern(data["problem"]),
        analysis=phrases_pattern(data["analysis"]),
        options=phrases_pattern(data["options"]),
        solution=phrases_pattern(data["solution"]),
        money=patterns_pattern(data["money_patterns"]),
        duration=re.compile(
            rf"(?<!\w)(?:\d+(?:[.,]\d+)?|{numbers})(?:\s*[-–]\s*\d+)?\s+(?:{units})(?!\w)", re.IGNORECASE
        ),
        generic_sentence=phrases_pattern(data["generic_sentence"]),
    )


@cache
def tools_pattern() -> re.Pattern[str]:
    return phrases_pattern(_load("tools")["tools"])


@cache
def variant_groups() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(g) for g in _load("variants")["groups"])


@cache
def all_stopwords() -> frozenset[str]:
    return lexicon("id").stopwords | lexicon("en").stopwords
