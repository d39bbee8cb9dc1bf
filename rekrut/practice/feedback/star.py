"""STAR: does the answer tell a situation, a task, an action and a result?

Each sentence is read for the cues of each part (lexicon data/*.json). Three general rules keep it honest:
- an action is something the speaker did ("saya menyusun", "I rebuilt"): not what "we" did (say what you did),
  not what they would, usually or always do (a sentence with "akan", "kalau", "would", "if", "usually" tells a
  plan or a habit), nor a state ("saya memiliki", "I felt");
- a habit sets no scene either: "When a customer is angry, I ..." is not the situation of a story;
- words of change ("naik", "increased") are a result only after an action has been told; before it they
  describe the problem ("penjualan turun" is the situation).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict

from rekrut.practice.feedback.lexicon import Lexicon
from rekrut.practice.feedback.result import STAR_PARTS, StarPart
from rekrut.practice.feedback.text import Sentence


def _by_sentence(patterns: tuple[re.Pattern[str], ...], text: str, starts: list[int]) -> dict[int, list[str]]:
    """The matches of `patterns` in the whole text, grouped by the sentence each ends in (a cue matched as
    ". When" belongs to the sentence of "When"). One pass per pattern over the whole text is much faster than
    one per sentence."""
    found: dict[int, list[str]] = defaultdict(list)
    for pattern in patterns:
        for match in pattern.finditer(text):
            index = bisect_right(starts, max(match.end() - 1, match.start())) - 1
            if index >= 0:
                found[index].append(match.group(0))
    return found


def star_parts(lex: Lexicon, text: str, sentences: list[Sentence]) -> tuple[StarPart, ...]:
    starts = [s.start for s in sentences]
    habitual = _by_sentence((lex.hypothetical,), text, starts)
    cues_of = {
        "situation": _by_sentence(lex.situation, text, starts),
        "task": _by_sentence(lex.task, text, starts),
        "action": _by_sentence(lex.action, text, starts),
        "result": _by_sentence(lex.result, text, starts),
    }
    changes = _by_sentence(lex.result_change, text, starts)
    spans: dict[str, list[tuple[int, int]]] = {part: [] for part in STAR_PARTS}
    cues: dict[str, list[str]] = {part: [] for part in STAR_PARTS}
    action_seen = False
    for index, sentence in enumerate(sentences):
        is_habit = index in habitual
        found = {part: list(cues_of[part].get(index, ())) for part in STAR_PARTS}
        if is_habit:
            found["situation"] = []
            found["action"] = []
        found["action"] = [
            said for said in found["action"] if said.split()[-1].lower().strip(",") not in lex.action_generic
        ]
        if action_seen or found["action"]:
            found["result"] += changes.get(index, [])
        action_seen = action_seen or bool(found["action"])
        for part, said in found.items():
            if said:
                spans[part].append((sentence.start, sentence.end))
                cues[part].extend(said)
    return tuple(
        StarPart(
            part, bool(spans[part]), tuple(spans[part]), tuple(dict.fromkeys(c.lower() for c in cues[part]))
        )
        for part in STAR_PARTS
    )
