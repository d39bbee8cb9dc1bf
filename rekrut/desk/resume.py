"""The structured résumé a candidate sent (Candidate.resume, JSON Resume) as short lines HR reads on the
candidate page: work, education, skills, languages, certificates. Pure: no queries; the document is the
candidate's own file, so anything of an unexpected shape is skipped rather than trusted."""

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils import dateformat
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

# JSON Resume dates are partial: "2013", "2013-12" or "2013-12-31".
_DATE = re.compile(r"^([12]\d{3})(?:-(0[1-9]|1[0-2]))?(?:-(\d{2}))?$")
# The most shown of each list: a résumé with more is summarised, not copied out.
ITEMS_SHOWN = 20
TEXT_MAX = 300


@dataclass(frozen=True)
class ResumeEntry:
    title: str
    place: str = ""
    period: str = ""
    detail: str = ""


@dataclass(frozen=True)
class ResumeSummary:
    work: list[ResumeEntry] = field(default_factory=list)
    education: list[ResumeEntry] = field(default_factory=list)
    skills: list[ResumeEntry] = field(default_factory=list)
    languages: list[ResumeEntry] = field(default_factory=list)
    certificates: list[ResumeEntry] = field(default_factory=list)

    def __bool__(self) -> bool:
        return any((self.work, self.education, self.skills, self.languages, self.certificates))

    def sections(self) -> list[tuple[str, list[ResumeEntry]]]:
        """(heading in the viewer's language, entries), in the order a CV reads."""
        return [
            (_("Work experience"), self.work),
            (_("Education"), self.education),
            (_("Skills"), self.skills),
            (_("Languages"), self.languages),
            (_("Certificates"), self.certificates),
        ]


def _text(value: object) -> str:
    if isinstance(value, str):
        return " ".join(value.split())[:TEXT_MAX]
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def _items(resume: dict[str, Any], key: str) -> list[dict[str, Any]]:
    items = resume.get(key)
    if not isinstance(items, list):
        return []
    return [item for item in items if isinstance(item, dict)][:ITEMS_SHOWN]


def resume_date(value: object) -> str:
    """ "2021-03" → "Mar 2021" in the active language; "2013" stays "2013"; anything else as written."""
    text = _text(value)
    found = _DATE.match(text)
    if not found:
        return text
    year, month = int(found.group(1)), found.group(2)
    if month is None:
        return str(year)
    return dateformat.format(date(year, int(month), 1), "M Y")


def resume_period(start: object, end: object) -> str:
    """ "Mar 2021 – Jun 2023", or "Mar 2021 – present" while it lasts (no end date)."""
    start_text, end_text = resume_date(start), resume_date(end)
    if start_text and not end_text:
        end_text = pgettext("résumé: a job or study still going on", "present")
    return " – ".join(part for part in (start_text, end_text) if part)


def _joined(*parts: str, sep: str = " · ") -> str:
    return sep.join(part for part in parts if part)


def resume_summary(resume: object) -> ResumeSummary:
    """What the candidate page shows; empty (falsy) for no résumé or one with none of these lists."""
    if not isinstance(resume, dict):
        return ResumeSummary()
    work = [
        ResumeEntry(
            title=_text(item.get("position")) or _text(item.get("name")),
            place=_text(item.get("name")) if _text(item.get("position")) else "",
            period=resume_period(item.get("startDate"), item.get("endDate")),
            detail=_text(item.get("summary")),
        )
        for item in _items(resume, "work")
    ]
    education = [
        ResumeEntry(
            title=_joined(_text(item.get("studyType")), _text(item.get("area")), sep=" ")
            or _text(item.get("institution")),
            place=_text(item.get("institution"))
            if (_text(item.get("studyType")) or _text(item.get("area")))
            else "",
            period=resume_period(item.get("startDate"), item.get("endDate")),
            detail=_text(item.get("score")),
        )
        for item in _items(resume, "education")
    ]
    skills = [
        ResumeEntry(
            title=_text(item.get("name")),
            place=_text(item.get("level")),
            detail=_joined(*(_text(k) for k in item.get("keywords") or [] if isinstance(k, str)), sep=", "),
        )
        for item in _items(resume, "skills")
    ]
    languages = [
        ResumeEntry(title=_text(item.get("language")), place=_text(item.get("fluency")))
        for item in _items(resume, "languages")
    ]
    certificates = [
        ResumeEntry(
            title=_text(item.get("name")),
            place=_text(item.get("issuer")),
            period=resume_date(item.get("date")),
        )
        for item in _items(resume, "certificates")
    ]
    return ResumeSummary(
        work=[entry for entry in work if entry.title],
        education=[entry for entry in education if entry.title],
        skills=[entry for entry in skills if entry.title],
        languages=[entry for entry in languages if entry.title],
        certificates=[entry for entry in certificates if entry.title],
    )
