"""cv_extract: content checks, text extraction and contact finding. No database, no Django settings:
messages are lazy and never rendered here, so the tests assert the stable `code` instead."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.utils.functional import Promise
from hypothesis import given
from hypothesis import strategies as st

from rekrut.core.phones import PhoneInvalid, phone_normalize
from rekrut.core.uploads import MAX_UPLOAD_BYTES, UploadRejected
from rekrut.intake.cv_reading import (
    DOCX_TYPE,
    MAX_PDF_PAGES,
    PDF_TYPE,
    contacts_find,
    cv_read,
    text_normalize,
)
from tests.candidates.filebuilders import (
    docx_bytes,
    docx_text_box_bytes,
    pdf_bytes,
    pdf_encrypted_bytes,
    xlsx_bytes,
    zip_bytes,
)

CV_TEXT = "Budi Santoso\nEmail: Budi.Santoso@Example.co.id\nTelepon rumah (021) 5551234\nHP 0812-3456-7890"


def rejected_code(name: str, data: bytes) -> str:
    with pytest.raises(UploadRejected) as caught:
        cv_read(name=name, data=data)
    assert isinstance(caught.value.message, Promise)  # lazy: translated when shown, not when raised
    return caught.value.code


def test_pdf_text_and_contacts() -> None:
    cv = cv_read(name="cv.pdf", data=pdf_bytes([CV_TEXT, "Pengalaman\nPT Maju   Jaya"]))
    assert cv.kind == "pdf"
    assert cv.content_type == PDF_TYPE
    assert "Budi Santoso" in cv.text
    assert "PT Maju Jaya" in cv.text  # second page read, spaces collapsed
    assert cv.emails == ["budi.santoso@example.co.id"]
    assert cv.phones == ["+6281234567890", "+62215551234"]  # mobile first, though written second


def test_content_decides_not_the_name() -> None:
    assert cv_read(name="cv.docx", data=pdf_bytes("Budi")).kind == "pdf"
    assert cv_read(name="cv.pdf", data=docx_bytes(["Budi"])).kind == "docx"


def test_scanned_pdf_without_text_is_accepted() -> None:
    cv = cv_read(name="scan.pdf", data=pdf_bytes(""))
    assert (cv.kind, cv.text, cv.emails, cv.phones) == ("pdf", "", [], [])


def test_pdf_pages_past_the_cap_are_not_read() -> None:
    pages = [f"Halaman {n}" for n in range(1, MAX_PDF_PAGES + 6)]
    text = cv_read(name="book.pdf", data=pdf_bytes(pages)).text
    assert f"Halaman {MAX_PDF_PAGES}" in text
    assert f"Halaman {MAX_PDF_PAGES + 1}" not in text


@pytest.mark.parametrize("user_password", ["", "rahasia"])
def test_encrypted_pdf_is_rejected_even_with_empty_password(user_password: str) -> None:
    data = pdf_encrypted_bytes(CV_TEXT, user_password=user_password)
    assert rejected_code("cv.pdf", data) == "encrypted"


@pytest.mark.parametrize(
    "data",
    [
        pdf_bytes(CV_TEXT)[:300],  # truncated upload
        b"%PDF-1.4\n" + bytes(range(256)) * 20,
        pdf_bytes(CV_TEXT).replace(b"startxref", b"startxrex"),
        b"%PDF-1.7\n%%EOF\n",
    ],
    ids=["truncated", "garbage", "no-startxref", "header-only"],
)
def test_corrupt_pdf_is_rejected(data: bytes) -> None:
    assert rejected_code("cv.pdf", data) == "corrupt"


def test_empty_and_too_large() -> None:
    assert rejected_code("cv.pdf", b"") == "empty"
    assert rejected_code("cv.pdf", b"%PDF-1.4\n" + b"0" * MAX_UPLOAD_BYTES) == "too_large"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("photo.pdf", b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
        ("photo.pdf", b"\xff\xd8\xff\xe0" + b"\0" * 64),
        ("cv.pdf", b"Budi Santoso, budi@example.com\n"),  # a .txt renamed
        ("cv.pdf", b"MZ\x90\x00" + b"\0" * 64),  # a Windows program
        ("cv.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504),
        ("cv.docx", xlsx_bytes([["Nama"], ["Budi"]])),
        ("cv.docx", zip_bytes({"readme.txt": b"hello"})),
        ("cv.docx", zip_bytes({"word/document.xml": b"<x/>", "word/vbaProject.bin": b"\0"})),
    ],
    ids=["png", "jpeg", "text", "exe", "old-doc", "xlsx", "plain-zip", "docm"],
)
def test_unsupported_types(name: str, data: bytes) -> None:
    assert rejected_code(name, data) == "unsupported_type"


def test_old_doc_gets_its_own_message() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    with pytest.raises(UploadRejected) as as_doc:
        cv_read(name="CV.DOC", data=ole)
    with pytest.raises(UploadRejected) as as_other:
        cv_read(name="cv.bin", data=ole)
    # Compare the English source strings without rendering (rendering needs settings).
    assert as_doc.value.message._args != as_other.value.message._args  # type: ignore[union-attr]


def test_docx_paragraphs_tables_and_header() -> None:
    data = docx_bytes(
        ["Siti Rahma", "Ringkasan:   analis   data"],
        table=[["Email", "SITI@example.com"], ["WhatsApp", "+62 811 1111 222"]],
        header="Kontak: 62812 9876 5432",
    )
    cv = cv_read(name="cv.docx", data=data)
    assert cv.kind == "docx"
    assert cv.content_type == DOCX_TYPE
    assert cv.text.splitlines() == [
        "Kontak: 62812 9876 5432",
        "Siti Rahma",
        "Ringkasan: analis data",
        "Email",
        "SITI@example.com",
        "WhatsApp",
        "+62 811 1111 222",
    ]
    assert cv.emails == ["siti@example.com"]
    assert cv.phones == ["+6281298765432", "+628111111222"]


def test_docx_text_box_is_read_once() -> None:
    cv = cv_read(name="cv.docx", data=docx_text_box_bytes("Budi Santoso", "budi@example.com 0812 3456 7890"))
    assert cv.text.count("budi@example.com") == 1
    assert cv.emails == ["budi@example.com"]
    assert cv.phones == ["+6281234567890"]


def test_corrupt_docx() -> None:
    good = docx_bytes(["Budi"])
    assert rejected_code("cv.docx", good[: len(good) // 2]) == "corrupt"
    assert rejected_code("cv.docx", b"PK\x03\x04" + b"\0" * 200) == "corrupt"
    assert rejected_code("cv.docx", zip_bytes({"word/document.xml": b"<w:document"})) == "corrupt"
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            body = source.read(item)
            target.writestr(item, body[:40] if item.filename == "word/document.xml" else body)
    assert rejected_code("cv.docx", broken.getvalue()) == "corrupt"


def test_docx_zip_bomb_is_refused_before_inflating() -> None:
    bomb = zip_bytes({"[Content_Types].xml": b"<x/>", "word/document.xml": b" " * (21 * 1024 * 1024)})
    assert len(bomb) < 100_000
    assert rejected_code("cv.docx", bomb) == "too_large"


def test_text_normalize() -> None:
    raw = "  Nama:\u00a0Budi\t\tSantoso  \r\n\r\n\r\n\r\nﬁnance\x00 lead\u200b\r  \n"
    assert text_normalize(raw) == "Nama: Budi Santoso\n\nfinance lead"


def test_contacts_find_formats_order_and_noise() -> None:
    text = (
        "Email BUDI@x.com, budi@x.com; kerja: budi.s+cv@kantor.co.id.\n"
        "Rumah (021) 5551234. HP 0812-3456-7890 / 62812 9876 5432 / +62 811 1111 222.\n"
        "Singapura +65 9123 4567. Pengalaman 2015 - 2019, NIK 3171234567890001, kode pos 12940.\n"
        "HP lagi: +62 812-3456-7890"
    )
    emails, phones = contacts_find(text)
    assert emails == ["budi@x.com", "budi.s+cv@kantor.co.id"]
    assert phones == ["+6281234567890", "+6281298765432", "+628111111222", "+6591234567", "+62215551234"]


def test_contacts_find_nothing() -> None:
    assert contacts_find("") == ([], [])
    assert contacts_find("IPK 3,75 dari 4,00; tahun 2019-2021; @budi di Instagram") == ([], [])


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("0812-3456-7890", "+6281234567890"),
        ("+62 812 3456 7890", "+6281234567890"),
        ("6281234567890", "+6281234567890"),
        ("81234567890", "+6281234567890"),  # Excel dropped the leading 0
        (" 0812.3456.7890 ", "+6281234567890"),
        ("+62 (0) 812 3456 7890", "+6281234567890"),
        ("(021) 5551234", "+62215551234"),
        ("0274 123456", "+62274123456"),
        ("+65 9123 4567", "+6591234567"),
        ("62810000000", "+62810000000"),  # WhatsApp style; phonenumbers alone reads a 0628 landline
        ("62 21 5551234", "+62215551234"),
    ],
)
def test_phone_normalize(raw: str, e164: str) -> None:
    assert phone_normalize(raw) == e164


@pytest.mark.parametrize(
    "raw", ["", "   ", "12345", "0812 CALL ME", "08123456789012345", "budi@x.com", "0" * 50]
)
def test_phone_normalize_rejects(raw: str) -> None:
    with pytest.raises(PhoneInvalid) as caught:
        phone_normalize(raw)
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value.message, Promise)


def test_upload_rejected_str_needs_no_settings() -> None:
    error = UploadRejected(message="x", code="corrupt")
    assert str(error) == "corrupt"


_MOBILE = st.builds(
    lambda third, rest: "08" + third + rest,
    st.sampled_from("12356789"),
    st.text(alphabet="0123456789", min_size=7, max_size=10),
)


@given(_MOBILE, st.sampled_from(["", " ", "-", "."]), st.sampled_from(["0", "+62 ", "+62", "62"]))
def test_any_mobile_round_trips_to_e164(number: str, separator: str, prefix: str) -> None:
    """Any valid 08xx mobile (10-13 digits), however it is written, comes out as +628..."""
    national = number[1:]
    written = prefix + separator.join(group for group in (national[:3], national[3:7], national[7:]) if group)
    expected = "+62" + national
    assert phone_normalize(number) == expected
    assert phone_normalize(written) == expected
    assert contacts_find(f"Nama: Budi\nHP: {written}\n")[1] == [expected]
