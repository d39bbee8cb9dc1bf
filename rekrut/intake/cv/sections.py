"""A CV's sections, found by their headings in Indonesian or English ("Pengalaman Kerja", "Education")."""

from __future__ import annotations

from dataclasses import dataclass, field

from rekrut.intake.cv.words import folded, heading_kinds

MAX_HEADING_WORDS = 5


@dataclass
class Section:
    kind: str  # "top" (before any heading), work, education, skills, languages, certificates, summary, ...
    heading: str
    lines: list[str] = field(default_factory=list)


def heading_kind(line: str) -> tuple[str, str] | None:
    """(kind, text after the heading) when the line is a section heading, else None. "Skills: Python, SQL"
    is a heading with its content on the same line."""
    if len(line.split()) <= MAX_HEADING_WORDS and (kind := heading_kinds().get(folded(line))):
        return kind, ""
    head, colon, rest = line.partition(":")
    if colon and rest.strip() and len(head.split()) <= MAX_HEADING_WORDS:
        kind = heading_kinds().get(folded(head))
        if kind in ("skills", "languages", "certificates"):
            return kind, rest.strip()
    return None


def sections_split(lines: list[str]) -> list[Section]:
    sections = [Section(kind="top", heading="")]
    for line in lines:
        found = heading_kind(line)
        if found is None:
            sections[-1].lines.append(line)
            continue
        kind, rest = found
        sections.append(Section(kind=kind, heading=line, lines=[rest] if rest else []))
    return sections


def section_lines(sections: list[Section], kind: str) -> list[str]:
    return [line for section in sections if section.kind == kind for line in section.lines]
