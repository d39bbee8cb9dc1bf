"""Checking a signed contract's scan before it is stored: a PDF, a JPEG or a PNG (a scanner's file or a
phone photo of the signed pages), told from its content, within 10 MB, and not a file that unpacks into
far more.

The size and the PDF test are core's (rekrut/core/uploads.py). An image's unpacked size is its pixel
count, read from its header without decoding it; a PDF's streams are inflated under pypdf's output limits.
The same checks guard MCU reports (rekrut/medical/reports.py): both belong in core/uploads.py as one
`scan_check`, which a sibling app cannot share today.
"""

import io
import struct

from django.utils.translation import gettext_lazy as _
from pypdf import Configuration, PdfReader, apply_configuration
from pypdf.errors import LimitReachedError

from rekrut.core.uploads import MB, UploadRejected, looks_like_pdf, upload_size_check

# A 48-megapixel phone photo is about 190 MB once decoded; past this it is a decompression bomb.
MAX_IMAGE_PIXELS = 50_000_000
MAX_PDF_PAGES = 60  # a contract and its attachments
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

WRONG_TYPE = _("Upload the signed contract as a PDF or as a scan or photo (JPEG or PNG).")
DAMAGED = _("The file is damaged and cannot be opened.")
TOO_LARGE_UNPACKED = _("The file unpacks to far more than a signed contract needs. Upload a smaller scan.")
ENCRYPTED = _("The PDF is password-protected. Remove the protection and upload it again.")
CONTENT_TYPES = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png"}


def scan_check(data: bytes) -> str:
    """The scan's kind ("pdf", "jpg" or "png"), or UploadRejected with a message for the uploader."""
    upload_size_check(data)
    if looks_like_pdf(data):
        _pdf_check(data)
        return "pdf"
    if data.startswith(PNG_MAGIC):
        _pixels_check(_png_size(data))
        return "png"
    if data.startswith(JPEG_MAGIC):
        _pixels_check(_jpeg_size(data))
        return "jpg"
    raise UploadRejected(WRONG_TYPE, code="unsupported_type")


def _pixels_check(size: tuple[int, int]) -> None:
    width, height = size
    if width < 1 or height < 1:
        raise UploadRejected(DAMAGED, code="corrupt")
    if width * height > MAX_IMAGE_PIXELS:
        raise UploadRejected(TOO_LARGE_UNPACKED, code="too_large")


def _png_size(data: bytes) -> tuple[int, int]:
    # The first chunk is IHDR: length (4), type (4), then width and height as big-endian 32-bit numbers.
    if len(data) < 24 or data[12:16] != b"IHDR":
        raise UploadRejected(DAMAGED, code="corrupt")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


# Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg_size(data: bytes) -> tuple[int, int]:
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            raise UploadRejected(DAMAGED, code="corrupt")
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
    raise UploadRejected(DAMAGED, code="corrupt")


def _pdf_check(data: bytes) -> None:
    """Opens the PDF and inflates every page's content and images under pypdf's limits, as a viewer would."""
    try:
        with apply_configuration(PDF_LIMITS):
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                raise UploadRejected(ENCRYPTED, code="encrypted")
            pages = reader.pages
            if not 1 <= len(pages) <= MAX_PDF_PAGES:
                raise UploadRejected(DAMAGED if not pages else TOO_LARGE_UNPACKED, code="too_large")
            total = 0
            for page in pages:
                contents = page.get_contents()
                total += len(contents.get_data()) if contents is not None else 0
                resources = page.get("/Resources")
                objects = resources.get_object().get("/XObject") if resources else None
                for reference in objects.get_object().values() if objects else []:
                    total += len(reference.get_object().get_data())
                    if total > PDF_TOTAL_BYTES:
                        raise UploadRejected(TOO_LARGE_UNPACKED, code="too_large")
    except UploadRejected:
        raise
    except LimitReachedError as exc:
        raise UploadRejected(TOO_LARGE_UNPACKED, code="too_large") from exc
    except Exception as exc:
        # Malformed files raise many kinds of error (pypdf's own, ValueError, KeyError, RecursionError...).
        if b"/Encrypt" in data:
            raise UploadRejected(ENCRYPTED, code="encrypted") from exc
        raise UploadRejected(DAMAGED, code="corrupt") from exc
