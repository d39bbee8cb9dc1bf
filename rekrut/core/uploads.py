"""Checking uploaded files before anything reads them (size, what the file really is, zip bombs), and
serving a stored document under a name and type that match its content.

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
from urllib.parse import quote

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

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


def download_disposition(*, name: str, kind: DocumentKind, inline: bool = False) -> str:
    """A Content-Disposition whose file name ends as the content is (never as the uploader named it): an
    ASCII name for every browser, and the original in UTF-8 (RFC 6266 filename*) for those that read it."""
    stem = unicodedata.normalize("NFC", name).strip()
    while "." in stem and stem.rsplit(".", 1)[1].lower() in _FILE_ENDINGS:
        stem = stem.rsplit(".", 1)[0]
    # No path, quotes or control characters may reach a header or a save dialog.
    stem = " ".join(re.sub(r'[\x00-\x1f\x7f"\\/:*?<>|;]+', " ", stem).split())[:120].strip(" .") or "cv"
    ending = f".{kind}" if kind else ""
    ascii_name = (slugify(stem) or "cv") + ending
    disposition = "inline" if inline else "attachment"
    return f"{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(stem + ending, safe='')}"
