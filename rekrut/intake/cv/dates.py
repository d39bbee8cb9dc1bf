"""Dates as CVs write them: "2019", "03/2021", "Mar 2021", "Januari 2020", and ranges with "sekarang" or
"Present" as their end. Read into JSON Resume's partial ISO dates ("2019", "2021-03")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rekrut.intake.cv.words import words


@dataclass(frozen=True)
class DateRange:
    start: str  # "2021-03" or "2021"; "" when only an end was written
    end: str  # "" while ongoing ("sekarang", "Present") or unknown
    ongoing: bool
    span: tuple[int, int]  # where it was written in the line


@cache
def _month_words() -> str:
    names = sorted(words()["months"], key=len, reverse=True)
    return "|".join(re.escape(name) for name in names)


@cache
def _present_words() -> str:
    return "|".join(re.escape(word) for word in sorted(words()["present"], key=len, reverse=True))


YEAR = r"(?:19[5-9]\d|20[0-4]\d)"


@cache
def _one_date() -> str:
    return (
        rf"(?:(?:(?P<{{p}}m>{_month_words()})\.?\s+(?P<{{p}}y1>{YEAR}))"  # Mar 2021, Januari 2020
        rf"|(?:(?P<{{p}}mm>0?[1-9]|1[0-2])\s*[/.-]\s*(?P<{{p}}y2>{YEAR}))"  # 03/2021
        rf"|(?:(?P<{{p}}y4>{YEAR})\s*[/.-]\s*(?P<{{p}}mm2>0[1-9]|1[0-2])(?![\d]))"  # 2021-03
        rf"|(?P<{{p}}y3>{YEAR}))"
    )


@cache
def _range() -> re.Pattern[str]:
    start = _one_date().replace("{p}", "a")
    end = _one_date().replace("{p}", "b")
    separator = r"\s*(?:-|–|—|~|s/d|s\.d\.?|sampai|hingga|until|to)\s*"
    return re.compile(
        rf"(?<![\w/.-])(?:{start})(?:{separator}(?:{end}|(?P<now>{_present_words()})))?(?![\w/])",
        re.IGNORECASE,
    )


def _iso(match: re.Match[str], prefix: str) -> str:
    year = match[f"{prefix}y1"] or match[f"{prefix}y2"] or match[f"{prefix}y3"] or match[f"{prefix}y4"]
    if not year:
        return ""
    month_word = match[f"{prefix}m"]
    month = (
        words()["months"][month_word.casefold()]
        if month_word
        else int(match[f"{prefix}mm"] or match[f"{prefix}mm2"] or 0)
    )
    return f"{year}-{month:02d}" if month else year


def date_ranges(line: str) -> list[DateRange]:
    """Every date or date range written in a line, in order."""
    found = []
    for match in _range().finditer(line):
        start = _iso(match, "a")
        end = _iso(match, "b")
        found.append(DateRange(start=start, end=end, ongoing=bool(match["now"]), span=match.span()))
    return found


def date_range(line: str) -> DateRange | None:
    found = date_ranges(line)
    return found[0] if found else None
