"""Years of work from a CV's dates: partial dates read sensibly, overlapping jobs counted once.

JSON Resume dates are "2019", "2019-03" or "2019-03-15"; an end left out, or written "sekarang"/"present",
means the job goes on today. A year alone is read as its middle (1 July), so "2019 – 2021" is two years
whichever months they were; a month alone as its first day when it starts and its last when it ends.
"""

import re
from datetime import date, timedelta

ONGOING = frozenset(
    {"", "present", "current", "now", "today", "sekarang", "saat ini", "kini", "hingga kini", "ongoing"}
)
_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")
YEAR_DAYS = 365.25


def date_read(value: object, *, is_end: bool, today: date) -> date | None:
    """A JSON Resume date as a day; None when it cannot be read (an end that says "present" is today)."""
    text = str(value or "").strip().casefold()
    if is_end and text in ONGOING:
        return today
    match = _DATE.match(text)
    if not match:
        return None
    year, month, day = int(match[1]), match[2], match[3]
    if not 1900 <= year <= today.year + 1:
        return None
    if month is None:
        return date(year, 7, 1)
    m = int(month)
    if not 1 <= m <= 12:
        return date(year, 7, 1)
    if day is None:
        if not is_end:
            return date(year, m, 1)
        following = date(year + (m == 12), m % 12 + 1, 1)
        return following - timedelta(days=1)
    try:
        return date(year, m, int(day))
    except ValueError:
        return date(year, m, 1)


def periods_of(entries: list[dict], *, today: date) -> list[tuple[date, date]]:
    """The (start, end) of each work entry that has a readable start; ends after today count up to today."""
    found = []
    for entry in entries:
        start = date_read(entry.get("startDate"), is_end=False, today=today)
        end = date_read(entry.get("endDate"), is_end=True, today=today)
        if start is None or end is None:
            continue
        start, end = min(start, today), min(end, today)
        if end > start:
            found.append((start, end))
    return found


def years_total(periods: list[tuple[date, date]]) -> float:
    """Years covered by the periods, a day worked in two jobs at once counted once."""
    days = 0
    current_start: date | None = None
    current_end: date | None = None
    for start, end in sorted(periods):
        if current_end is None or start > current_end:
            if current_start is not None and current_end is not None:
                days += (current_end - current_start).days
            current_start, current_end = start, end
        elif end > current_end:
            current_end = end
    if current_start is not None and current_end is not None:
        days += (current_end - current_start).days
    return days / YEAR_DAYS


# "5 tahun pengalaman", "pengalaman 3 tahun", "5+ years of experience": what a CV without dates says.
_STATED_YEARS = re.compile(
    r"(\d{1,2})\s*\+?\s*(?:tahun|thn|th|years?|yrs?)\s+(?:of\s+)?(?:pengalaman|experience|berpengalaman)"
    r"|(?:pengalaman|experience)\s+(?:kerja\s+|of\s+)?(?:selama\s+)?(\d{1,2})\s*\+?\s*(?:tahun|thn|years?)",
    re.IGNORECASE,
)


# An age in running text ("usia 28 tahun, pengalaman ..."): never read as years of anything.
_AGE = re.compile(
    r"\b(?:usia|umur|berusia|berumur|aged?)\s*:?\s*\d{1,2}\s*(?:tahun|thn|th|years?)?|\b\d{1,2}\s*(?:years?|yrs?)\s+old\b",
    re.IGNORECASE,
)


def years_stated(text: str) -> int | None:
    """The largest number of years of experience a CV states in words, if it states one."""
    found = [int(a or b) for a, b in _STATED_YEARS.findall(_AGE.sub(" ", text))]
    found = [n for n in found if n <= 50]
    return max(found) if found else None
