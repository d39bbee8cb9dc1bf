"""Splitting an answer into sentences and words, keeping character offsets into the original text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? or … followed by a space, or at a line break; "Rp5.000.000" and "3.5" stay whole.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")

_ID_MARKERS = frozenset(
    {"yang", "dan", "saya", "di", "itu", "tidak", "dengan", "untuk", "ini", "ke", "kami", "dari", "karena"}
    | {"sudah", "ada", "juga", "bisa", "akan", "lalu", "jadi"}
)
_EN_MARKERS = frozenset(
    {"the", "and", "i", "to", "a", "of", "was", "my", "we", "in", "it", "that", "is", "for", "with", "this"}
    | {"had", "were", "so", "be"}
)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def sentences(text: str) -> list[Sentence]:
    found: list[Sentence] = []
    position = 0
    for separator in _SENTENCE_END.finditer(text):
        _append(found, text, position, separator.start())
        position = separator.end()
    _append(found, text, position, len(text))
    return found


def _append(found: list[Sentence], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        start += len(piece) - len(piece.lstrip())
        found.append(Sentence(start, start + len(stripped), stripped))


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def language_guess(text: str, default: str = "id") -> str:
    """ "id" or "en" by the share of very common words of each language; `default` when it cannot tell."""
    lowered = [w.lower() for w in words(text)[:400]]
    id_hits = sum(w in _ID_MARKERS for w in lowered)
    en_hits = sum(w in _EN_MARKERS for w in lowered)
    if id_hits == en_hits:
        return default
    return "id" if id_hits > en_hits else "en"
