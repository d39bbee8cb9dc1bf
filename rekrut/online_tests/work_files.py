"""What a candidate may hand in as a work sample: a PDF, a photo or scan (JPEG, PNG), or an Office document
(DOCX, XLSX, PPTX), told from its content, at most 10 MB, and never a file that unpacks into far more."""

from django.utils.translation import gettext_lazy as _

from rekrut.core.uploads import (
    MB,
    ZIP_MAGIC,
    UploadRejected,
    ZipLimits,
    scan_check,
    upload_size_check,
    zip_check,
)

WRONG_TYPE = _("Upload your work as a PDF, a photo (JPEG or PNG), or a Word, Excel or PowerPoint file.")
TOO_LARGE = _("The file unpacks to far more than a work sample needs. Upload a smaller file.")
OFFICE_LIMITS = ZipLimits(total_bytes=60 * MB, part_bytes=30 * MB, xml_bytes=20 * MB)
OFFICE_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}
# Office files with macros (vbaProject.bin) are refused: a reviewer would open them on a company computer.
MACROS = "vbaProject.bin"
WORK_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "png": "image/png",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}


def work_file_check(data: bytes) -> str:
    """The file's kind (a key of WORK_TYPES), or UploadRejected with a message for the candidate."""
    upload_size_check(data)
    if data.startswith(ZIP_MAGIC):
        with_sizes = zip_check(data, limits=OFFICE_LIMITS)
        if any(name.endswith(MACROS) for name in with_sizes):
            raise UploadRejected(WRONG_TYPE, code="unsupported_type")
        for kind, part in OFFICE_PARTS.items():
            if part in with_sizes:
                return kind
        raise UploadRejected(WRONG_TYPE, code="unsupported_type")
    return scan_check(data, wrong_type=WRONG_TYPE, too_large=TOO_LARGE)
