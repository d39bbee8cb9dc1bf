"""core.uploads.scan_check: a scan or a phone photo (an MCU report, a signed contract, a new employee's KTP)
is a PDF, a JPEG or a PNG told from its content, at most 10 MB, and not a file that unpacks into far more;
each app words what is its own. And scan_response serves it as what it is."""

import io
import zlib

import pytest

from rekrut.core import uploads
from rekrut.core.uploads import MAX_UPLOAD_BYTES, MB, UploadRejected, scan_check, scan_response
from tests.candidates.filebuilders import docx_bytes, pdf_bytes, pdf_encrypted_bytes
from tests.core.images import jpeg_header_bytes, png_bytes

WRONG_TYPE = "Upload the letter as a PDF or a photo."
TOO_LARGE = "The file unpacks to far more than a letter needs."


def check(data: bytes, **options: int) -> str:
    return scan_check(data, wrong_type=WRONG_TYPE, too_large=TOO_LARGE, **options)


def refusal(data: bytes, **options: int) -> tuple[str, str]:
    with pytest.raises(UploadRejected) as refused:
        check(data, **options)
    return refused.value.code, str(refused.value.message)


def _pdf_with_stream(stream: bytes) -> bytes:
    """A one-page PDF whose content stream is `stream`, deflated."""
    page = pdf_bytes("Surat")
    start = page.index(b"<< /Length")
    end = page.index(b"endstream", start) + len(b"endstream")
    packed = zlib.compress(stream, 9)
    head = page[:start] + b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed)
    return head + packed + b"\nendstream" + page[end:]


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (pdf_bytes("Hasil MCU"), "pdf"),
        (png_bytes(1200, 1600), "png"),
        (jpeg_header_bytes(3000, 4000), "jpg"),  # a 12-megapixel phone photo
        (b"junk before the header %PDF-" + pdf_bytes("Kontrak")[5:], "pdf"),  # some scanners prepend junk
    ],
    ids=["pdf", "png", "jpeg", "pdf-after-junk"],
)
def test_a_pdf_or_a_photo_is_known_by_its_content(data: bytes, kind: str) -> None:
    assert check(data) == kind


@pytest.mark.parametrize(
    ("data", "code", "says"),
    [
        (b"", "empty", "empty"),
        (b"%PDF-1.4\n" + b"0" * MAX_UPLOAD_BYTES, "too_large", "larger than 10 MB"),
        (docx_bytes(["Hasil"]), "unsupported_type", WRONG_TYPE),
        (b"<html><script>alert(1)</script></html>", "unsupported_type", WRONG_TYPE),
        (b"MZ\x90\x00 a program", "unsupported_type", WRONG_TYPE),
        (b"%PDF-1.4\nnot really a pdf", "corrupt", "damaged"),
        (pdf_encrypted_bytes("Kontrak", user_password="rahasia"), "encrypted", "password"),
        (pdf_encrypted_bytes("Kontrak"), "encrypted", "password"),  # opens without asking, still encrypted
        (png_bytes(20_000, 20_000), "too_large", TOO_LARGE),  # 400 megapixels: a decompression bomb
        (jpeg_header_bytes(10_000, 10_000), "too_large", TOO_LARGE),
        (png_bytes(0, 10), "corrupt", "damaged"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 30, "corrupt", "damaged"),  # no IHDR chunk
        (b"\xff\xd8\xff\xe0\x00", "corrupt", "damaged"),  # a truncated JPEG
        (b"\xff\xd8\xff\xda\x00\x08" + b"\x00" * 20, "corrupt", "damaged"),  # image data before any frame
    ],
    ids=[
        "empty",
        "over-10-mb",
        "word",
        "html",
        "program",
        "damaged-pdf",
        "pdf-with-password",
        "pdf-encrypted-no-password",
        "png-bomb",
        "jpeg-bomb",
        "png-no-width",
        "png-no-header",
        "jpeg-truncated",
        "jpeg-no-frame",
    ],
)
def test_a_bad_file_is_refused_with_a_clear_message(data: bytes, code: str, says: str) -> None:
    refused_code, message = refusal(data)
    assert refused_code == code and says in message


def test_a_stream_that_inflates_past_pypdfs_limit_is_too_large() -> None:
    bomb = _pdf_with_stream(b"0" * (60 * MB))  # about 60 KB on disk
    assert len(bomb) < 200_000
    assert refusal(bomb) == ("too_large", TOO_LARGE)


def test_page_text_alone_adding_up_past_the_total_is_too_large(monkeypatch) -> None:
    # Each page's stream within its own limit, all of them together past the total (the signed contract
    # scan once let this through: it added up only images).
    monkeypatch.setattr(uploads, "PDF_TOTAL_BYTES", 100)
    assert refusal(pdf_bytes(["A" * 60, "B" * 60])) == ("too_large", TOO_LARGE)
    assert check(pdf_bytes(["A" * 10])) == "pdf"


def test_each_caller_sets_how_many_pages_its_document_may_have() -> None:
    three_pages = pdf_bytes(["Halaman 1", "Halaman 2", "Halaman 3"])
    assert check(three_pages) == "pdf"
    assert refusal(three_pages, max_pages=2) == ("too_large", TOO_LARGE)


@pytest.mark.parametrize(("kind", "content_type"), [("pdf", "application/pdf"), ("png", "image/png")])
def test_a_scan_is_served_as_it_is_never_sniffed_cached_or_scripted(kind: str, content_type: str) -> None:
    response = scan_response(io.BytesIO(b"scan"), kind=kind, disposition='attachment; filename="ktp.png"')
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == 'attachment; filename="ktp.png"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
