"""What Rekrut reads from a CV's text, and the same as a JSON Resume document (basics, work, education,
skills, languages, certificates) that rekrut/candidates/jsonresume.py validates and stores."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rekrut.intake.cv.contacts import city_find, cv_regions, link_network, links_find, phones_find
from rekrut.intake.cv.entries import Job, Schooling, education_read, work_read
from rekrut.intake.cv.lists import (
    Certificate,
    Language,
    Skill,
    certificates_read,
    languages_read,
    skills_read,
)
from rekrut.intake.cv.name import name_find
from rekrut.intake.cv.sections import section_lines, sections_split


@dataclass(frozen=True)
class CVReading:
    name: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)  # E.164, mobiles first
    city: str = ""
    links: list[str] = field(default_factory=list)
    work: list[Job] = field(default_factory=list)
    education: list[Schooling] = field(default_factory=list)
    skills: list[Skill] = field(default_factory=list)
    languages: list[Language] = field(default_factory=list)
    certificates: list[Certificate] = field(default_factory=list)

    @property
    def structured(self) -> bool:
        return bool(self.work or self.education or self.skills or self.languages or self.certificates)


def cv_understand(text: str, *, emails: list[str]) -> CVReading:
    """Everything Rekrut reads from a CV's normalised text (rekrut.intake.cv_reading.text_normalize)."""
    lines = text.split("\n")
    sections = sections_split([line.strip() for line in lines])
    top = [line for line in sections[0].lines if line]
    contact_zone = top + section_lines(sections, "contact")
    return CVReading(
        name=name_find(top, [line for line in lines if line], emails),
        emails=emails,
        phones=phones_find(text, cv_regions(text)),
        city=city_find(contact_zone),
        links=links_find(text, emails, contact_zone),
        work=work_read(section_lines(sections, "work")),
        education=education_read(section_lines(sections, "education")),
        skills=skills_read(section_lines(sections, "skills")),
        languages=languages_read(section_lines(sections, "languages")),
        certificates=certificates_read(section_lines(sections, "certificates")),
    )


def _dated(item: dict[str, Any], key: str, value: str) -> None:
    if value:
        item[key] = value


def resume_document(reading: CVReading) -> dict[str, Any]:
    """The reading as JSON Resume; empty parts are left out, so the schema's formats always hold."""
    basics: dict[str, Any] = {}
    for key, value in (
        ("name", reading.name),
        ("email", reading.emails[0] if reading.emails else ""),
        ("phone", reading.phones[0] if reading.phones else ""),
    ):
        if value:
            basics[key] = value
    if reading.city:
        basics["location"] = {"city": reading.city}
    if reading.links:
        basics["profiles"] = [{"network": link_network(url) or "Web", "url": url} for url in reading.links]
    document: dict[str, Any] = {"basics": basics}
    work = []
    for job in reading.work:
        item: dict[str, Any] = {"name": job.employer, "position": job.position}
        if job.dates:
            _dated(item, "startDate", job.dates.start)
            _dated(item, "endDate", job.dates.end)
        if job.details:
            item["highlights"] = job.details
        work.append(item)
    education = []
    for school in reading.education:
        item = {"institution": school.institution, "studyType": school.study_type, "area": school.area}
        item = {key: value for key, value in item.items() if value}
        if school.dates:
            _dated(item, "endDate", school.dates.end or school.dates.start)
            if school.dates.end:
                _dated(item, "startDate", school.dates.start)
        education.append(item)
    parts: dict[str, list[dict[str, Any]]] = {
        "work": work,
        "education": education,
        "skills": [
            {"name": skill.name, **({"keywords": skill.keywords} if skill.keywords else {})}
            for skill in reading.skills
        ],
        "languages": [
            {"language": lang.language, **({"fluency": lang.fluency} if lang.fluency else {})}
            for lang in reading.languages
        ],
        "certificates": [
            {
                "name": cert.name,
                **({"issuer": cert.issuer} if cert.issuer else {}),
                **({"date": cert.date} if cert.date else {}),
            }
            for cert in reading.certificates
        ],
    }
    document.update({key: value for key, value in parts.items() if value})
    return document
