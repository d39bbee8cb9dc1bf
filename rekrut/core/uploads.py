"""Checking uploaded files before anything reads them (size, what the file really is, zip bombs, scans and
photos that unpack into far more), and serving a stored document under a name and type that match its
content.

Every check raises `UploadRejected` with a message for the uploader and a stable code. What a file is comes
from its content; its name only helps word a message.
"""

from __future__ import annotations

import io
import re
import struct
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from typing import IO, Literal, Protocol, cast

from django.http import FileResponse
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise
from pypdf import Configuration, PdfReader, apply_configuration
from pypdf.errors import LimitReachedError

from rekrut.core.files import content_disposition

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MB = 1024 * 1024

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Office (.doc, .xls) compound files

ErrorCode = Literal[
    "empty",
    "too_large",
    "unsupported_type",
    "corrupt",
    "encrypted",
    "encoding",
    "too_many_rows",
    "too_many_columns",
    "no_rows",
    "bad_header",
    "bad_row",
]


class UploadRejected(Exception):
    """An uploaded file cannot be used. `message` is for the uploader; `code` is stable for code and tests."""

    def __init__(self, message: StrOrPromise, *, code: ErrorCode) -> None:
        # The code, not the message, goes to Exception: str() of a lazy message needs Django settings
        # and a language, which logs and tests may not have.
        super().__init__(code)
        self.message = message
        self.code: ErrorCode = code


def upload_size_check(data: bytes) -> None:
    if not data:
        raise UploadRejected(_("The file is empty."), code="empty")
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadRejected(_("The file is larger than 10 MB."), code="too_large")


def looks_like_pdf(data: bytes) -> bool:
    # PDF readers accept a header anywhere in the first 1 KB (some generators prepend junk).
    return b"%PDF-" in data[:1024]


# ---- ZIP packages (DOCX, XLSX) -----------------------------------------------------------------------


@dataclass(frozen=True)
class ZipLimits:
    """How large a package may be once unpacked. Sizes are real, measured while inflating."""

    total_bytes: int  # all parts together
    part_bytes: int  # any one part
    # All XML parts together, but the streamed ones: python-docx and openpyxl parse these whole, at some
    # 10-20 bytes of memory per byte of XML, so this is what bounds a reader's memory.
    xml_bytes: int
    streamed: tuple[str, ...] = ()  # name beginnings of the parts a reader takes as a stream
    parts: int = 2_000

    def parsed_whole(self, name: str) -> bool:
        return name.endswith((".xml", ".rels")) and not name.startswith(self.streamed)


_CHUNK = 64 * 1024
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, then name and extra-field lengths at offset 26
_DAMAGED = _("The file is damaged and cannot be opened.")
_TOO_LARGE = _("The document is too large to read.")


def zip_check(data: bytes, *, limits: ZipLimits) -> dict[str, int]:
    """Part name -> unpacked size of a ZIP package, after inflating every part and counting as it goes.

    The sizes in a ZIP's directory are the sender's claim: a 1 MB file can say "1 KB" and inflate to
    gigabytes, and zipfile's read() inflates all of it before cutting it to the claimed size. So every part
    is inflated here in small steps with a running total that stops at the limit, and must come out exactly
    as large as its directory entry says (and with its checksum). After that, python-docx and openpyxl
    inflate the same bytes to the same, checked, size.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise UploadRejected(_DAMAGED, code="corrupt") from exc
    if len(infos) > limits.parts:
        raise UploadRejected(_TOO_LARGE, code="too_large")
    view = memoryview(data)
    sizes: dict[str, int] = {}
    total = xml = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise UploadRejected(
                _("The file is password-protected. Remove the protection and upload it again."),
                code="encrypted",
            )
        # Office writes only these two; bzip2 and LZMA inflate without any bound in zipfile.
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise UploadRejected(_DAMAGED, code="corrupt")
        parsed_whole = limits.parsed_whole(info.filename)
        cap = min(limits.part_bytes, limits.total_bytes - total)
        if parsed_whole:
            cap = min(cap, limits.xml_bytes - xml)
        if info.file_size > cap:  # an honest directory entry already says too much
            raise UploadRejected(_TOO_LARGE, code="too_large")
        size = _part_inflate(view, info, cap)
        total += size
        xml += size if parsed_whole else 0
        sizes[info.filename] = size
    return sizes


def _part_inflate(data: memoryview, info: zipfile.ZipInfo, cap: int) -> int:
    """Inflates one part in steps of 64 KB without keeping it; its real size, or a refusal past `cap`."""
    start = info.header_offset
    if start < 0 or start + _LOCAL_HEADER.size > len(data):
        raise UploadRejected(_DAMAGED, code="corrupt")
    signature, name_length, extra_length = _LOCAL_HEADER.unpack(data[start : start + _LOCAL_HEADER.size])
    if signature != ZIP_MAGIC:
        raise UploadRejected(_DAMAGED, code="corrupt")
    begin = start + _LOCAL_HEADER.size + name_length + extra_length
    compressed = data[begin : begin + info.compress_size]
    if len(compressed) != info.compress_size:
        raise UploadRejected(_DAMAGED, code="corrupt")
    size, crc = 0, 0
    if info.compress_type == zipfile.ZIP_STORED:
        size, crc = len(compressed), zlib.crc32(compressed)
    else:
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        for offset in range(0, len(compressed), _CHUNK):
            pending = bytes(compressed[offset : offset + _CHUNK])
            while pending and not inflater.eof:
                # max_length bounds what one call may produce; the rest waits in unconsumed_tail.
                piece = inflater.decompress(pending, _CHUNK)
                size += len(piece)
                if size > cap:
                    raise UploadRejected(_TOO_LARGE, code="too_large")
                crc = zlib.crc32(piece, crc)
                pending = inflater.unconsumed_tail
            if inflater.eof:
                break
        if not inflater.eof:
            raise UploadRejected(_DAMAGED, code="corrupt")
    if size > cap:
        raise UploadRejected(_TOO_LARGE, code="too_large")
    if size != info.file_size or crc != info.CRC:
        raise UploadRejected(_DAMAGED, code="corrupt")
    return size


def zip_names(data: bytes) -> set[str]:
    """The part names in a ZIP's directory, without inflating anything (to tell DOCX from XLSX quickly)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise UploadRejected(_DAMAGED, code="corrupt") from exc


