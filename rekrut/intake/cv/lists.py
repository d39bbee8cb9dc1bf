"""Skills, languages and certifications: short items in lists, one per line or separated by commas."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rekrut.intake.cv.dates import date_range
from rekrut.intake.cv.entries import _BULLET
from rekrut.intake.cv.words import words

_ITEM_SEPARATORS = re.compile(r"\s*(?:[,;•·|]|\s/\s)\s*")
MAX_SKILL_WORDS = 5


@dataclass(frozen=True)
class Skill:
    name: str
    keywords: list[str]


def _items(text: str) -> list[str]:
    # Commas inside brackets belong to the item: "Microsoft Office (Excel, Word)".
    depth, current, items = 0, "", []
    for char in text:
        depth += char == "("
        depth -= char == ")" and depth > 0
        if depth == 0 and _ITEM_SEPARATORS.fullmatch(char):
            items.append(current)
            current = ""
        else:
            current += char
    items.append(current)
    return [item.strip(" .") for item in items if item.strip(" .")]


def skills_read(lines: list[str]) -> list[Skill]:
    skills: list[Skill] = []
    for raw in lines:
        line = _BULLET.sub("", raw).strip()
        group, colon, rest = line.partition(":")
        if colon and rest.strip() and len(group.split()) <= MAX_SKILL_WORDS:
            skills.append(Skill(name=group.strip(), keywords=_items(rest)))
            continue
        for item in _items(line):
            if len(item.split()) <= MAX_SKILL_WORDS:
                skills.append(Skill(name=item, keywords=[]))
    return skills


@dataclass(frozen=True)
class Language:
    language: str
    fluency: str


_LEVEL_SPLIT = re.compile(r"\s*(?:\(|\)|:|–|—|\s-\s|,)\s*")


def languages_read(lines: list[str]) -> list[Language]:
    known = words()["languages"]
    found: list[Language] = []
    for raw in lines:
        for item in re.split(r"\s*[;•|]\s*", _BULLET.sub("", raw).strip()):
            parts = [part for part in _LEVEL_SPLIT.split(item) if part]
            if not parts:
                continue
            name = known.get(parts[0].casefold())
            if name is None:
                continue
            fluency = ", ".join(parts[1:]).strip()
            found.append(Language(language=name, fluency=fluency))
    return found


@dataclass(frozen=True)
class Certificate:
    name: str
    issuer: str
    date: str


_ISSUER = re.compile(r"\s+(?:[–—|-]|oleh|by|issued by|dari)\s+|,\s+", re.IGNORECASE)


def certificates_read(lines: list[str]) -> list[Certificate]:
    found = []
    for raw in lines:
        line = _BULLET.sub("", raw).strip()
        if not line:
            continue
        dates = date_range(line)
        date = ""
        if dates is not None:
            date = dates.start
            line = (line[: dates.span[0]] + line[dates.span[1] :]).strip(" ()-–—,|")
            line = re.sub(r"\(\s*\)", "", line).strip()
        name, *issuer = [part.strip(" ()") for part in _ISSUER.split(line, maxsplit=1)]
        if name:
            found.append(Certificate(name=name, issuer=issuer[0] if issuer else "", date=date))
    return found
