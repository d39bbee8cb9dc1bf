"""What a report is made of: tables of plain values (what exports write), charts drawn from them, and
sentences in plain words. Formatting for the page happens at the end (templatetags/reports.py), so the
exports hold numbers, not text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from django_stubs_ext import StrOrPromise

from rekrut.core.exports import Cell


class Col(StrEnum):
    TEXT = "text"
    COUNT = "count"
    PERCENT = "percent"  # 0–100, one decimal
    DAYS = "days"  # one decimal
    SCORE = "score"  # a mean on the 1–4 scale, two decimals
    RUPIAH = "rupiah"
    DATE = "date"


@dataclass
class Table:
    key: str
    caption: StrOrPromise
    headers: list[StrOrPromise]
    kinds: list[Col]
    rows: list[list[Cell]] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.rows

    def column(self, index: int) -> list[Cell]:
        return [row[index] for row in self.rows]


@dataclass
class Chart:
    """A chart of one table: bars (one value column) or stacked bars (several), labelled by column 0."""

    table: Table
    columns: list[int]
    stacked: bool = False
    percent: bool = False  # the values are shares (0–100): the scale ends at 100
    title: StrOrPromise = ""


@dataclass
class Report:
    key: str
    title: StrOrPromise
    notes: list[StrOrPromise] = field(default_factory=list)  # how the figures are defined
    sentences: list[str] = field(default_factory=list)  # what the figures say, in plain words
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    freshness: StrOrPromise = ""

    def table(self, key: str) -> Table | None:
        return next((table for table in self.tables if table.key == key), None)

    def chart_for(self, table: Table) -> Chart | None:
        return next((chart for chart in self.charts if chart.table is table), None)

    @property
    def is_empty(self) -> bool:
        return all(table.is_empty for table in self.tables)


def percent(part: int | float, whole: int | float) -> float | None:
    """part/whole as a percentage with one decimal; None when there is nothing to divide by."""
    return round(100 * part / whole, 1) if whole else None


def days(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
