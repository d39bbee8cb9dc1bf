"""What the engine returns: plain data, no wording (explain.py words it in the candidate's language)."""

from __future__ import annotations

from dataclasses import dataclass, field

STAR_PARTS = ("situation", "task", "action", "result")
SEQUENCE_STEPS = ("problem", "analysis", "options", "solution", "result")


@dataclass(frozen=True)
class Found:
    """One thing found in the answer: its kind (e.g. "percentage", "tool", "filler"), the text and where."""

    kind: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class StarPart:
    name: str  # one of STAR_PARTS
    found: bool
    spans: tuple[tuple[int, int], ...] = ()  # the sentences that carry it
    cues: tuple[str, ...] = ()  # the words that gave it away


@dataclass(frozen=True)
class TermHit:
    term: str  # as the job's requirements write it
    used: bool
    matched: tuple[str, ...] = ()  # what in the answer touched it


@dataclass(frozen=True)
class Feedback:
    language: str
    round_type: str
    star: tuple[StarPart, ...]
    evidence: tuple[Found, ...]
    words: int
    seconds: int
    good_range: tuple[int, int]  # words
    fillers: tuple[Found, ...]
    hedges: tuple[Found, ...]
    blames: tuple[Found, ...]
    motivation: tuple[Found, ...]
    sequence: tuple[tuple[str, bool], ...]  # (step, found) in SEQUENCE_STEPS order
    sequence_in_order: bool
    terms: tuple[TermHit, ...] = ()
    generic: tuple[Found, ...] = field(default=())  # sentences about oneself in general, no story
    # The evidence that backs the story: amounts and percentages anywhere, other figures and tools only in a
    # sentence telling a task, an action or a result ("3 years of Excel" in a self-description proves nothing
    # yet).
    evidence_backing: tuple[Found, ...] = field(default=())

    def part(self, name: str) -> StarPart:
        return next(p for p in self.star if p.name == name)

    @property
    def star_found(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.star if p.found)

    @property
    def star_missing(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.star if not p.found)

    @property
    def star_complete(self) -> bool:
        return all(p.found for p in self.star)

    @property
    def has_evidence(self) -> bool:
        return bool(self.evidence_backing)

    @property
    def has_fillers(self) -> bool:
        return bool(self.fillers)

    @property
    def blames_others(self) -> bool:
        return bool(self.blames)

    @property
    def length(self) -> str:
        """ "empty", "short", "good" or "long" for a spoken answer."""
        low, high = self.good_range
        if self.words == 0:
            return "empty"
        if self.words < low:
            return "short"
        if self.words > high:
            return "long"
        return "good"

    @property
    def tools(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.text for f in self.evidence if f.kind == "tool"))

    @property
    def terms_used(self) -> tuple[str, ...]:
        return tuple(t.term for t in self.terms if t.used)

    @property
    def terms_missed(self) -> tuple[str, ...]:
        return tuple(t.term for t in self.terms if not t.used)

    def summary(self) -> dict:
        """A small JSON-ready record of the judgement (what a stored practice answer keeps)."""
        return {
            "star": list(self.star_found),
            "evidence": len(self.evidence),
            "words": self.words,
            "seconds": self.seconds,
            "length": self.length,
            "fillers": len(self.fillers),
            "hedges": len(self.hedges),
            "blames": len(self.blames),
            "terms_used": list(self.terms_used),
            "terms_missed": list(self.terms_missed),
        }
