"""`rekrut cv-read FILE [--json]`: the same reading as the upload, printed for a person or as JSON Resume."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from rekrut.candidates.jsonresume import resume_validate
from tests.candidates.filebuilders import pdf_bytes
from tests.intake.cv_set_tools import cvs, rendered


@pytest.fixture
def cv_files(tmp_path: Path) -> dict[str, Path]:
    cv = next(cv for cv in cvs() if cv["slug"] == "03-john-miller")
    files = {}
    for kind in ("pdf", "docx"):
        files[kind] = tmp_path / f"john.{kind}"
        files[kind].write_bytes(rendered(cv, kind))
    return files


def run(*args: str) -> str:
    from io import StringIO

    out = StringIO()
    call_command("cv_read", *args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_text_output_in_english(cv_files: dict[str, Path], kind: str) -> None:
    lines = run(str(cv_files[kind]), "--language", "en").splitlines()
    assert lines[:5] == [
        "Name: John A. Miller",
        "E-mail: john.miller@fastmail.com",
        "Phone: +14155550134",
        "City: San Francisco",
        "Links: https://github.com/jmiller",
    ]
    assert "Work experience" in lines
    assert "  - Senior Software Engineer · Bayview Technologies Inc. · 2019-06 – now" in lines
    assert "  - S1 · Computer Science · University of Washington · 2011 – 2015" in lines
    assert "  - Python" in lines
    assert "  - English (Native)" in lines
    assert "  - AWS Certified Developer · Amazon Web Services · 2021" in lines


def test_text_output_in_indonesian_by_default(cv_files: dict[str, Path]) -> None:
    output = run(str(cv_files["pdf"]))
    assert "Pengalaman kerja" in output
    assert "2019-06 – sekarang" in output


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_json_output_is_a_valid_json_resume(cv_files: dict[str, Path], kind: str) -> None:
    document = json.loads(run(str(cv_files[kind]), "--json"))
    assert resume_validate(document) == document
    assert document["basics"]["name"] == "John A. Miller"
    assert document["basics"]["email"] == "john.miller@fastmail.com"
    assert document["basics"]["phone"] == "+14155550134"
    assert document["work"][0]["name"] == "Bayview Technologies Inc."
    assert document["work"][0]["startDate"] == "2019-06"
    assert document["education"][0]["studyType"] == "S1"
    assert {"name": "Python"} in document["skills"]


def test_a_scanned_pdf_is_said_plainly(tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(pdf_bytes(""))
    with pytest.raises(CommandError, match="no text to read, and Rekrut has no OCR"):
        run(str(scan), "--language", "en")


def test_a_file_that_is_not_a_cv_is_refused_with_a_message(tmp_path: Path) -> None:
    text = tmp_path / "cv.pdf"
    text.write_text("Budi Santoso")
    with pytest.raises(CommandError, match="PDF or Word"):
        run(str(text), "--language", "en")
    with pytest.raises(CommandError, match="No file at"):
        run(str(tmp_path / "missing.pdf"), "--language", "en")


def test_cv_read_is_typed_with_a_hyphen(cv_files: dict[str, Path], tmp_path: Path) -> None:
    """As the README and the issue write it: `rekrut cv-read FILE --json`."""
    completed = subprocess.run(
        [sys.executable, "-m", "rekrut", "cv-read", str(cv_files["docx"]), "--json"],
        capture_output=True,
        text=True,
        check=True,
        env={"REKRUT_VAR_DIR": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert json.loads(completed.stdout)["basics"]["name"] == "John A. Miller"
