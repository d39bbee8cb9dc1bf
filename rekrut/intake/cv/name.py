"""The candidate's name, from the top of the CV as a person reads it: the first prominent line that looks
like a name. Never the file name; the e-mail's local part only when nothing else looks like a name."""

from __future__ import annotations

import re

from rekrut.intake.cv.words import folded, heading_kinds, words

# A part of a name: letters with the apostrophes, hyphens and dots names carry (Nur'aini, Al-Fatih, M.).
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’.-]*(?:['’-][^\W\d_]+)*\.?$")
# Degrees written after a name: "Budi Santoso, S.Kom., M.T." or "Rina, MBA".
_DEGREE_AFTER = re.compile(
    r"^(?:[A-Z][a-zA-Z]{0,5}\.(?:\s?[A-Z][a-zA-Z]{0,5}\.?)*|MBA|MSc|BSc|PhD|CPA|CFA|PMP)$"
)
_SPLITTERS = re.compile(r"\s+[|•·–—/]\s+|\s{2,}")
MAX_LINES_LOOKED_AT = 12


def _without_titles(line: str) -> str:
    """The name without honorifics before it (Dr., Ir., Hj.) or degrees after it (, S.Kom., M.M.)."""
    head, *after = [part.strip() for part in line.split(",")]
    if after and not all(_DEGREE_AFTER.match(part) for part in after if part):
        return ""  # "Bandung, Jawa Barat" is a place, not a name with degrees
    parts = head.split()
    honorifics = set(words()["honorifics"])
    while parts and parts[0].casefold() in honorifics:
        parts.pop(0)
    while parts and _DEGREE_AFTER.match(parts[-1]) and "." in parts[-1][1:]:
        parts.pop()  # "Budi Santoso S.Kom."
    return " ".join(parts)


def _looks_like_name(text: str) -> bool:
    parts = text.split()
    if not 1 <= len(parts) <= 5 or len(text) > 60:
        return False
    if folded(text) in heading_kinds() or folded(text) in words()["document_titles"]:
        return False
    if any(not _NAME_WORD.match(part) for part in parts):
        return False
    # Names are written capitalised (or in capitals); a sentence or a job title in lower case is not one.
    if not all(part[0].isupper() for part in parts):
        return False
    lowered = {part.casefold().strip(".") for part in parts}
    roles = set(words()["role_words"]) | set(words()["company_markers"])
    if lowered & roles:
        return False
    # One word alone is a name only if it reads like one (many Indonesians have a single name).
    return len(parts) > 1 or len(parts[0]) >= 3


def _titled(text: str) -> str:
    """BUDI SANTOSO -> Budi Santoso; names written normally are kept as written (McDonald, de Vries)."""
    return text.title() if text.isupper() else text


def name_find(top_lines: list[str], all_lines: list[str], emails: list[str]) -> str:
    for line in all_lines:
        label, colon, value = line.partition(":")
        if colon and folded(label) in words()["name_labels"]:
            name = _without_titles(value.strip())
            if _looks_like_name(name):
                return _titled(name)
    for line in top_lines[:MAX_LINES_LOOKED_AT]:
        if folded(line) in words()["document_titles"]:
            continue
        for piece in _SPLITTERS.split(line):
            name = _without_titles(piece.strip())
            if name and _looks_like_name(name):
                return _titled(name)
            break  # only the first piece of a line can be its name ("Budi Santoso | Data Analyst")
    return _from_email(emails)


def _from_email(emails: list[str]) -> str:
    if not emails:
        return ""
    local = re.sub(r"\d+", "", emails[0].split("@")[0])
    parts = [part for part in re.split(r"[._-]+", local) if len(part) > 1]
    return " ".join(part.capitalize() for part in parts[:4])
