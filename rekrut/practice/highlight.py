"""The answer cut into pieces for the feedback page: each sentence with the STAR parts it carries."""

from __future__ import annotations

from dataclasses import dataclass

from rekrut.practice.feedback import Feedback


@dataclass(frozen=True)
class Segment:
    text: str
    parts: tuple[str, ...] = ()


def answer_segments(answer: str, feedback: Feedback) -> list[Segment]:
    text = answer.replace("’", "'")  # the engine read it so; same length, so offsets hold
    marks: dict[tuple[int, int], list[str]] = {}
    for part in feedback.star:
        for span in part.spans:
            marks.setdefault(span, []).append(part.name)
    segments: list[Segment] = []
    position = 0
    for (start, end), parts in sorted(marks.items()):
        if start < position:
            continue
        if start > position:
            segments.append(Segment(answer[position:start]))
        segments.append(Segment(answer[start:end], tuple(parts)))
        position = end
    if position < len(text):
        segments.append(Segment(answer[position:]))
    return segments
