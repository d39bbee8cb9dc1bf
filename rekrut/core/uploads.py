"""Checking uploaded files before anything reads them: size, what the file really is, zip bombs.

Every check raises `UploadRejected` with a message for the uploader and a stable code. What a file is comes
from its content; its name only helps word a message.
"""

from __future__ import annotations

import io
import zipfile
from typing import Literal

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# Zip bombs: a 10 MB upload can inflate to gigabytes. zipfile stops at the declared size (and then fails
# the CRC), so the sizes in the directory are a safe bound to check before anything is inflated.
MAX_ZIP_MEMBER_BYTES = 20 * 1024 * 1024
MAX_ZIP_TOTAL_BYTES = 150 * 1024 * 1024  # photos in a document are already compressed, so this is generous
MAX_ZIP_MEMBERS = 2_000

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


def zip_sizes(data: bytes, *, max_member_bytes: int = MAX_ZIP_MEMBER_BYTES) -> dict[str, int]:
    """Member name -> uncompressed size of a ZIP (DOCX, XLSX), refusing broken archives and zip bombs."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise UploadRejected(_("The file is damaged and cannot be opened."), code="corrupt") from exc
    sizes = {info.filename: info.file_size for info in infos}
    if (
        len(infos) > MAX_ZIP_MEMBERS
        or sum(sizes.values()) > MAX_ZIP_TOTAL_BYTES
        or any(size > max_member_bytes for size in sizes.values())
    ):
        raise UploadRejected(_("The document is too large to read."), code="too_large")
    return sizes


def looks_like_pdf(data: bytes) -> bool:
    # PDF readers accept a header anywhere in the first 1 KB (some generators prepend junk).
    return b"%PDF-" in data[:1024]
