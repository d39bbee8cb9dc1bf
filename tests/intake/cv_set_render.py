"""Rendering the labelled CVs (tests/intake/cv_set) to PDF (WeasyPrint, from HTML with one-column,
two-column, table, plain ATS and creative layouts) and DOCX (python-docx, with headings, tables and page
headers), each once per content and renderer version, cached in tmp."""

from __future__ import annotations

import hashlib
import html
import io
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

CACHE_DIR = Path(os.environ.get("REKRUT_CV_SET_CACHE", Path(tempfile.gettempdir()) / "rekrut-cv-set"))


# --- what each CV says, line by line, in its own layout -------------------------------------------------

DEFAULT_HEADINGS = {
    "id": {
        "work": "Pengalaman Kerja", "education": "Pendidikan", "skills": "Keahlian", "languages": "Bahasa",
        "certificates": "Sertifikasi", "summary": "Ringkasan", "contact": "Kontak",
        "personal": "Data Pribadi",
    },
    "en": {
        "work": "Work Experience", "education": "Education", "skills": "Skills", "languages": "Languages",
        "certificates": "Certifications", "summary": "Summary", "contact": "Contact",
        "personal": "Personal Details",
    },
}  # fmt: skip


def heading(cv: dict[str, Any], kind: str) -> str:
    return cv["headings"].get(kind) or DEFAULT_HEADINGS[cv["language"]][kind]


def work_rows(cv: dict[str, Any]) -> list[tuple[list[str], list[str]]]:
    """Each job as (header lines, highlights) in the CV's style of writing them."""
    rows = []
    for job in cv["work"]:
        place = f", {job['place']}" if job["place"] else ""
        style = cv["work_style"]
        if style == "B":
            lines = [f"{job['employer']} | {job['title']} | {job['dates']}"]
        elif style == "C":
            lines = [f"{job['title']} — {job['employer']} ({job['dates']})"]
        elif style == "D":
            lines = [f"{job['dates']}  {job['title']}, {job['employer']}{place}"]
        else:  # A (and E outside a table)
            lines = [job["title"], f"{job['employer']}{place}", job["dates"]]
        rows.append((lines, job["highlights"]))
    return rows


def education_lines(cv: dict[str, Any]) -> list[list[str]]:
    rows = []
    for school in cv["education"]:
        degree = f"{school['degree']}, " if school["degree"] else ""
        rows.append([school["school"], f"{degree}{school['dates']}"])
    return rows


def _contact_lines(cv: dict[str, Any]) -> list[str]:
    if cv["layout"] == "ats":
        labels = ["Email", "Phone" if cv["language"] == "en" else "Telepon"]
        return [
            line if ":" in line or index >= len(labels) else f"{labels[index]}: {line}"
            for index, line in enumerate(cv["contacts"])
        ]
    return cv["contacts"]


# --- PDF through HTML ---------------------------------------------------------------------------------

CSS = """
@page { size: A4; margin: 16mm; }
body { font-family: sans-serif; font-size: 10pt; color: #222; }
h1 { font-size: 20pt; margin: 0; } h2 { font-size: 11pt; margin: 10pt 0 3pt; border-bottom: 1px solid #999; }
p { margin: 1pt 0; } ul { margin: 1pt 0 3pt 14pt; padding: 0; }
.grid { display: grid; grid-template-columns: 32% 64%; column-gap: 4%; }
.side { background: #eef3f7; padding: 6pt; }
.top { display: flex; justify-content: space-between; align-items: flex-start; }
.top .contacts { text-align: right; font-size: 9pt; }
.creative h1 { color: #7a2e8a; letter-spacing: 1pt; } .creative h2 { color: #7a2e8a; border: none; }
table { border-collapse: collapse; width: 100%; }
td { border: 1px solid #bbb; padding: 2pt 4pt; vertical-align: top; }
.ats h2 { border: none; text-transform: none; }
"""


def _e(text: str) -> str:
    return html.escape(text)


def _section(cv: dict[str, Any], kind: str, body: str) -> str:
    return f"<h2>{_e(heading(cv, kind))}</h2>{body}" if body else ""


def _paragraphs(lines: list[str]) -> str:
    return "".join(f"<p>{_e(line)}</p>" for line in lines)


