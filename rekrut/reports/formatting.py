"""Numbers as the viewer reads them: "1.234", "18%", "18,5%", "12,5 hari" in Bahasa Indonesia;
"1,234", "18%", "18.5%" in English (rekrut/core/formats)."""

from __future__ import annotations

from datetime import date

from django.utils.formats import date_format, number_format

from rekrut.core.localization import rupiah
from rekrut.reports.tables import Col


def number(value: float | int, decimals: int = 0) -> str:
    if decimals and float(value).is_integer():
        decimals = 0
    return number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def percent_text(value: float | None) -> str:
    return "—" if value is None else f"{number(value, 1)}%"


def cell_text(value: object, kind: Col) -> str:
    if value is None or value == "":
        return "—"
    if kind == Col.COUNT and isinstance(value, int | float):
        return number(value)
    if kind == Col.PERCENT and isinstance(value, int | float):
        return percent_text(float(value))
    if kind == Col.DAYS and isinstance(value, int | float):
        return number(value, 1)
    if kind == Col.SCORE and isinstance(value, int | float):
        return ("+" if value > 0 else "") + number(value, 2)
    if kind == Col.RUPIAH and isinstance(value, int):
        return rupiah(value)
    if kind == Col.DATE and isinstance(value, date):
        return date_format(value, "DATE_FORMAT")
    return str(value)
