"""Upload checks: real unpacked sizes measured while inflating, and serving a stored document safely."""

from __future__ import annotations

import contextlib
import io
import tracemalloc
import zipfile
import zlib
from urllib.parse import unquote

import pytest

from rekrut.core.tables import table_read
from rekrut.core.uploads import (
    MB,
    UploadRejected,
    ZipLimits,
    document_kind,
    download_disposition,
    zip_check,
)
from rekrut.intake.cv_reading import cv_read
from tests.candidates.filebuilders import docx_bytes, pdf_bytes, xlsx_bytes, zip_bytes
from tests.core.hostile_files import deflate, docx_lying, xlsx_lying, zip_raw

LIMITS = ZipLimits(total_bytes=4 * MB, part_bytes=2 * MB, xml_bytes=3 * MB, streamed=("big/",))


def refused(data: bytes, limits: ZipLimits = LIMITS) -> str:
    with pytest.raises(UploadRejected) as caught:
        zip_check(data, limits=limits)
    return caught.value.code


def peak_bytes(work) -> int:
    """The most memory Python held at once while `work()` ran (its allocations only)."""
    tracemalloc.start()
    try:
        with contextlib.suppress(UploadRejected):
            work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_an_honest_package_comes_back_with_its_real_sizes() -> None:
    data = zip_bytes({"a.xml": b"<a/>" * 1000, "media/photo.jpg": b"\xff" * 5000})
    assert zip_check(data, limits=LIMITS) == {"a.xml": 4000, "media/photo.jpg": 5000}


def test_a_docx_whose_directory_lies_is_refused_without_inflating_it() -> None:
    """The directory says 1 KB; the part inflates to 300 MB (a 300 KB file). zipfile's read() would inflate
    all of it before cutting it to the claimed size: python-docx used 1 GB per 1 MB of such a file."""
    bomb = docx_lying(inflates_to=300 * MB)
    assert len(bomb) < 400_000

    with pytest.raises(UploadRejected) as caught:
        cv_read(name="cv.docx", data=bomb)
    assert caught.value.code == "too_large"
    assert peak_bytes(lambda: cv_read(name="cv.docx", data=bomb)) < 5 * MB


def test_an_xlsx_whose_directory_lies_is_refused_without_inflating_it() -> None:
    bomb = xlsx_lying(inflates_to=300 * MB)
    with pytest.raises(UploadRejected) as caught:
        table_read(name="pelamar.xlsx", data=bomb)
    assert caught.value.code == "too_large"
    assert peak_bytes(lambda: table_read(name="pelamar.xlsx", data=bomb)) < 5 * MB


def test_a_small_lie_within_the_limits_is_a_damaged_file() -> None:
    body = b"<a>" + b"x" * 3000 + b"</a>"
    data = zip_raw([("a.xml", deflate(body), zipfile.ZIP_DEFLATED, 0, 1000, zlib.crc32(body[:1000]))])
    assert refused(data) == "corrupt"


def test_a_wrong_checksum_is_a_damaged_file() -> None:
    body = b"<a/>" * 100
    assert refused(zip_raw([("a.xml", deflate(body), 8, 0, len(body), zlib.crc32(body) ^ 1)])) == "corrupt"


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA], ids=["bzip2", "lzma"])
def test_compression_office_never_writes_is_refused(method: int) -> None:
    """zipfile inflates bzip2 and LZMA parts without any bound; Word and Excel only store or deflate."""
    assert refused(zip_bytes({"a.xml": b"<a/>" * 100}, compression=method)) == "corrupt"


def test_an_encrypted_part_asks_for_the_protection_to_be_removed() -> None:
    body = b"<a/>"
    assert (
        refused(zip_raw([("a.xml", body, zipfile.ZIP_STORED, 0x1, len(body), zlib.crc32(body))]))
        == "encrypted"
    )


