"""Reading uploaded tables (CSV or XLSX) into header names and rows of plain strings.

What a file is comes from its content, not its name. Everything raises `UploadRejected`.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import io
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import openpyxl
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from rekrut.core.uploads import (
    MB,
    OLE_MAGIC,
    ZIP_MAGIC,
    UploadRejected,
    ZipLimits,
    looks_like_pdf,
    upload_size_check,
    zip_check,
    zip_names,
)

MAX_ROWS = 20_000
MAX_COLUMNS = 200
MAX_TABLE_CHARS = 20_000_000  # all cells together; 20,000 full rows of a candidate list are some 5 million
# A 20,000-row sheet is 10-30 MB of XML, which openpyxl reads as a stream. The rest (above all the shared
# strings: every distinct text in the workbook) is parsed whole, at about 10 bytes of memory per byte of
# XML: 20 MB holds some 600,000 distinct texts, far more than 20,000 candidates need.
XLSX_LIMITS = ZipLimits(
    total_bytes=100 * MB, part_bytes=50 * MB, xml_bytes=20 * MB, streamed=("xl/worksheets/",)
)
CSV_DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[str]]  # every row has exactly len(headers) cells
    # The line (CSV) or row (XLSX) each row stands on in the file, so reports match what the user sees
    # even when blank lines were skipped. Empty when built by hand: then rows follow the header directly.
    row_numbers: list[int] = dataclasses.field(default_factory=list, compare=False)


def table_read(*, name: str, data: bytes) -> Table:
    """The first sheet of an XLSX, or a CSV, as header names and rows of stripped strings."""
    table_kind(name=name, data=data)
    if data.startswith(ZIP_MAGIC):
        zip_check(data, limits=XLSX_LIMITS)
        return _xlsx_read(data)
    return _csv_read(data)


def table_kind(*, name: str, data: bytes) -> str:
    """ "xlsx" or "csv", from the first bytes and the ZIP's directory: quick enough for a request, before
    the file is read in the background. Raises `UploadRejected`."""
    upload_size_check(data)
    if data.startswith(ZIP_MAGIC):
        if "xl/workbook.xml" not in zip_names(data):
            raise _unsupported(name)
        return "xlsx"
    if data.startswith(OLE_MAGIC) or looks_like_pdf(data):
        raise _unsupported(name if data.startswith(OLE_MAGIC) else "")
    return "csv"


def _unsupported(name: str) -> UploadRejected:
    if name.lower().endswith(".xls"):
        return UploadRejected(
            _("Old Excel (.xls) files are not supported. Save it as .xlsx or CSV and try again."),
            code="unsupported_type",
        )
    return UploadRejected(_("Upload a CSV or Excel (.xlsx) file."), code="unsupported_type")


_NOT_CSV = _("The file is not a readable CSV. Save it as CSV UTF-8 and try again.")
# Control characters never appear in a real CSV; in decoded "text" they mean binary data.
_BINARY = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _csv_decode(data: bytes) -> str:
    # Excel writes "CSV UTF-8" with a BOM, plain "CSV" in Windows-1252, "Unicode text" in UTF-16.
    # Windows-1252 comes last: it decodes almost any byte, so it must not shadow UTF-8.
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    for encoding in ("utf-16",) if utf16 else ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        text = text.rstrip("\x1a")  # DOS end-of-file marker some old exporters still add
        if _BINARY.search(text):
            break
        return text
    raise UploadRejected(_NOT_CSV, code="encoding")


def _delimiter_sniff(text: str) -> str:
    """The delimiter that splits the first lines into the most columns, consistently.

    csv.Sniffer guesses wrong on short files and on commas inside names ("Budi, S.Kom"); Indonesian
    Excel exports use ";" because the decimal separator is ",".
    """
    lines = list(itertools.islice(io.StringIO(text, newline=""), 50))
    best, best_score = ",", (False, 0, 0.0)
    for delimiter in CSV_DELIMITERS:
        try:
            rows = [row for row in csv.reader(lines, delimiter=delimiter) if any(c.strip() for c in row)]
        except csv.Error:
            continue
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        fits = sum(1 for row in rows if len(row) == width or not any(c.strip() for c in row[width:]))
        share = fits / len(rows)
        score = (share >= 0.8, width, share)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _csv_read(data: bytes) -> Table:
    text = _csv_decode(data)
    return _table_build(_csv_records(text, _delimiter_sniff(text)))


def _csv_records(text: str, delimiter: str) -> Iterator[list[str]]:
    """The CSV's records, refusing the quoting mistakes that would silently glue rows together.

    A quote opened and never closed makes the rest of the file one value (csv's lenient mode accepts
    that without a word); closed only some lines further down, it swallows the rows in between.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    number = 0  # the record being read, as the import's reports count rows
    width = 0  # cells in the header row, once read
    while True:
        number += 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise _csv_error(str(exc), number) from exc
        if width and _swallows_rows(record, delimiter, width):
            raise UploadRejected(format_lazy(_UNCLOSED_QUOTE, row=number), code="bad_row")
        if not width:  # the header row: its named cells (Excel adds empty ones after them)
            width = len(record) - len(list(itertools.takewhile(lambda c: not c.strip(), reversed(record))))
        yield record