def _work_html(cv: dict[str, Any]) -> str:
    if cv["work_style"] == "E":
        head = (
            ["Periode", "Perusahaan", "Jabatan"]
            if cv["language"] == "id"
            else ["Period", "Company", "Position"]
        )
        rows = "".join(
            f"<tr><td>{_e(job['dates'])}</td><td>{_e(job['employer'])}</td><td>{_e(job['title'])}</td></tr>"
            for job in cv["work"]
        )
        return "<table><tr>" + "".join(f"<td>{h}</td>" for h in head) + f"</tr>{rows}</table>"
    parts = []
    for lines, highlights in work_rows(cv):
        parts.append(f"<p><b>{_e(lines[0])}</b></p>" + _paragraphs(lines[1:]))
        if highlights:
            parts.append("<ul>" + "".join(f"<li>{_e(h)}</li>" for h in highlights) + "</ul>")
    return "".join(parts)


def _education_html(cv: dict[str, Any]) -> str:
    if cv["layout"] == "table":
        rows = "".join(
            f"<tr><td>{_e(s['dates'])}</td><td>{_e(s['school'])}</td><td>{_e(s['degree'])}</td></tr>"
            for s in cv["education"]
        )
        return f"<table>{rows}</table>"
    return "".join(_paragraphs(lines) for lines in education_lines(cv))


def _lists_html(cv: dict[str, Any]) -> dict[str, str]:
    skills = (
        "<ul>" + "".join(f"<li>{_e(s)}</li>" for s in cv["skills"]) + "</ul>"
        if cv["layout"] in ("two_columns", "creative")
        else f"<p>{_e(', '.join(cv['skills']))}</p>"
    )
    return {
        "skills": skills,
        "languages": _paragraphs(cv["languages"]),
        "certificates": _paragraphs(cv["certificates"]),
    }


def cv_html(cv: dict[str, Any]) -> str:
    layout = cv["layout"]
    title = f"<p>{_e(cv['title'])}</p>" if cv["title"] else ""
    lists = _lists_html(cv)
    personal = ""
    if cv["name_label"]:
        label = "Nama" if cv["language"] == "id" else "Name"
        name_html = ""
        personal = _section(cv, "personal", _paragraphs([f"{label}: {cv['name_line']}", *cv["extra"]]))
    else:
        name_html = f"<h1>{_e(cv['name_line'])}</h1><p>{_e(cv['headline'])}</p>"
    extra = "" if cv["name_label"] else _paragraphs(cv["extra"])
    summary = _section(cv, "summary", f"<p>{_e(cv['summary'])}</p>" if cv["summary"] else "")
    main = (
        summary
        + _section(cv, "work", _work_html(cv))
        + _section(cv, "education", _education_html(cv))
        + _section(cv, "certificates", lists["certificates"])
    )
    contacts = _contact_lines(cv)
    if layout == "two_columns":
        side = (
            _section(cv, "contact", _paragraphs(contacts)) + extra + _section(cv, "skills", lists["skills"])
        )
        side += _section(cv, "languages", lists["languages"])
        columns = f"<div class='grid'><div class='side'>{side}</div><div>{main}</div></div>"
        body = f"{title}{name_html}{personal}{columns}"
    elif layout == "creative":
        contacts_html = f"<div class='contacts'>{_paragraphs(contacts)}</div>"
        top = f"<div class='top'><div>{name_html}</div>{contacts_html}</div>"
        body = f"{title}{top}{personal}{extra}{main}" + _section(cv, "skills", lists["skills"])
        body += _section(cv, "languages", lists["languages"])
    elif layout == "table":
        rows = "".join(f"<tr><td>{_e(line)}</td></tr>" for line in contacts)
        body = f"{title}{name_html}{personal}<table>{rows}</table>{extra}{main}"
        body += _section(cv, "skills", lists["skills"]) + _section(cv, "languages", lists["languages"])
    else:  # classic, ats
        joined = " | ".join(contacts) if layout == "classic" else None
        contact_html = f"<p>{_e(joined)}</p>" if joined else _paragraphs(contacts)
        body = f"{title}{name_html}{personal}{contact_html}{extra}{main}"
        body += _section(cv, "skills", lists["skills"]) + _section(cv, "languages", lists["languages"])
    return f"<html><head><style>{CSS}</style></head><body class='{layout}'>{body}</body></html>"


def cv_pdf(cv: dict[str, Any]) -> bytes:
    from weasyprint import HTML

    return HTML(string=cv_html(cv)).write_pdf()  # type: ignore[no-any-return]


