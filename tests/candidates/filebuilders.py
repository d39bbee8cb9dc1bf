"""Builders for real upload files (PDF, DOCX, XLSX, CSV) made in memory, for unit and browser tests.

Nothing here touches disk or Django; every builder returns bytes that real readers (pypdf, Word,
Excel, a browser's file input via a temp file) accept.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence

import docx
import openpyxl
from pypdf import PdfReader, PdfWriter


def _pdf_escape(text: str) -> str:
    # Inside a PDF literal string, backslash and parentheses are the only bytes that need escaping.
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_bytes(pages: str | Sequence[str], *, title: str = "CV") -> bytes:
    """A valid PDF with one page per string, each line drawn in Helvetica so text extraction finds it.

    Characters must be in Windows-1252 (the built-in fonts use WinAnsi); pass plain text with newlines.
    An empty string makes a page with no text at all, like a scanned CV.
    """
    page_texts = [pages] if isinstance(pages, str) else list(pages)
    objects: list[bytes] = []  # objects[i] is object number i + 1

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in once the page tree number is known
    pages_obj = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids: list[int] = []
    for text in page_texts:
        ops = ["BT", "/F1 11 Tf", "14 TL", "50 790 Td"]
        for line in text.splitlines():
            ops.append(f"({_pdf_escape(line)}) Tj T*")
        ops.append("ET")
        if not text:
            ops = ["0.5 g", "50 500 200 200 re f"]  # a grey box: a page with marks but no text
        stream = "\n".join(ops).encode("cp1252")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (pages_obj, font, content)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    kid_refs = b" ".join(b"%d 0 R" % k for k in kids)
    objects[pages_obj - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kid_refs, len(kids))
    info = add(b"<< /Title (%s) >>" % _pdf_escape(title).encode("cp1252"))

    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: list[int] = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref_at = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, catalog, info, xref_at)
    )
    return out.getvalue()


def pdf_encrypted_bytes(text: str, *, user_password: str = "", owner_password: str = "owner") -> bytes:
    """A PDF protected with RC4-128 (pure Python in pypdf, no `cryptography` needed).

    With an empty user password most viewers open it without asking; it is still encrypted.
    """
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(text))))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(
    paragraphs: Sequence[str],
    *,
    table: Sequence[Sequence[str]] | None = None,
    header: str | None = None,
) -> bytes:
    """A Word document with the given paragraphs, an optional table after them and an optional page header."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=max(len(row) for row in table))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_TEXT_BOX_RUN = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
  xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
  xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
  xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
  xmlns:v="urn:schemas-microsoft-com:vml">
 <mc:AlternateContent>
  <mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData
   uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>
   <w:p><w:r><w:t>{text}</w:t></w:r></w:p>
  </w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
  <mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>
   <w:p><w:r><w:t>{text}</w:t></w:r></w:p>
  </w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
 </mc:AlternateContent>
</w:r>"""


def docx_text_box_bytes(body: str, box_text: str) -> bytes:
    """A Word document whose `box_text` sits only in a text box, stored the way Word stores it
    (a modern shape plus a VML fallback copy), as many CV templates do for contact details.

    The shape XML is trimmed to what text readers look at; it is not meant to be opened in Word.
    """
    from xml.sax.saxutils import escape

    from docx.oxml import parse_xml

    document = docx.Document()
    paragraph = document.add_paragraph(body)
    paragraph._p.append(parse_xml(_TEXT_BOX_RUN.format(text=escape(box_text))))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_bytes(
    rows: Sequence[Sequence[object]], *, first_sheet_rows: Sequence[Sequence[object]] | None = None
) -> bytes:
    """An Excel workbook whose first sheet holds `rows` (cell values keep their Python types).

    `first_sheet_rows`, when given, fills the first sheet instead and `rows` goes to a second sheet,
    to check which sheet a reader takes.
    """
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in first_sheet_rows if first_sheet_rows is not None else rows:
        sheet.append(list(row))
    if first_sheet_rows is not None:
        second = workbook.create_sheet("Kedua")
        for row in rows:
            second.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def csv_bytes(rows: Sequence[Sequence[str]], *, encoding: str = "utf-8", delimiter: str = ",") -> bytes:
    """CSV text as Excel would save it: CRLF line ends, quotes only where needed."""
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode(encoding)


def zip_bytes(members: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A plain ZIP archive, for crafting broken or hostile Office files."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()
