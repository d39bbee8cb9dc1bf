"""Reading uploaded CVs (PDF, DOCX): what the file really is, its text, and what it says (rekrut/intake/cv:
name, contacts, work, education, skills...).

Everything works on bytes in memory and raises `UploadRejected` (rekrut.core.uploads) with a message for
the uploader. The file name is only used to word a message better; what a file is comes from its content.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

import docx
import ftfy
from django.utils.translation import gettext_lazy as _
from pypdf import Configuration, PageObject, PdfReader, apply_configuration

from rekrut.core.uploads import (
    DOCX_TYPE,
    MB,
    OLE_MAGIC,
    PDF_TYPE,
    ZIP_MAGIC,
    UploadRejected,
    ZipLimits,
    looks_like_pdf,
    upload_size_check,
    zip_check,
    zip_names,
)
from rekrut.intake.cv import CVReading, cv_understand
from rekrut.intake.cv.contacts import phones_find

logger = logging.getLogger(__name__)

MAX_PDF_PAGES = 50  # a CV is a few pages; past this we are reading a book or a hostile file
MAX_TEXT_CHARS = 200_000  # plenty for search; keeps cv_text rows small
# python-docx holds every part in memory and parses its XML whole (about 20 bytes of memory per byte of
# XML): a long CV's XML is under 2 MB, and its photos are already compressed.
DOCX_LIMITS = ZipLimits(total_bytes=50 * MB, part_bytes=10 * MB, xml_bytes=8 * MB)
# pypdf's own bounds are 75 MB per stream and 300 MB of decoding work; a CV needs far less.
PDF_LIMITS = Configuration().with_overwrites(
    zlib_maximum_output_length=20 * MB,
    lzw_maximum_output_length=20 * MB,
    run_length_maximum_output_length=20 * MB,
    array_based_stream_maximum_output_length=20 * MB,
    stream_decoding_work_maximum_length=40 * MB,
)


SCANNED_MESSAGE = _(
    "This PDF is an image (a scan or a photo): it has no text to read, and Rekrut has no OCR. "
    "The file is kept; type the name and contacts in by hand."
)


@dataclass(frozen=True)
class ExtractedCV:
    kind: Literal["pdf", "docx"]
    text: str
    emails: list[str]
    phones: list[str]  # E.164, mobile numbers first
    content_type: str
    reading: CVReading

    @property
    def scanned(self) -> bool:
        """A PDF with pages but no text layer: a scan or a photo of a CV. Rekrut has no OCR, so HR types
        the details in (no offline OCR engine installs from PyPI without system programs or big models)."""
        return self.kind == "pdf" and not self.text


def _unsupported(name: str) -> UploadRejected:
    if name.lower().endswith(".doc"):
        return UploadRejected(
            _("Old Word (.doc) files are not supported. Save it as .docx or PDF and try again."),
            code="unsupported_type",
        )
    return UploadRejected(_("Upload the CV as a PDF or Word (.docx) file."), code="unsupported_type")


def cv_read(*, name: str, data: bytes) -> ExtractedCV:
    """Check an uploaded CV and pull out its text and contacts. Raises `UploadRejected`."""
    upload_size_check(data)
    if looks_like_pdf(data):
        kind: Literal["pdf", "docx"] = "pdf"
        with apply_configuration(PDF_LIMITS):
            text = _pdf_text(data)
    elif data.startswith(ZIP_MAGIC):
        names = zip_names(data)
        # .docm carries macros; .xlsx, .pptx and .odt are zips too, but not Word documents.
        if "word/document.xml" not in names or "word/vbaProject.bin" in names:
            raise _unsupported(name)
        zip_check(data, limits=DOCX_LIMITS)
        kind = "docx"
        text = _docx_text(data)
    else:
        raise _unsupported(name if data.startswith(OLE_MAGIC) else "")
    text = text_normalize(text)[:MAX_TEXT_CHARS]
    emails = emails_find(text)
    reading = cv_understand(text, emails=emails)
    content_type = PDF_TYPE if kind == "pdf" else DOCX_TYPE
    return ExtractedCV(
        kind=kind, text=text, emails=emails, phones=reading.phones, content_type=content_type, reading=reading
    )


def _pdf_text(data: bytes) -> str:
    # pypdf raises many exception types on malformed input (its own, ValueError, KeyError,
    # RecursionError...); for an upload they all mean the same thing: the file is damaged.
    encrypted_rejection = UploadRejected(
        _("The PDF is password-protected. Remove the protection and upload it again."), code="encrypted"
    )
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise encrypted_rejection
        page_count = len(reader.pages)
    except UploadRejected:
        raise
    except Exception as exc:
        # The /Encrypt key sits in the trailer, which is never compressed, so it shows in the raw bytes
        # even when pypdf fails on an encryption it cannot handle (AES needs the optional `cryptography`).
        if b"/Encrypt" in data:
            raise encrypted_rejection from exc
        raise UploadRejected(_("The PDF is damaged and cannot be opened."), code="corrupt") from exc
    if page_count == 0:
        raise UploadRejected(_("The PDF is damaged and cannot be opened."), code="corrupt")
    parts: list[str] = []
    for index in range(min(page_count, MAX_PDF_PAGES)):
        try:
            parts.append(_page_text(reader.pages[index]))
        except Exception:
            # One page with an odd font or a broken content stream should not cost the whole CV:
            # the file is still stored, only search loses that page.
            logger.info("CV PDF page %d: text not extractable", index + 1, exc_info=True)
        if sum(len(part) for part in parts) > MAX_TEXT_CHARS:
            break
    return "\n".join(parts)


# A gap wider than this many font sizes between two runs of text on one line separates table cells or
# columns: it is kept as " | " so "2019 – 2021", "PT Maju" and "Staf" stay apart.
_CELL_GAP = 1.5
_AVERAGE_GLYPH = 0.5  # an average glyph is about half the font size wide


def _page_text(page: PageObject) -> str:
    """A page's text in drawing order, a line per line of the page. pypdf's own join runs a large heading
    into the line below it ("Budi SantosoData Analyst"); here every change of baseline starts a new line."""
    parts: list[str] = []
    last: dict[str, float] = {}

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if not text:
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(cm[3] or 1) * (size or 1)
        if last and parts and not parts[-1].endswith("\n") and not text.startswith("\n"):
            if abs(y - last["y"]) > 1:
                parts.append("\n")
            elif x - last["end"] > _CELL_GAP * scale:
                parts.append(" | ")
        parts.append(text)
        width = len(text.rstrip("\n")) * _AVERAGE_GLYPH * scale
        last.update(y=y, end=x + width)

    page.extract_text(visitor_text=visit)
    return "".join(parts)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_RT_HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
_RT_FOOTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
# Elements that carry a paragraph's text: w:t holds text, the others stand for one character.
# Deleted text (w:delText) and field codes (w:instrText) are left out on purpose.
_DOCX_TEXT_TAGS = {
    f"{_W}t": None,
    f"{_W}tab": " ",
    f"{_W}br": "\n",
    f"{_W}cr": "\n",
    f"{_W}noBreakHyphen": "-",
}


def _docx_text(data: bytes) -> str:
    try:
        document = docx.Document(io.BytesIO(data))
        roots = [
            rel.target_part.element
            for rel in document.part.rels.values()
            if rel.reltype == _RT_HEADER and not rel.is_external
        ]
        roots.append(document.element.body)
        roots += [
            rel.target_part.element
            for rel in document.part.rels.values()
            if rel.reltype == _RT_FOOTER and not rel.is_external
        ]
    except Exception as exc:  # python-docx and lxml raise many types for a damaged package
        raise UploadRejected(_("The Word file is damaged and cannot be opened."), code="corrupt") from exc
    # Walk the XML rather than python-docx's paragraphs/tables: CV templates put contact details in
    # text boxes, content controls and headers, which `document.paragraphs` never shows.
    paragraphs: dict[object, list[str]] = {}
    seen_parts: set[int] = set()
    for root in roots:
        if id(root) in seen_parts:  # sections may share one header part
            continue
        seen_parts.add(id(root))
        for element in root.iter(*_DOCX_TEXT_TAGS):
            # Text boxes are stored twice (modern shape + VML fallback); read only the modern one.
            if any(True for _ancestor in element.iterancestors(_MC_FALLBACK)):
                continue
            # Group by the nearest paragraph, so a text box inside a paragraph becomes its own line.
            paragraph = next(element.iterancestors(f"{_W}p"), None)
            replacement = _DOCX_TEXT_TAGS[element.tag]
            piece = (element.text or "") if replacement is None else replacement
            paragraphs.setdefault(paragraph, []).append(piece)
    return "\n".join("".join(pieces) for pieces in paragraphs.values())


_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")  # soft hyphen, zero-width marks
# C0 controls and lone surrogates: PostgreSQL text refuses NUL and invalid UTF-8.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
# Hyphens that look like "-" but are not it to a search: U+2010 hyphen, U+2011 non-breaking, U+2212 minus.
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2212": "-", "\u2043": "-"})
_LONE_CR = re.compile(r"\r(?!\n)")
_BLANK_LINES = re.compile(r"\n{3,}")


def text_normalize(text: str) -> str:
    """One space between words, no trailing spaces, at most one blank line in a row, mojibake repaired."""
    # "Nurâ€™aini" (UTF-8 read as Windows-1252) back to "Nur’aini"; ftfy changes nothing it is unsure of.
    text = ftfy.fix_text(text, normalization="NFKC", fix_line_breaks=False, uncurl_quotes=False)
    text = _CONTROL.sub(" ", _INVISIBLE.sub("", text))
    # NFKC folds PDF ligatures ("ﬁ" -> "fi") and full-width or non-breaking spaces, so search matches.
    text = unicodedata.normalize("NFKC", text).translate(_HYPHENS).replace("\r\n", "\n")
    # A lone CR ends a line only in a text that has no other line ends (old Mac files); in a text that
    # has them, it is what some PDF and Word exporters put between words, and phrases must stay whole.
    text = _LONE_CR.sub(" " if "\n" in text else "\n", text)
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![\w-])"
)


def contacts_find(text: str) -> tuple[list[str], list[str]]:
    """E-mail addresses (lower case) and phone numbers (E.164, mobiles first) in text, each once, in order.
    Phones are read in the style of the countries the text points to, Indonesia by default."""
    return emails_find(text), phones_find(text)


def emails_find(text: str) -> list[str]:
    """E-mail addresses in text, lower case, each once, in order."""
    return list(dict.fromkeys(match.group(0).lower() for match in _EMAIL.finditer(text)))
