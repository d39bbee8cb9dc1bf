"""The job's terms: key phrases of the job's requirements, and which of them the answer touches.

A requirements text ("- Pengalaman minimal 2 tahun di bidang penjualan B2B\n- Menguasai Microsoft Excel") is
cut at line breaks, bullets and list punctuation and at "dan/and/serta"; words that only frame a requirement
("pengalaman", "minimal", "mampu", "experience", "strong") are dropped, leaving "penjualan B2B" and
"Microsoft Excel". A term is touched when at least half of its words appear in the answer, in either language
(variants.json: "penjualan" = "sales") or in another form of the word ("analisis" in "menganalisis").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import cache

from rekrut.practice.feedback.lexicon import all_stopwords, variant_groups
from rekrut.practice.feedback.result import TermHit
from rekrut.practice.feedback.text import words

MAX_TERMS = 12
MAX_TERM_WORDS = 4
_CUT = re.compile(r"[\n;:,()•·*|]+|\s[-–]\s|^\s*[-–]\s*|\s(?:dan|serta|and)\s", re.IGNORECASE | re.MULTILINE)
# "Zendesk atau Freshdesk", "Excel/Google Sheets": alternatives of one term; either one touches it.
_ALTERNATIVES = re.compile(r"\s*/\s*|\s(?:atau|or)\s", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:\d+[.)]|[a-z][.)])\s+", re.IGNORECASE)


def terms_extract(requirements: str | Iterable[str] | None) -> list[str]:
    """Key phrases of a requirements text (or of a list of phrases), in their original spelling."""
    if not requirements:
        return []
    chunks = _CUT.split(requirements) if isinstance(requirements, str) else list(requirements)
    stop = all_stopwords()
    terms: list[str] = []
    seen: set[str] = set()
    for chunk in chunks:
        chunk = _BULLET.sub("", chunk or "")
        options = []
        for option in _ALTERNATIVES.split(chunk):
            kept = [w for w in words(option) if w.lower() not in stop and not w.isdigit() and len(w) > 1]
            if kept:
                options.append(" ".join(kept[:MAX_TERM_WORDS]))
        if not options:
            continue
        term = " / ".join(options)
        if term.lower() not in seen:
            seen.add(term.lower())
            terms.append(term)
        if len(terms) >= MAX_TERMS:
            break
    return terms


@cache
def _variants_of() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for group in variant_groups():
        for phrase in group:
            table[phrase] = group
    return table


def _stem(word: str) -> str:
    word = word.lower()
    for suffix in ("nya", "lah", "kah"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _word_in(word: str, answer_words: set[str], answer_text: str) -> str | None:
    """What in the answer stands for `word`: itself, a longer or shorter form of it, or a variant."""
    stem = _stem(word)
    if stem in answer_words:
        return stem
    if len(stem) >= 5:
        for other in answer_words:
            if len(other) >= 5 and (stem in other or other in stem):
                return other
    for variant in _variants_of().get(stem, ()):
        if " " in variant:
            if re.search(rf"(?<!\w){re.escape(variant)}(?!\w)", answer_text):
                return variant
        elif variant in answer_words:
            return variant
    return None


def terms_match(terms: list[str], answer: str) -> tuple[TermHit, ...]:
    answer_text = answer.lower()
    answer_words = {_stem(w) for w in words(answer_text)}
    hits = []
    for term in terms:
        options = terms_match(term.split(" / "), answer) if " / " in term else ()
        if options:
            chosen = [hit for hit in options if hit.used]
            hits.append(TermHit(term, bool(chosen), tuple(m for hit in chosen for m in hit.matched)))
            continue
        whole = _variants_of().get(term.lower())
        if whole and any(re.search(rf"(?<!\w){re.escape(v)}(?!\w)", answer_text) for v in whole):
            hits.append(TermHit(term, True, (term.lower(),)))
            continue
        term_words = words(term)
        matched = [m for m in (_word_in(w, answer_words, answer_text) for w in term_words) if m]
        used = bool(term_words) and len(matched) >= math.ceil(len(term_words) / 2)
        hits.append(TermHit(term, used, tuple(dict.fromkeys(matched)) if used else ()))
    return tuple(hits)
