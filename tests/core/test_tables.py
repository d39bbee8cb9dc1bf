"""tabular: reading CSV/XLSX bulk-import files and guessing the column mapping. No database or settings."""

from __future__ import annotations

import io
from datetime import date, datetime

import openpyxl
import pytest
from django.utils.functional import Promise

from rekrut.core.tables import MAX_COLUMNS, MAX_ROWS, Table, table_read
from rekrut.core.uploads import MAX_UPLOAD_BYTES, UploadRejected
from rekrut.intake.columns import mapping_guess
from tests.candidates.filebuilders import csv_bytes, docx_bytes, pdf_bytes, xlsx_bytes, zip_bytes

ROWS = [
    ["Nama Lengkap", "E-mail", "No. HP", "Kota"],
    ["Budi Santoso, S.Kom", "budi@example.com", "0812-3456-7890", "Jakarta Selatan"],
    ["José Müller", "jose@example.com", "", "Denpasar"],
]


def rejected_code(data: bytes, name: str = "kandidat.csv") -> str:
    with pytest.raises(UploadRejected) as caught:
        table_read(name=name, data=data)
    assert isinstance(caught.value.message, Promise)
    return caught.value.code


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8-sig", ","), ("utf-8", ";"), ("cp1252", ";"), ("cp1252", "\t"), ("utf-16", "\t")],
)
def test_csv_encodings_and_delimiters(encoding: str, delimiter: str) -> None:
    table = table_read(name="kandidat.csv", data=csv_bytes(ROWS, encoding=encoding, delimiter=delimiter))
    assert table == Table(headers=ROWS[0], rows=ROWS[1:])


def test_csv_cleanup() -> None:
    text = (
        "\r\n Nama ; Email ;;\r\n"  # blank first line, spaces, trailing empty columns
        ";;;\r\n"
        "  Budi  ; budi@example.com;;\r\n"
        "Ani\r\n"  # short row is padded
        '"Citra\r\nDewi";"c@example.com"\r\n'  # quoted line break stays in the cell
    )
    table = table_read(name="x.csv", data=text.encode())
    assert table.headers == ["Nama", "Email"]
    assert table.rows == [["Budi", "budi@example.com"], ["Ani", ""], ["Citra\r\nDewi", "c@example.com"]]


def test_single_column_csv() -> None:
    assert table_read(name="x.csv", data=b"Nama\nBudi\nAni\n").rows == [["Budi"], ["Ani"]]


def test_semicolon_file_with_commas_in_values() -> None:
    data = b"Nama;Catatan\nBudi, S.Kom;suka kopi, teh\nAni;-\n"
    assert table_read(name="x.csv", data=data).rows == [["Budi, S.Kom", "suka kopi, teh"], ["Ani", "-"]]


@pytest.mark.parametrize(
    "data",
    [bytes(range(256)) * 40, b"Nama,Email\nBudi,b\x00@x.com\n", b"Nama\xff\xfe\x00\x01\x02\x03"],
    ids=["binary", "nul-byte", "utf16-without-bom"],
)
def test_unreadable_csv(data: bytes) -> None:
    assert rejected_code(data) == "encoding"


def test_content_decides_not_the_name() -> None:
    assert table_read(name="kandidat.xlsx", data=csv_bytes(ROWS)).headers == ROWS[0]
    assert table_read(name="kandidat.csv", data=xlsx_bytes(ROWS)).headers == ROWS[0]


def test_xlsx_values_become_strings() -> None:
    rows = [
        ["Nama\nLengkap", "HP", "Lahir", "Wawancara", "Nilai", "Aktif", "Kosong", "Jumlah"],
        ["Budi", 81234567890.0, date(1995, 8, 17), datetime(2025, 1, 2, 9, 30), 3.75, True, None, 2],
        ["  Ani  ", 81234567891, datetime(2000, 1, 31), None, 0.1 + 0.2, False, "", 1e20],
    ]
    table = table_read(name="k.xlsx", data=xlsx_bytes(rows))
    assert table.headers == ["Nama Lengkap", "HP", "Lahir", "Wawancara", "Nilai", "Aktif", "Kosong", "Jumlah"]
    assert table.rows == [
        ["Budi", "81234567890", "1995-08-17", "2025-01-02 09:30:00", "3.75", "TRUE", "", "2"],
        ["Ani", "81234567891", "2000-01-31", "", "0.3", "FALSE", "", "1e+20"],
    ]


