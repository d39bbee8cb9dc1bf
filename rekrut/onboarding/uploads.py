"""Checking a document the new employee uploads (a KTP scan, a diploma, a photo): a PDF, a JPEG or a PNG
told from its content, at most 10 MB, and not a file that unpacks into far more.

The checks are the MCU report's (rekrut/medical/reports.py: core's size and PDF tests, an image's pixel
count read from its header, a PDF's streams inflated under limits); only the wording is the onboarding's.
"""

from django.utils.translation import gettext_lazy as _

from rekrut.core.uploads import MAX_UPLOAD_BYTES, UploadRejected
from rekrut.medical.reports import CONTENT_TYPES, report_check

WRONG_TYPE = _("Upload the document as a PDF, or as a photo or scan (JPEG or PNG).")
TOO_LARGE_UNPACKED = _("The file unpacks to far more than a document needs. Upload a smaller scan or photo.")

__all__ = ["CONTENT_TYPES", "document_check"]


def document_check(data: bytes) -> str:
    """The document's kind ("pdf", "jpg" or "png"), or UploadRejected with a message for the uploader."""
    try:
        return report_check(data)
    except UploadRejected as rejected:
        if rejected.code == "unsupported_type":
            raise UploadRejected(WRONG_TYPE, code="unsupported_type") from None
        if rejected.code == "too_large" and len(data) <= MAX_UPLOAD_BYTES:
            raise UploadRejected(TOO_LARGE_UNPACKED, code="too_large") from None
        raise