# --- DOCX ---------------------------------------------------------------------------------------------


def cv_docx(cv: dict[str, Any]) -> bytes:
    import docx

    document = docx.Document()
    layout = cv["layout"]
    contacts = _contact_lines(cv)
    if cv["title"]:
        document.add_paragraph(cv["title"])
    if cv["name_label"]:
        document.add_heading(heading(cv, "personal"), level=2)
        label = "Nama" if cv["language"] == "id" else "Name"
        for line in [f"{label}: {cv['name_line']}", *cv["extra"]]:
            document.add_paragraph(line)
    else:
        document.add_heading(cv["name_line"], level=0 if layout == "creative" else 1)
        document.add_paragraph(cv["headline"])
    if layout == "creative":
        # Contacts in the page header, as many Word templates do.
        document.sections[0].header.paragraphs[0].text = " • ".join(contacts)
    elif layout == "classic":
        document.add_paragraph(" | ".join(contacts))
    elif layout == "table":
        table = document.add_table(rows=0, cols=1)
        for line in contacts:
            table.add_row().cells[0].text = line
    if not cv["name_label"]:
        for line in cv["extra"]:
            document.add_paragraph(line)
    if layout == "two_columns":
        grid = document.add_table(rows=1, cols=2)
        side, main = grid.rows[0].cells
        side.paragraphs[0].text = heading(cv, "contact")
        for line in contacts:
            side.add_paragraph(line)
        _docx_lists(cv, side, ("skills", "languages"))
        main.paragraphs[0].text = heading(cv, "work")
        _docx_work(cv, main)
        main.add_paragraph(heading(cv, "education"))
        for lines in education_lines(cv):
            for line in lines:
                main.add_paragraph(line)
        _docx_lists(cv, main, ("certificates",))
    else:
        if layout == "ats":
            for line in contacts:
                document.add_paragraph(line)
        if cv["summary"]:
            document.add_heading(heading(cv, "summary"), level=2)
            document.add_paragraph(cv["summary"])
        document.add_heading(heading(cv, "work"), level=2)
        _docx_work(cv, document)
        document.add_heading(heading(cv, "education"), level=2)
        if layout == "table":
            table = document.add_table(rows=0, cols=3)
            for school in cv["education"]:
                cells = table.add_row().cells
                cells[0].text, cells[1].text, cells[2].text = (
                    school["dates"],
                    school["school"],
                    school["degree"],
                )
        else:
            for lines in education_lines(cv):
                for line in lines:
                    document.add_paragraph(line)
        _docx_lists(cv, document, ("certificates", "skills", "languages"))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_work(cv: dict[str, Any], container: Any) -> None:
    if cv["work_style"] == "E" and hasattr(container, "add_table"):
        table = container.add_table(rows=0, cols=3)
        for job in cv["work"]:
            cells = table.add_row().cells
            cells[0].text, cells[1].text, cells[2].text = job["dates"], job["employer"], job["title"]
        return
    for lines, highlights in work_rows(cv):
        for line in lines:
            container.add_paragraph(line)
        for item in highlights:
            container.add_paragraph(f"• {item}")


def _docx_lists(cv: dict[str, Any], container: Any, kinds: tuple[str, ...]) -> None:
    for kind in kinds:
        items = cv[kind]
        if not items:
            continue
        container.add_paragraph(heading(cv, kind))
        if kind == "skills" and cv["layout"] not in ("two_columns", "creative"):
            container.add_paragraph(", ".join(items))
        else:
            for item in items:
                container.add_paragraph(f"• {item}" if kind == "skills" else item)


# --- rendering once, cached ---------------------------------------------------------------------------

RENDERERS: dict[str, Callable[[dict[str, Any]], bytes]] = {"pdf": cv_pdf, "docx": cv_docx}
_CODE_HASH = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]


def rendered(cv: dict[str, Any], kind: str) -> bytes:
    """The CV as a file of `kind`, rendered once per content and renderer version (cached in tmp)."""
    digest = hashlib.sha256((json.dumps(cv, sort_keys=True) + _CODE_HASH).encode()).hexdigest()[:16]
    path = CACHE_DIR / f"{cv['slug']}-{digest}.{kind}"
    if path.exists():
        return path.read_bytes()
    data = RENDERERS[kind](cv)
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_bytes(data)
    temporary.replace(path)  # atomic: a parallel run never reads half a file
    return data