def test_xlsx_reads_the_first_sheet() -> None:
    data = xlsx_bytes([["Lain"], ["x"]], first_sheet_rows=[["Nama"], ["Budi"]])
    assert table_read(name="k.xlsx", data=data) == Table(headers=["Nama"], rows=[["Budi"]])


def test_xlsx_far_away_cells_do_not_blow_up() -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Nama", "Kota"])
    sheet.append(["Budi", "Bogor"])
    sheet.cell(row=300_000, column=1, value="Jauh")
    sheet.cell(row=3, column=5_000, value="")  # past MAX_COLUMNS: never read
    out = io.BytesIO()
    workbook.save(out)
    assert table_read(name="k.xlsx", data=out.getvalue()).rows == [["Budi", "Bogor"], ["Jauh", ""]]


def test_corrupt_xlsx() -> None:
    good = xlsx_bytes(ROWS)
    assert rejected_code(good[: len(good) // 2], "k.xlsx") == "corrupt"
    assert rejected_code(zip_bytes({"xl/workbook.xml": b"<not-a-workbook"}), "k.xlsx") == "corrupt"


def test_xlsx_zip_bomb() -> None:
    bomb = zip_bytes({"xl/workbook.xml": b"<x/>", "xl/worksheets/sheet1.xml": b" " * (61 * 1024 * 1024)})
    assert rejected_code(bomb, "k.xlsx") == "too_large"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("k.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504),
        ("k.csv", pdf_bytes("Nama,Email")),
        ("k.xlsx", docx_bytes(["Nama"])),
    ],
    ids=["old-xls", "pdf", "docx"],
)
def test_unsupported_types(name: str, data: bytes) -> None:
    assert rejected_code(data, name) == "unsupported_type"


def test_size_limits() -> None:
    assert rejected_code(b"") == "empty"
    assert rejected_code(b"Nama\n" + b"a\n" * (MAX_UPLOAD_BYTES // 2)) == "too_large"


def test_row_limit() -> None:
    rows = [["Nama"]] + [[f"Orang {n}"] for n in range(MAX_ROWS)]
    assert len(table_read(name="x.csv", data=csv_bytes(rows)).rows) == MAX_ROWS
    assert rejected_code(csv_bytes([*rows, ["satu lagi"]])) == "too_many_rows"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        ("\r\n ; ; \r\n\r\n", "no_rows"),
        ("Nama;Email\r\n;\r\n", "no_rows"),
        ("Nama;;Email\nBudi;x;b@x.com\n", "bad_header"),
        ("Nama;Email;nama\nBudi;b@x.com;B\n", "bad_header"),
        ("Nama;Email\nBudi;b@x.com;lebih\n", "bad_row"),
        (
            ";".join(f"K{n}" for n in range(MAX_COLUMNS + 1)) + "\n" + "x;" * MAX_COLUMNS + "x\n",
            "too_many_columns",
        ),
        ('Nama,Email\n"Budi' + "x" * 200_000 + "\n", "bad_row"),  # unclosed quote eats the file
    ],
    ids=[
        "empty",
        "only-blank",
        "header-only",
        "empty-header",
        "duplicate-header",
        "extra-value",
        "too-many-columns",
        "unclosed-quote",
    ],
)
def test_shape_errors(text: str, code: str) -> None:
    assert rejected_code(text.encode()) == code


def test_mapping_guess_indonesian() -> None:
    headers = [
        "No",
        "Nama Lengkap",
        "Nama Perusahaan",
        "E-mail",
        "Telepon Rumah",
        "No. HP/WA",
        "Tempat Lahir",
        "Kota/Kabupaten",
        "Sumber",
        "LinkedIn URL",
        "Keterangan",
    ]
    assert mapping_guess(headers) == {
        "full_name": "Nama Lengkap",
        "email": "E-mail",
        "phone": "No. HP/WA",
        "city": "Kota/Kabupaten",
        "source": "Sumber",
        "linkedin": "LinkedIn URL",
        "notes": "Keterangan",
    }


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (
            ["NAMA", "Surel", "WhatsApp", "Domisili"],
            {"full_name": "NAMA", "email": "Surel", "phone": "WhatsApp", "city": "Domisili"},
        ),
        (
            ["Full name", "Email Address", "Phone Number", "City", "Linked In", "Source", "Notes"],
            {
                "full_name": "Full name",
                "email": "Email Address",
                "phone": "Phone Number",
                "city": "City",
                "linkedin": "Linked In",
                "source": "Source",
                "notes": "Notes",
            },
        ),
        (["nama", "no telp", "nomor handphone"], {"full_name": "nama", "phone": "nomor handphone"}),
        (["Telepon Darurat", "Nama Sekolah", "Alamat"], {}),
        (["Catatan", "Ket."], {"notes": "Catatan"}),
    ],
)
def test_mapping_guess_variants(headers: list[str], expected: dict[str, str]) -> None:
    guessed = mapping_guess(headers)
    assert set(guessed) == {"full_name", "email", "phone", "city", "source", "linkedin", "notes"}
    assert {field: header for field, header in guessed.items() if header} == expected