_UNCLOSED_QUOTE = _(
    'Row {row} opens a quote (") that is not closed where the value ends, so the rows after it would be '
    "read as one value. Check the quotes on row {row}."
)


def _csv_error(reason: str, number: int) -> UploadRejected:
    if "end of data" in reason:
        message = format_lazy(_UNCLOSED_QUOTE, row=number)
    elif "expected after" in reason:
        message = format_lazy(
            _(
                'Row {row} has a value that goes on after its closing quote ("). Put the whole value in '
                "quotes, or remove the quotes."
            ),
            row=number,
        )
    elif "field limit" in reason:
        # Usually not a long text but a quote never closed: the rest of the file became one value.
        message = format_lazy(
            _(
                'Row {row} has a value longer than {limit} characters, or a quote (") that is never '
                "closed. Check the quotes on row {row}."
            ),
            row=number,
            limit=csv.field_size_limit(),
        )
    else:
        message = format_lazy(
            _("Row {row} cannot be read. Save the file as CSV UTF-8 and try again."), row=number
        )
    return UploadRejected(message, code="bad_row")


def _swallows_rows(record: list[str], delimiter: str, width: int) -> bool:
    # A quoted value may hold line breaks (Alt+Enter in Excel), but a line inside it with as many
    # delimiters as a whole row has is a row that an unclosed quote swallowed.
    enough = max(2, width - 1)
    return any(
        line.count(delimiter) >= enough for cell in record if "\n" in cell for line in cell.splitlines()[1:]
    )


def _xlsx_read(data: bytes) -> Table:
    damaged = UploadRejected(_("The Excel file is damaged and cannot be opened."), code="corrupt")
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises KeyError, ValueError, XML errors... for a damaged file
        raise damaged from exc
    try:
        if not workbook.worksheets:
            raise UploadRejected(_("The file has no rows."), code="no_rows")
        sheet = workbook.worksheets[0]
        # The stored dimensions can claim A1:XFD1048576; openpyxl would pad every row to that width.
        sheet.reset_dimensions()
        values = sheet.iter_rows(min_col=1, max_col=MAX_COLUMNS + 1, values_only=True)
        # Gaps between rows come back as rows of None; skip converting them (a stray cell in row
        # 1,000,000 makes a million of those).
        return _table_build(
            [_cell_text(value) for value in row] if row.count(None) != len(row) else [] for row in values
        )
    except UploadRejected:
        raise
    except Exception as exc:  # damage found only while reading the sheet
        raise damaged from exc
    finally:
        workbook.close()  # read-only mode keeps the archive open until closed


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # before int: bool is an int
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        # Phone numbers typed into Excel become numbers: 81234567890.0 must read "81234567890".
        if value.is_integer() and abs(value) < 1e17:
            return str(int(value))
        return f"{value:.15g}"  # Excel shows 15 significant digits, hiding float noise
    if isinstance(value, datetime):
        if value.time() == time(0) and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value)


def _headers_check(cells: list[str]) -> list[str]:
    headers = [" ".join(cell.split()) for cell in cells]  # headers often hold line breaks (Alt+Enter)
    while headers and not headers[-1]:  # Excel exports trailing empty columns ("a;b;;;")
        headers.pop()
    if len(headers) > MAX_COLUMNS:
        raise UploadRejected(
            format_lazy(_("The file has more than {limit} columns."), limit=MAX_COLUMNS),
            code="too_many_columns",
        )
    if not all(headers):
        raise UploadRejected(_("Every column needs a name in the first row."), code="bad_header")
    seen: set[str] = set()
    for header in headers:
        if header.casefold() in seen:
            raise UploadRejected(
                format_lazy(_('Two columns are named "{name}". Give each column its own name.'), name=header),
                code="bad_header",
            )
        seen.add(header.casefold())
    return headers


def _table_build(records: Iterable[Sequence[str]]) -> Table:
    headers: list[str] | None = None
    rows: list[list[str]] = []
    numbers: list[int] = []
    characters = 0
    for number, record in enumerate(records, start=1):
        cells = [cell.strip() for cell in record]
        if not any(cells):
            continue
        if headers is None:
            headers = _headers_check(cells)
            continue
        width = len(headers)
        if any(cells[width:]):
            # Usually an unquoted delimiter inside a value; guessing which column it belongs to loses data.
            raise UploadRejected(
                format_lazy(_("Row {row} has more values than there are column names."), row=number),
                code="bad_row",
            )
        rows.append(cells[:width] + [""] * (width - len(cells)))
        numbers.append(number)
        characters += sum(len(cell) for cell in cells[:width])
        if characters > MAX_TABLE_CHARS:
            # The rows are kept for the mapping page and the run: a sheet repeating one long text in
            # every cell is small on disk and huge once written out.
            raise UploadRejected(
                _("The file holds more text than one import can take. Split it into smaller files."),
                code="too_large",
            )
        if len(rows) > MAX_ROWS:
            raise UploadRejected(
                format_lazy(
                    _("The file has more than {limit} rows. Split it into smaller files."), limit=MAX_ROWS
                ),
                code="too_many_rows",
            )
    if headers is None:
        raise UploadRejected(_("The file has no rows."), code="no_rows")
    if not rows:
        raise UploadRejected(_("The file has column names but no rows below them."), code="no_rows")
    return Table(headers=headers, rows=rows, row_numbers=numbers)