# ---- scans and photos (PDF, JPEG, PNG) ----------------------------------------------------------------

ScanKind = Literal["pdf", "jpg", "png"]
SCAN_TYPES: dict[str, str] = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png"}

# A 48-megapixel phone photo is about 190 MB once decoded (RGBA); past this it is a decompression bomb.
MAX_IMAGE_PIXELS = 50_000_000
MAX_PDF_PAGES = 100
# A scanned letter or contract is a few pages of text and images; a PDF whose streams inflate past this
# is hostile, whatever each stream's own limit let through.
PDF_LIMITS = Configuration().with_overwrites(
    zlib_maximum_output_length=50 * MB,
    lzw_maximum_output_length=50 * MB,
    run_length_maximum_output_length=50 * MB,
    array_based_stream_maximum_output_length=50 * MB,
    stream_decoding_work_maximum_length=100 * MB,
)
PDF_TOTAL_BYTES = 200 * MB

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"
_PDF_ENCRYPTED = _("The PDF is password-protected. Remove the protection and upload it again.")


def scan_check(
    data: bytes, *, wrong_type: StrOrPromise, too_large: StrOrPromise, max_pages: int = MAX_PDF_PAGES
) -> ScanKind:
    """What a scan or a phone photo is ("pdf", "jpg" or "png"), told from its content, or UploadRejected.

    At most 10 MB, and not a file that unpacks into far more: an image's unpacked size is its pixel count,
    read from its header without decoding it; a PDF's streams are inflated under pypdf's output limits.
    Each caller words what is its own: `wrong_type` (what to upload instead) and `too_large` (unpacks to
    far more than its document needs)."""
    upload_size_check(data)
    if looks_like_pdf(data):
        _pdf_check(data, too_large=too_large, max_pages=max_pages)
        return "pdf"
    if data.startswith(PNG_MAGIC):
        _pixels_check(_png_size(data), too_large=too_large)
        return "png"
    if data.startswith(JPEG_MAGIC):
        _pixels_check(_jpeg_size(data), too_large=too_large)
        return "jpg"
    raise UploadRejected(wrong_type, code="unsupported_type")


def _pixels_check(size: tuple[int, int], *, too_large: StrOrPromise) -> None:
    width, height = size
    if width < 1 or height < 1:
        raise UploadRejected(_DAMAGED, code="corrupt")
    if width * height > MAX_IMAGE_PIXELS:
        raise UploadRejected(too_large, code="too_large")


def _png_size(data: bytes) -> tuple[int, int]:
    # The first chunk is IHDR: length (4), type (4), then width and height as big-endian 32-bit numbers.
    if len(data) < 24 or data[12:16] != b"IHDR":
        raise UploadRejected(_DAMAGED, code="corrupt")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


# Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg_size(data: bytes) -> tuple[int, int]:
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            raise UploadRejected(_DAMAGED, code="corrupt")
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD8)):  # markers without a length
            at += 2
            continue
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        if marker in _SOF:
            if at + 9 > len(data):
                break
            height, width = struct.unpack(">HH", data[at + 5 : at + 9])
            return width, height
        if marker == 0xDA or length < 2:  # image data began before any frame header
            break
        at += 2 + length
    raise UploadRejected(_DAMAGED, code="corrupt")