def test_limits_per_part_for_all_parts_and_for_the_xml_parsed_whole() -> None:
    assert refused(zip_bytes({"big/sheet.xml": b" " * (2 * MB + 1)})) == "too_large"  # one part
    assert zip_check(zip_bytes({"big/a.xml": b" " * (2 * MB), "big/b.xml": b" " * MB}), limits=LIMITS)
    assert refused(zip_bytes({f"big/{n}.xml": b" " * (2 * MB) for n in "abc"})) == "too_large"  # all parts
    # Parts parsed whole add up on their own: three of 1.5 MB pass one by one, not together.
    assert refused(zip_bytes({f"{n}.xml": b" " * (3 * MB // 2) for n in "abc"})) == "too_large"
    assert refused(zip_bytes({f"p{n}": b"" for n in range(LIMITS.parts + 1)})) == "too_large"


def test_a_real_cv_and_a_real_sheet_pass() -> None:
    assert cv_read(name="cv.docx", data=docx_bytes(["Budi Santoso", "budi@example.com"])).emails == [
        "budi@example.com"
    ]
    assert table_read(name="x.xlsx", data=xlsx_bytes([["Nama"], ["Budi"]])).rows == [["Budi"]]


def test_a_pdf_is_read_under_tighter_stream_limits() -> None:
    """A 20 MB content stream (a few KB compressed) is more than any CV holds: its text is skipped, the
    CV is still taken."""
    stream = zlib.compress(b"BT /F1 11 Tf 50 790 Td (x) Tj ET\n" * (25 * MB // 33), 9)
    page = pdf_bytes("Budi Santoso")
    start = page.index(b"<< /Length")
    end = page.index(b"endstream", start) + len(b"endstream")
    bomb = page[:start] + b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream
    bomb += b"\nendstream" + page[end:]
    assert len(bomb) < 200_000
    assert peak_bytes(lambda: cv_read(name="cv.pdf", data=bomb)) < 60 * MB


# ---- serving ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (pdf_bytes("Budi"), "pdf"),
        (docx_bytes(["Budi"]), "docx"),
        (xlsx_bytes([["Nama"]]), ""),
        (b"<html><script>alert(1)</script></html>", ""),
    ],
    ids=["pdf", "docx", "xlsx", "html"],
)
def test_a_document_is_known_by_its_content(data: bytes, kind: str) -> None:
    file = io.BytesIO(data)
    assert document_kind(file) == kind
    assert file.tell() == 0


@pytest.mark.parametrize(
    ("name", "kind", "ascii_name", "original"),
    [
        ("resume.docx", "pdf", "resume.pdf", "resume.pdf"),
        ("cv.pdf.html", "pdf", "cv.pdf", "cv.pdf"),
        ("CV Budi S.Kom.pdf", "docx", "cv-budi-skom.docx", "CV Budi S.Kom.docx"),
        ("Riwayat Hidup Boğaziçi — Ayşe.pdf", "pdf", "riwayat-hidup-bogazici-ayse.pdf", None),
        ('../../etc/"pass"\r\nX-Evil: 1.pdf', "pdf", "etc-pass-x-evil-1.pdf", None),
        ("简历.pdf", "pdf", "cv.pdf", "简历.pdf"),
        (".pdf", "pdf", "cv.pdf", "cv.pdf"),
        ("notes", "", "notes", "notes"),
    ],
)
def test_the_download_name_ends_as_the_content_is_and_is_safe(
    name: str, kind: str, ascii_name: str, original: str | None
) -> None:
    header = download_disposition(name=name, kind=kind)  # type: ignore[arg-type]
    assert header.startswith(f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''")
    assert "\r" not in header and "\n" not in header
    assert all(ord(character) < 128 for character in header)
    utf8 = unquote(header.split("filename*=UTF-8''")[1])
    assert "/" not in utf8 and '"' not in utf8
    if original:
        assert utf8 == original
    assert download_disposition(name=name, kind="pdf", inline=True).startswith("inline; ")
