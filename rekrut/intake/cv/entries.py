"""Work history and education: a section's lines split into entries (each anchored on its dates), and
each entry read into employer and position, or school, degree and field."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rekrut.intake.cv.dates import DateRange, date_range
from rekrut.intake.cv.words import cities, words

_BULLET = re.compile(r"^[•●▪◦*·‣○■-]\s*|^–\s+")
_PIECES = re.compile(r"\s*(?:\||•|·|\s[–—-]\s|,|\(|\))\s*")
_AT = re.compile(r"\s+(?:at|di|@)\s+")  # "Software Engineer at Gojek", "Staf Admin di PT Maju"
LONG_LINE_WORDS = 12  # a description sentence, not an entry's header
SENTENCE_WORDS = 5


@dataclass
class Entry:
    headers: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    dates: DateRange | None = None


def _is_detail(line: str) -> bool:
    """A line describing the entry (a bullet, a sentence) rather than naming it."""
    if _BULLET.match(line):
        return True
    parts = line.split()
    if date_range(line) is not None:
        return False
    if len(parts) >= LONG_LINE_WORDS:
        return True
    # Sentence case: "Menyusun laporan keuangan bulanan" (names of employers and titles are capitalised).
    lower = sum(1 for part in parts[1:] if part[:1].islower())
    return len(parts) >= SENTENCE_WORDS and lower >= 0.6 * (len(parts) - 1)


def _is_table_header(line: str) -> bool:
    names = set(words()["table_headers"])
    return all(part.casefold().strip("|/:") in names for part in line.split() if part != "|")


def entries_split(lines: list[str]) -> list[Entry]:
    """Entries of a work or education section. Each has one date range; whether the dates open an entry
    ("2019 – 2021  Staf Admin") or close it ("Staf Admin / PT X / 2019 – 2021") is read from the first one."""
    lines = [line for line in lines if line and not _is_table_header(line)]
    headers = [line for line in lines if not _is_detail(line)]
    dates_first = bool(headers) and date_range(headers[0]) is not None
    entries: list[Entry] = []
    current = Entry()
    closed = False  # the current entry is complete: its dates came last, or its description followed
    for index, line in enumerate(lines):
        if current.details and line[:1].islower() and index and _is_detail(lines[index - 1]):
            current.details[-1] += " " + line  # a description wrapped onto the next line
            continue
        if _is_detail(line):
            current.details.append(_BULLET.sub("", line))
            closed = current.dates is not None
            continue
        dates = date_range(line)
        starts_new = current.headers and (
            closed or (dates_first and dates is not None) or (dates is not None and current.dates is not None)
        )
        if starts_new:
            entries.append(current)
            current, closed = Entry(), False
        current.headers.append(line)
        if dates is not None and current.dates is None:
            current.dates = dates
            closed = not dates_first and len(current.headers) > 1
    if current.headers:
        entries.append(current)
    return entries


def _pieces(entry: Entry, *, split_at: bool) -> list[str]:
    pieces: list[str] = []
    for line in entry.headers:
        dates = date_range(line)
        if dates is not None:
            line = (line[: dates.span[0]] + " | " + line[dates.span[1] :]).strip()
        if split_at:
            line = _AT.sub(" | ", line)
        for piece in _PIECES.split(line):
            piece = piece.strip(" :;–—-")
            if piece and not _is_place(piece) and re.search(r"[^\W\d_]", piece):
                pieces.append(piece)
    return pieces


def _is_place(piece: str) -> bool:
    lowered = piece.casefold()
    return lowered in {city.casefold() for city in cities()} or lowered in {
        "indonesia",
        "remote",
        "hybrid",
        "jawa barat",
        "jawa timur",
        "jawa tengah",
        "bali",
        "dki jakarta",
    }


def _count(piece: str, vocabulary: list[str]) -> int:
    lowered = " " + re.sub(r"[^\w.&' -]", " ", piece.casefold()) + " "
    return sum(f" {word} " in lowered for word in vocabulary)


def _has_any(piece: str, vocabulary: list[str]) -> bool:
    return _count(piece, vocabulary) > 0


def _employer_and_role(piece: str) -> list[str]:
    """A table row read without its cell borders runs employer and title together ("PT Maju Jaya Staf
    Gudang"): split it where the left names a company and the right starts like a job title."""
    parts = piece.split()
    title_start = set(words()["role_words"]) | set(words()["title_modifiers"])
    for cut in range(1, len(parts)):
        left, right = " ".join(parts[:cut]), " ".join(parts[cut:])
        if (
            parts[cut].casefold() in title_start
            and _has_any(left, words()["company_markers"])
            and not _has_any(left, words()["role_words"])
            and _has_any(right, words()["role_words"])
        ):
            return [left, right]
    return [piece]


@dataclass(frozen=True)
class Job:
    employer: str
    position: str
    dates: DateRange | None
    details: list[str]


def work_read(lines: list[str]) -> list[Job]:
    jobs = []
    for entry in entries_split(lines):
        pieces = _pieces(entry, split_at=True)
        if len(pieces) == 1:
            pieces = _employer_and_role(pieces[0])
        if not pieces:
            continue
        markers, roles = words()["company_markers"], words()["role_words"]
        # The piece that reads most like a company is the employer; of the rest, the most like a job title
        # is the position; with no telling words, the title comes first, as most CVs write it.
        leaning = {piece: _count(piece, roles) - _count(piece, markers) for piece in pieces}
        employer = position = ""
        if len(pieces) == 1:
            (employer, position) = ("", pieces[0]) if leaning[pieces[0]] >= 0 else (pieces[0], "")
        else:
            employer = min(pieces, key=lambda piece: (leaning[piece], piece == pieces[0]))
            if leaning[employer] == max(leaning.values()) and employer == pieces[0]:
                employer = pieces[1]
            position = max((p for p in pieces if p != employer), key=lambda p: (leaning[p], p == pieces[0]))
        jobs.append(Job(employer=employer, position=position, dates=entry.dates, details=entry.details))
    return jobs


@dataclass(frozen=True)
class Schooling:
    institution: str
    study_type: str  # S1, S2, D3, SMA, SMK...: the Indonesian level, whatever the CV's language
    area: str
    dates: DateRange | None


_DEGREE_LEAD = re.compile(
    r"^(?P<degree>s-?[123]|d-?[1-4]|diii|div|sarjana terapan|sarjana|magister|doktor"
    r"|diploma(?:\s+(?:iii|iv|3|4))?"
    r"|bachelor(?:'s)?(?:\s+degree)?|master(?:'s)?(?:\s+degree)?|b\.?sc\.?|m\.?sc\.?|mba|ph\.?d\.?|bs|ba|ms)"
    r"(?:\s+(?:of|in|dalam|bidang|jurusan|program studi))?\b[\s,.:–-]*(?P<area>.*)$",
    re.IGNORECASE,
)
_DEGREE_KIND = re.compile(r"^(?:science|arts|engineering|applied science)\s+(?:in|of)\s+", re.IGNORECASE)
_SCHOOL_LEVEL = re.compile(r"^(sma|smk|smu|stm|man|ma)(?:n|\s+negeri)?\b", re.IGNORECASE)
_AREA_LABEL = re.compile(r"^(?:jurusan|program studi|prodi|major|field|bidang)\s*:?\s*", re.IGNORECASE)


def _degree(piece: str) -> tuple[str, str] | None:
    match = _DEGREE_LEAD.match(piece.strip())
    if match is None:
        return None
    key = re.sub(r"\s+(degree|iii|iv|3|4)$", "", match["degree"].casefold())
    if match["degree"].casefold().startswith("diploma") and re.search(r"(iv|4)$", match["degree"], re.I):
        key = "d4"
    level = words()["degrees"].get(key) or words()["degrees"].get(key.replace(".", ""), "")
    area = _AREA_LABEL.sub("", match["area"]).strip(" ,.-–")
    # "Bachelor of Science in Computer Science": the field is what follows "in".
    return level, _DEGREE_KIND.sub("", area)


def _school_and_degree(piece: str) -> list[str]:
    """ "Universitas Gadjah Mada S1 Ilmu Komputer" (a table row read without its borders) into the school
    and the degree."""
    parts = piece.split()
    for cut in range(1, len(parts)):
        left, right = " ".join(parts[:cut]), " ".join(parts[cut:])
        degree = _degree(right)
        if _has_any(left, words()["schools"]) and ((degree and degree[0]) or _AREA_LABEL.match(right)):
            return [left, right]
    return [piece]


def education_read(lines: list[str]) -> list[Schooling]:
    schooling = []
    for entry in entries_split(lines):
        pieces = _pieces(entry, split_at=False)
        if len(pieces) == 1:
            pieces = _school_and_degree(pieces[0])
        institution = study_type = area = ""
        for piece in pieces:
            degree = _degree(piece)
            if degree and not study_type:
                study_type, area = degree
                continue
            if not institution and _has_any(piece, words()["schools"]):
                institution = piece
                if level := _SCHOOL_LEVEL.match(piece):
                    study_type = study_type or words()["degrees"][level[1].casefold()]
                continue
            if not area and _AREA_LABEL.match(piece):
                area = _AREA_LABEL.sub("", piece)
        if not institution and pieces:
            institution = next((p for p in pieces if not _degree(p)), "")
        if institution or study_type:
            schooling.append(Schooling(institution, study_type, area, entry.dates))
    return schooling
