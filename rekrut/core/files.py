"""Serving a stored file once a view has decided who may have it: one helper for every download.

Where the bytes come from is the deployment's choice (settings.FILE_DOWNLOADS, REKRUT_FILE_DOWNLOADS):
- "presigned": a 302 to a signed link to the bucket that expires after REKRUT_S3_PRESIGN_SECONDS, with the
  name and type the view chose, so a CV never passes through a web worker;
- "x-accel": nginx's internal redirect (X-Accel-Redirect) to a location only nginx may serve;
- "stream": the web worker reads the file from the storage and streams it (the one-machine default).
Previews shown inside our own pages (inline) always stream: the bucket cannot send our sandbox policy, and the
page's Content-Security-Policy frames nothing from another origin.
"""

import io
import re
import unicodedata
from typing import Any
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.core.files.storage import Storage
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.utils.text import slugify

# The same policy as every download: never sniffed, never cached, and a PDF carrying script runs in a sandbox.
_SANDBOX = "sandbox; default-src 'none'"


def content_disposition(filename: str, *, inline: bool = False, fallback: str = "file") -> str:
    """attachment (or inline) with an ASCII name for every browser and the original in UTF-8 (RFC 6266
    filename*) for those that read it; no path, quote or control character reaches the header."""
    name = unicodedata.normalize("NFC", filename).strip()
    stem, dot, ending = name.rpartition(".")
    if not dot or not re.fullmatch(r"[A-Za-z0-9]{1,8}", ending):
        stem, ending = name, ""
    stem = " ".join(re.sub(r'[\x00-\x1f\x7f"\\/:*?<>|;]+', " ", stem).split())[:120].strip(" .") or "file"
    suffix = f".{ending.lower()}" if ending else ""
    ascii_name = (slugify(stem) or fallback) + suffix
    kind = "inline" if inline else "attachment"
    return f"{kind}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(stem + suffix, safe='')}"


def storage_is_remote(storage: Storage) -> bool:
    """True for a bucket (no local path to hand to nginx or to read beside the storage API)."""
    return storage.__class__.__module__.startswith("storages.backends.s3")  # through default_storage's proxy


def file_response(
    request: HttpRequest,
    field_file: FieldFile,
    *,
    filename: str,
    content_type: str,
    inline: bool = False,
) -> HttpResponseBase:
    """The stored file, saved as `filename` and typed `content_type` whatever the storage holds; a file that
    is gone is a 404. Call it after the access check (and the audit row)."""
    if not field_file:
        raise Http404
    disposition = content_disposition(filename, inline=inline)
    mode = getattr(settings, "FILE_DOWNLOADS", "stream")
    storage = field_file.storage
    if inline or mode == "stream":
        return _streamed(field_file, disposition=disposition, content_type=content_type, inline=inline)
    if mode == "presigned" and storage_is_remote(storage):
        response: HttpResponse = HttpResponseRedirect(_presigned(field_file, disposition, content_type))
    elif mode == "x-accel":
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = _accel_location(field_file, disposition, content_type)
        # Kept by nginx from this response when it serves the internal location.
        response["Content-Disposition"] = disposition
    else:  # "presigned" on a local disk (a copy command half-way): nothing to sign, so stream.
        return _streamed(field_file, disposition=disposition, content_type=content_type, inline=inline)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _streamed(
    field_file: FieldFile, *, disposition: str, content_type: str, inline: bool
) -> HttpResponseBase:
    try:
        opened = field_file.storage.open(str(field_file.name), "rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(opened, content_type=content_type)
    response["Content-Disposition"] = disposition
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    # Only our own pages may frame a preview; a download is never framed (X-Frame-Options stays DENY).
    response["Content-Security-Policy"] = _SANDBOX + ("; frame-ancestors 'self'" if inline else "")
    return response


def _presigned(field_file: FieldFile, disposition: str, content_type: str) -> str:
    """A signed GET that makes the bucket answer with our name, type and caching, valid a few minutes."""
    parameters = {
        "ResponseContentDisposition": disposition,
        "ResponseContentType": content_type,
        "ResponseCacheControl": "private, no-store",
    }
    storage: Any = field_file.storage
    return storage.url(field_file.name, parameters=parameters, expire=settings.S3_PRESIGN_SECONDS)


def _accel_location(field_file: FieldFile, disposition: str, content_type: str) -> str:
    """The internal location nginx serves: the file's name under X_ACCEL_PREFIX on a shared disk, or, for
    a bucket, the signed link's scheme, host, path and query under it (nginx proxies to it, see deploy/)."""
    prefix = settings.X_ACCEL_PREFIX
    if storage_is_remote(field_file.storage):
        signed = urlsplit(_presigned(field_file, disposition, content_type))
        return f"{prefix}{signed.scheme}/{signed.netloc}{signed.path}" + (
            f"?{signed.query}" if signed.query else ""
        )
    return prefix + quote(str(field_file.name), safe="/")


class StoredHead(io.RawIOBase):
    """A stored file read in ranges, seekable, without fetching the rest: a bucket answers each read with a
    ranged GET, so telling a PDF from a Word file costs kilobytes, not the whole CV."""

    def __init__(self, field_file: FieldFile) -> None:
        storage: Any = field_file.storage
        self._object = storage.bucket.Object(storage._normalize_name(field_file.name))
        try:
            self._size = int(self._object.content_length)
        except Exception as error:  # botocore's ClientError: a 404 means the file is gone
            if getattr(error, "response", {}).get("Error", {}).get("Code") in {
                "404",
                "NoSuchKey",
                "NotFound",
            }:
                raise FileNotFoundError(field_file.name) from None
            raise
        self._position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: self._size}[whence]
        self._position = max(0, base + offset)
        return self._position

    def readinto(self, buffer: Any) -> int:
        if self._position >= self._size or not len(buffer):
            return 0
        end = min(self._size, self._position + len(buffer)) - 1
        data = self._object.get(Range=f"bytes={self._position}-{end}")["Body"].read()
        buffer[: len(data)] = data
        self._position += len(data)
        return len(data)


def stored_file_open(field_file: FieldFile) -> io.BufferedReader | Any:
    """The stored file, opened for reading what it is (its first bytes, a ZIP's directory): locally the file
    itself, in a bucket a ranged reader. Raises FileNotFoundError when the file is gone."""
    if storage_is_remote(field_file.storage):
        return io.BufferedReader(StoredHead(field_file), buffer_size=16 * 1024)
    return field_file.storage.open(str(field_file.name), "rb")