def test_mapping_guess_with_the_table_reader() -> None:
    table = table_read(name="x.csv", data=csv_bytes(ROWS))
    assert mapping_guess(table.headers)["phone"] == "No. HP"


def test_rows_keep_their_number_in_the_file_when_blank_lines_are_skipped():
    table = table_read(name="x.csv", data=b"Nama,HP\n\nBudi,0812\n,\nSari,0813\n")
    assert table.rows == [["Budi", "0812"], ["Sari", "0813"]]
    assert table.row_numbers == [3, 5]


def rejected(data: bytes) -> UploadRejected:
    with pytest.raises(UploadRejected) as caught:
        table_read(name="x.csv", data=data)
    return caught.value


def test_a_quote_never_closed_is_reported_on_its_row_not_merged_into_one_row() -> None:
    data = (
        b'Nama,Email,HP\nBudi,budi@example.com,0812\nSiti,"siti@example.com,0813\nAni,ani@example.com,0857\n'
    )
    error = rejected(data)
    assert error.code == "bad_row"
    assert str(error.message).startswith("Row 3 opens a quote")


def test_a_quote_closed_rows_later_is_reported_on_the_row_that_opened_it() -> None:
    data = (
        b"Nama,Email,HP,Kota\n"
        b"Budi,budi@example.com,0812,Bandung\n"
        b'Siti,"siti@example.com,0813,Medan\n'  # opened here...
        b"Ani,ani@example.com,0857,Bogor\n"
        b'Dewi,dewi@example.com,0858,Solo"\n'  # ...and closed here: three rows would become one
        b"Eko,eko@example.com,0859,Depok\n"
    )
    error = rejected(data)
    assert error.code == "bad_row"
    assert str(error.message).startswith("Row 3 opens a quote")


def test_text_after_a_closing_quote_is_reported() -> None:
    error = rejected(b'Nama,Kota\n"Budi" Santoso,Bandung\n')
    assert error.code == "bad_row"
    assert str(error.message).startswith("Row 2 has a value that goes on after its closing quote")


def test_line_breaks_inside_a_quoted_value_are_still_one_value() -> None:
    data = b'Nama,Catatan,Kota\nBudi,"Pengalaman:\n- PT ABC, 2019\n- PT XYZ, 2021",Bandung\n'
    assert table_read(name="x.csv", data=data).rows == [
        ["Budi", "Pengalaman:\n- PT ABC, 2019\n- PT XYZ, 2021", "Bandung"]
    ]


def test_a_sheet_repeating_a_long_text_everywhere_is_refused(monkeypatch) -> None:
    """Small on disk (one shared string), huge once every cell is written out for the mapping page."""
    monkeypatch.setattr("rekrut.core.tables.MAX_TABLE_CHARS", 10_000)
    data = xlsx_bytes([["Nama", "Catatan"], *[["Budi", "x" * 1000] for _ in range(20)]])
    assert rejected_code(data, "x.xlsx") == "too_large"
