"""The practice feedback engine: rules and word lists, pure Python, no network, no model.

    feedback = feedback_compute(round_type="user", answer=text, language="id", job_terms=job.requirements)

returns a `Feedback` (result.py): the STAR parts found with the sentences that carry them, concrete evidence
(numbers, percentages, money, durations, tools), length and speaking time, filler words, hedging, the job's
terms touched and missed, and round cues (blaming others and motivation for HR, the problem-solving sequence
for the user round). `feedback_notes` (explain.py) words it in plain language for the candidate.

The rules are general (see each module); the word lists are data in data/*.json, one per language, plus
tools.json and variants.json shared by both. The same input always gives the same output. Quality on the
labelled answer set: `python -m rekrut.practice.measure`.
"""

from __future__ import annotations

from collections.abc import Iterable

from rekrut.practice.feedback.cues import blames_found, generic_found, motivation_found, sequence_found
from rekrut.practice.feedback.delivery import (
    DEFAULT_RANGE,
    GOOD_RANGE,
    fillers_found,
    hedges_found,
    speaking_seconds,
)
from rekrut.practice.feedback.evidence import evidence_found
from rekrut.practice.feedback.lexicon import LANGUAGES, lexicon
from rekrut.practice.feedback.result import STAR_PARTS, Feedback, Found, StarPart, TermHit
from rekrut.practice.feedback.star import star_parts
from rekrut.practice.feedback.terms import terms_extract, terms_match
from rekrut.practice.feedback.text import language_guess, sentences, words

__all__ = [
    "STAR_PARTS",
    "Feedback",
    "Found",
    "StarPart",
    "TermHit",
    "feedback_compute",
    "language_guess",
    "terms_extract",
]

# Longer text is cut: a spoken answer of ten minutes is about 1,300 words, far past any good range.
MAX_CHARS = 20_000


def feedback_compute(
    *,
    round_type: str,
    answer: str,
    language: str | None = None,
    job_terms: str | Iterable[str] | None = None,
) -> Feedback:
    """Feedback on one answer. `language` is "id" or "en" (guessed from the text when None or unknown);
    `job_terms` is the job's requirements text or a list of its key phrases."""
    text = (answer or "")[:MAX_CHARS].replace("’", "'")
    if language not in LANGUAGES:
        language = language_guess(text)
    lex = lexicon(language)
    parts = sentences(text)
    star = star_parts(lex, text, parts)
    spans = {p.name: p.spans for p in star}
    sequence, in_order = sequence_found(lex, parts, spans["situation"], spans["result"])
    count = len(words(text))
    evidence = evidence_found(lex, text)
    story = spans["task"] + spans["action"] + spans["result"]
    backing = tuple(
        f
        for f in evidence
        if f.kind in ("money", "percentage") or any(start <= f.start < end for start, end in story)
    )
    return Feedback(
        language=language,
        round_type=round_type,
        star=star,
        evidence=evidence,
        words=count,
        seconds=speaking_seconds(count),
        good_range=GOOD_RANGE.get(round_type, DEFAULT_RANGE),
        fillers=fillers_found(lex, text),
        hedges=hedges_found(lex, text),
        blames=blames_found(lex, parts),
        motivation=motivation_found(lex, text),
        sequence=sequence,
        sequence_in_order=in_order,
        terms=terms_match(terms_extract(job_terms), text),
        generic=generic_found(lex, parts),
        evidence_backing=backing,
    )