def _pdf_check(data: bytes, *, too_large: StrOrPromise, max_pages: int) -> None:
    """Opens the PDF and inflates every page's content and images under pypdf's limits, as a viewer would."""
    try:
        with apply_configuration(PDF_LIMITS):
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                raise UploadRejected(_PDF_ENCRYPTED, code="encrypted")
            pages = reader.pages
            if not 1 <= len(pages) <= max_pages:
                raise UploadRejected(_DAMAGED if not pages else too_large, code="too_large")
            total = 0
            for page in pages:
                contents = page.get_contents()
                total += len(contents.get_data()) if contents is not None else 0
                resources = page.get("/Resources")
                objects = resources.get_object().get("/XObject") if resources else None
                for reference in objects.get_object().values() if objects else []:
                    total += len(reference.get_object().get_data())
                    if total > PDF_TOTAL_BYTES:
                        raise UploadRejected(too_large, code="too_large")
                # Page text alone can add up too: each stream within its limit, many pages past the total.
                if total > PDF_TOTAL_BYTES:
                    raise UploadRejected(too_large, code="too_large")
    except UploadRejected:
        raise
    except LimitReachedError as exc:
        raise UploadRejected(too_large, code="too_large") from exc
    except Exception as exc:
        # Malformed files raise many kinds of error (pypdf's own, ValueError, KeyError, RecursionError...).
        if b"/Encrypt" in data:
            raise UploadRejected(_PDF_ENCRYPTED, code="encrypted") from exc
        raise UploadRejected(_DAMAGED, code="corrupt") from exc


# ---- serving a stored document -----------------------------------------------------------------------

PDF_TYPE = "application/pdf"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DocumentKind = Literal["pdf", "docx", ""]
DOCUMENT_TYPES: dict[str, str] = {"pdf": PDF_TYPE, "docx": DOCX_TYPE, "": "application/octet-stream"}

# Endings a document's own name may carry that say nothing true about it once its kind is known from the
# content: "cv.pdf.html" is served as "cv.pdf" (or "cv.docx").
_FILE_ENDINGS = {
    *("pdf", "docx", "doc", "docm", "dotx", "rtf", "odt", "txt", "htm", "html", "xhtml", "shtml", "svg"),
    *("xml", "js", "mjs", "exe", "msi", "bat", "cmd", "com", "scr", "sh", "php", "zip", "rar", "7z", "bin"),
}


class _Seekable(Protocol):
    def read(self, size: int = ..., /) -> bytes: ...
    def seek(self, offset: int, whence: int = ..., /) -> int: ...
    def tell(self) -> int: ...


def document_kind(file: _Seekable) -> DocumentKind:
    """What a stored document is, from its first bytes (and a ZIP's directory), whatever its name says.
    Leaves the file at its start."""
    head = file.read(1024)
    file.seek(0)
    if looks_like_pdf(head):
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        try:
            with zipfile.ZipFile(cast(IO[bytes], file)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
            names = set()
        file.seek(0)
        if "word/document.xml" in names and "word/vbaProject.bin" not in names:
            return "docx"
    return ""


def download_filename(*, name: str, kind: DocumentKind | str) -> str:
    """The name a download is saved under: the given name without any ending it claims (never as the
    uploader named it), ending as the content is."""
    stem = unicodedata.normalize("NFC", name).strip()
    while "." in stem and stem.rsplit(".", 1)[1].lower() in _FILE_ENDINGS:
        stem = stem.rsplit(".", 1)[0]
    # No path, quotes or control characters may reach a header or a save dialog.
    stem = " ".join(re.sub(r'[\x00-\x1f\x7f"\\/:*?<>|;]+', " ", stem).split())[:120].strip(" .") or "cv"
    return stem + (f".{kind}" if kind else "")


def download_disposition(*, name: str, kind: DocumentKind, inline: bool = False) -> str:
    """A Content-Disposition whose file name ends as the content is (never as the uploader named it): an
    ASCII name for every browser, and the original in UTF-8 (RFC 6266 filename*) for those that read it."""
    return content_disposition(download_filename(name=name, kind=kind), inline=inline, fallback="cv")


def scan_response(file: IO[bytes], *, kind: str, disposition: str) -> FileResponse:
    """A stored scan or photo (checked by scan_check when uploaded) served as what its content is: the type
    from its kind, never sniffed by the browser, not cached, and sandboxed should a PDF carry script."""
    response = FileResponse(file, content_type=SCAN_TYPES[kind])
    response["Content-Disposition"] = disposition
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response
