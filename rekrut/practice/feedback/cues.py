"""Round-specific cues.

HR rounds weigh attitude: blaming a former employer, boss or colleagues reads as a warning sign, and an answer
to "why us" should show motivation. User rounds weigh problem solving: problem → analysis → options →
solution → result, in that order.
"""

from __future__ import annotations

from rekrut.practice.feedback.lexicon import Lexicon
from rekrut.practice.feedback.result import SEQUENCE_STEPS, Found
from rekrut.practice.feedback.text import Sentence


def blames_found(lex: Lexicon, sentences: list[Sentence]) -> tuple[Found, ...]:
    """Sentences that judge another party harshly: a harsh word or complaint, with the party named in the same
    or the sentence before ("Atasan saya yang lama ... Dia tidak pernah mau mendengar"), unless the speaker
    owns a share of it in the same sentence ("salah saya juga", "my mistake")."""
    found = []
    party_before = False
    for sentence in sentences:
        party_here = bool(lex.blame_parties.search(sentence.text))
        harsh = any(pattern.search(sentence.text) for pattern in lex.blame_words)
        if harsh and (party_here or party_before) and not lex.blame_self_owned.search(sentence.text):
            found.append(Found("blame", sentence.text, sentence.start, sentence.end))
        party_before = party_here
    return tuple(found)


def motivation_found(lex: Lexicon, text: str) -> tuple[Found, ...]:
    return tuple(Found("motivation", m.group(0), *m.span()) for m in lex.motivation.finditer(text))


def generic_found(lex: Lexicon, sentences: list[Sentence]) -> tuple[Found, ...]:
    return tuple(
        Found("generic", s.text, s.start, s.end) for s in sentences if lex.generic_sentence.search(s.text)
    )


def sequence_found(
    lex: Lexicon,
    sentences: list[Sentence],
    situation_spans: tuple[tuple[int, int], ...],
    result_spans: tuple[tuple[int, int], ...],
) -> tuple[tuple[tuple[str, bool], ...], bool]:
    """Which problem-solving steps the answer tells, and whether the ones told come in order.

    The problem is often set out as the situation ("response times were nine hours"), so when a problem is
    named, the situation's first sentence counts as where it starts."""
    first: dict[str, int] = {}
    patterns = {
        "problem": lex.problem,
        "analysis": lex.analysis,
        "options": lex.options,
        "solution": lex.solution,
    }
    for index, sentence in enumerate(sentences):
        for step, pattern in patterns.items():
            if step not in first and pattern.search(sentence.text):
                first[step] = index
        if "result" not in first and any(s == (sentence.start, sentence.end) for s in result_spans):
            first["result"] = index
    situation_at = [i for i, s in enumerate(sentences) if (s.start, s.end) in situation_spans]
    if "problem" in first and situation_at:
        first["problem"] = min(first["problem"], situation_at[0])
    order = [first[step] for step in SEQUENCE_STEPS if step in first]
    return tuple((step, step in first) for step in SEQUENCE_STEPS), order == sorted(order)
