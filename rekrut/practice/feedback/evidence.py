"""Concrete evidence: numbers, percentages, money ("Rp5 juta"), durations and tools named."""

from __future__ import annotations

import re

from rekrut.practice.feedback.lexicon import Lexicon, tools_pattern
from rekrut.practice.feedback.result import Found

_PERCENT = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?\s*(?:%|persen\b|percent\b|per\s+cent\b)", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?:[.,]\d+)?(?:\s*(?:x|kali|times)\b)?", re.IGNORECASE)
# A year on its own ("pada 2021") dates a story; it is not a measure of its result.
_YEAR = re.compile(r"^(?:19[5-9]\d|20[0-4]\d)$")


def evidence_found(lex: Lexicon, text: str) -> tuple[Found, ...]:
    found: list[Found] = []
    taken = bytearray(len(text) + 1)  # characters already part of a find: "Rp5 juta" is not also a number

    def add(kind: str, match: re.Match[str]) -> None:
        start, end = match.span()
        if any(taken[start:end]):
            return
        taken[start:end] = b"\x01" * (end - start)
        found.append(Found(kind, match.group(0).strip(), start, end))

    for match in lex.money.finditer(text):
        add("money", match)
    for match in _PERCENT.finditer(text):
        add("percentage", match)
    for match in lex.duration.finditer(text):
        add("duration", match)
    for match in _NUMBER.finditer(text):
        if not _YEAR.match(match.group(0)):
            add("number", match)
    for match in tools_pattern().finditer(text):
        add("tool", match)
    return tuple(sorted(found, key=lambda f: f.start))
