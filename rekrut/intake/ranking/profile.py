"""What the ranking knows of one CV, read once and compared against any number of requirements.

It is built from the JSON Resume sections about work, education, skills, languages and certificates, the
city, and the CV text with the lines about protected attributes removed. Nothing else is passed in: not the
name, photo (`basics.image`), birth date, age, sex, religion, ethnicity or marital status, so none of them
can move an applicant up or down (UU 13/2003 Ps 5–6, domain rule D1; SE Menaker M/6/HK.04/V/2025, rule D3).
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from rekrut.intake.ranking.levels import (
    education_rank,
    education_rank_in_text,
    english_from_scores,
    fluency_rank,
    language_key,
    language_names,
)
from rekrut.intake.ranking.periods import periods_of, years_stated
from rekrut.intake.ranking.text import protected_lines_drop, words

# The CV's own words for being willing to move for the job, as words (text.words).
RELOCATE_PHRASES = tuple(
    f" {phrase} "
    for phrase in (
        "bersedia ditempatkan",
        "bersedia di tempatkan",
        "bersedia relokasi",
        "bersedia pindah",
        "bersedia dimutasi",
        "siap ditempatkan",
        "siap di tempatkan",
        "siap relokasi",
        "dapat ditempatkan",
        "willing to relocate",
        "willing to be relocated",
        "open to relocation",
        "open to relocate",
        "ready to relocate",
    )
)
RELOCATE_FIRST = frozenset(phrase.split()[0] for phrase in RELOCATE_PHRASES)
RESUME_SECTIONS = ("work", "education", "skills", "languages", "certificates")


@dataclass(frozen=True)
class WorkEntry:
    words: str  # position, employer and summary, as words
    start: date
    end: date


@dataclass(frozen=True)
class CvProfile:
    words: str  # everything below and the CV text, as words: what skills are looked for in
    tokens: frozenset[str]  # the same, word by word: a one-word term is a set lookup
    skills_words: str  # the skills and certificates sections alone
    text: str  # the CV text without the protected lines, for the few terms that need more than words
    work: tuple[WorkEntry, ...]
    years_stated: int | None
    education: int  # levels.EDUCATION_RANK, 0 unknown
    languages: dict[str, int]  # language key -> levels.LANGUAGE_RANK (0: named without a level)
    city_words: str
    city: str  # as written, to show
    relocates: bool


def _list(value: Any) -> list[dict]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _texts(entry: dict, *keys: str) -> list[str]:
    found = []
    for key in keys:
        value = entry.get(key)
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, list):
            found.extend(item for item in value if isinstance(item, str))
    return found


def profile_build(*, resume: dict | None, cv_text: str, city: str, today: date) -> CvProfile:
    """The profile of one CV. `resume` is Candidate.resume; only the sections in RESUME_SECTIONS and
    basics.location are read from it."""
    resume = resume if isinstance(resume, dict) else {}
    work = _list(resume.get("work"))
    education = _list(resume.get("education"))
    skills = _list(resume.get("skills"))
    languages = _list(resume.get("languages"))
    certificates = _list(resume.get("certificates"))
    basics = resume.get("basics")
    basics = basics if isinstance(basics, dict) else {}
    location = basics.get("location")
    location = location if isinstance(location, dict) else {}

    text = protected_lines_drop(cv_text or "")
    parts: list[str] = []
    for entry in skills:
        parts += _texts(entry, "name", "keywords")
    for entry in certificates:
        parts += _texts(entry, "name", "issuer")
    skills_words = words("\n".join(parts))
    entries = []
    for entry in work:
        said = _texts(entry, "position", "name", "summary", "highlights", "description")
        parts += said
        for start, end in periods_of([entry], today=today):
            entries.append(WorkEntry(words=words(" ".join(said)), start=start, end=end))
    for entry in education:
        parts += _texts(entry, "area", "studyType", "courses")
    parts.append(text)
    all_words = words("\n".join(parts))
    tokens = frozenset(all_words.split())

    education_level = education_rank(education) or education_rank_in_text(all_words)
    spoken: dict[str, int] = {}
    for entry in languages:
        key = language_key(str(entry.get("language") or ""))
        if key:
            spoken[key] = max(spoken.get(key, 0), fluency_rank(str(entry.get("fluency") or "")))
    english_scored = english_from_scores(text) if (" toefl" in all_words or " ielts" in all_words) else 0
    if english_scored:
        spoken["inggris"] = max(spoken.get("inggris", 0), english_scored)
    city_words = words(" ".join(str(location.get(k) or "") for k in ("city", "region")) + " " + (city or ""))
    return CvProfile(
        words=all_words,
        tokens=tokens,
        skills_words=skills_words,
        text=text,
        work=tuple(entries),
        years_stated=None if entries else years_stated(text),
        education=education_level,
        languages=spoken,
        city_words=city_words,
        city=str(location.get("city") or "").strip() or (city or "").strip(),
        relocates=bool(tokens & RELOCATE_FIRST) and any(phrase in all_words for phrase in RELOCATE_PHRASES),
    )


def language_mentioned(profile: CvProfile, key: str) -> bool:
    """Whether the CV names the language anywhere, with no level given. The bare Indonesian name is left
    out: "Jawa", "Inggris" or "Arab" in a CV are as often a place as a language."""
    names = language_names(key)
    return any(f" {name} " in profile.words for name in names[1:] or names)
