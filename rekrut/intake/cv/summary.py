"""What was read from a CV, in words for a person to check: the upload page and the `cv-read` command."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext as _

from rekrut.intake.cv.dates import DateRange
from rekrut.intake.cv.reading import CVReading


def period(dates: DateRange | None) -> str:
    """ "2021-03 – now", "2018 – 2020", "2019": the dates as read, for checking."""
    if dates is None:
        return ""
    if dates.ongoing:
        return _("%(start)s – now") % {"start": dates.start}
    return f"{dates.start} – {dates.end}" if dates.end else dates.start


def _joined(*parts: str) -> str:
    return " · ".join(part for part in parts if part)


def cv_parts(reading: CVReading) -> list[tuple[str, list[str]]]:
    """(heading, items) for each part found: work, education, skills, languages, certifications."""
    parts = [
        (
            _("Work experience"),
            [_joined(job.position, job.employer, period(job.dates)) for job in reading.work],
        ),
        (
            _("Education"),
            [_joined(s.study_type, s.area, s.institution, period(s.dates)) for s in reading.education],
        ),
        (
            _("Skills"),
            [
                skill.name + (f": {', '.join(skill.keywords)}" if skill.keywords else "")
                for skill in reading.skills
            ],
        ),
        (
            _("Languages"),
            [
                f"{lang.language} ({lang.fluency})" if lang.fluency else lang.language
                for lang in reading.languages
            ],
        ),
        (_("Certifications"), [_joined(cert.name, cert.issuer, cert.date) for cert in reading.certificates]),
    ]
    return [(title, items) for title, items in parts if items]


def cv_summary_lines(reading: CVReading) -> Iterator[str]:
    missing = _("(not found)")
    yield f"{_('Name')}: {reading.name or missing}"
    yield f"{_('E-mail')}: {', '.join(reading.emails) or missing}"
    yield f"{_('Phone')}: {', '.join(reading.phones) or missing}"
    yield f"{_('City')}: {reading.city or missing}"
    yield f"{_('Links')}: {', '.join(reading.links) or missing}"
    for title, items in cv_parts(reading):
        yield ""
        yield title
        yield from (f"  - {item}" for item in items)
