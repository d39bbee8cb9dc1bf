"""The labelled CV set (tests/intake/cv_set/*.json): each CV rendered to PDF and DOCX (cv_set_render),
read back with Rekrut's reader (the upload's own), and scored field by field.

`python -m tests.intake.cv_set_tools` prints the precision/recall table (Markdown, for the README) and
the time per CV; `--layout` also compares pypdf's plain and layout extraction modes.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.intake.cv_set_render import rendered

SET_DIR = Path(__file__).parent / "cv_set"
FIELDS = (
    "name", "email", "phone", "city", "links", "work.employer", "work.position", "work.startDate",
    "education.institution", "education.studyType", "skills",
)  # fmt: skip


def cvs() -> list[dict[str, Any]]:
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(SET_DIR.glob("*.json"))]


# --- scoring ------------------------------------------------------------------------------------------


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def field_values(document: dict[str, Any], name: str) -> list[str]:
    """A field's values in a JSON Resume document (the expected fields use the same shape)."""
    basics = document.get("basics", {})
    if name in ("name", "email", "phone"):
        return [basics[name]] if basics.get(name) else []
    if name == "city":
        city = (basics.get("location") or {}).get("city")
        return [city] if city else []
    if name == "links":
        return [profile["url"] for profile in basics.get("profiles", [])]
    if name == "skills":
        return [
            item
            for skill in document.get("skills", [])
            for item in [skill["name"], *skill.get("keywords", [])]
        ]
    part, key = name.split(".")
    mapping = {"employer": "name", "position": "position"}
    return [item[mapping.get(key, key)] for item in document.get(part, []) if item.get(mapping.get(key, key))]


def expected_document(cv: dict[str, Any]) -> dict[str, Any]:
    expected = cv["expected"]
    return {
        "basics": {
            "name": expected["name"],
            "email": expected["email"],
            "phone": expected["phone"],
            "location": {"city": expected["city"]},
            "profiles": [{"url": url} for url in expected["links"]],
        },
        "work": expected["work"],
        "education": expected["education"],
        "skills": [{"name": skill} for skill in expected["skills"]],
    }


@dataclass
class Score:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positive + self.false_negative
        return self.true_positive / wanted if wanted else 1.0


def score_add(score: Score, found: list[str], wanted: list[str], where: str) -> None:
    remaining = [_key(value) for value in wanted]
    for value in found:
        if _key(value) in remaining:
            remaining.remove(_key(value))
            score.true_positive += 1
        else:
            score.false_positive += 1
            score.misses.append(f"{where}: read {value!r}")
    score.false_negative += len(remaining)
    score.misses += [f"{where}: missed {value!r}" for value in remaining]


@dataclass
class Measure:
    scores: dict[str, dict[str, Score]]  # kind -> field -> score
    seconds: dict[str, list[float]]  # kind -> seconds per CV


def read_file(data: bytes) -> dict[str, Any]:
    from rekrut.intake.cv.reading import resume_document
    from rekrut.intake.cv_reading import cv_read

    return resume_document(cv_read(name="cv", data=data).reading)


def measure(
    kinds: tuple[str, ...] = ("pdf", "docx"),
    reader: Callable[[bytes], dict[str, Any]] = read_file,
    heldout: bool | None = None,
) -> Measure:
    """Scores per field; `heldout` True or False keeps only the CVs written after the reader's rules were
    tuned (True) or those the rules were tuned on (False)."""
    scores = {kind: {name: Score() for name in FIELDS} for kind in kinds}
    seconds: dict[str, list[float]] = {kind: [] for kind in kinds}
    for cv in cvs() if heldout is None else [cv for cv in cvs() if cv["heldout"] == heldout]:
        wanted = expected_document(cv)
        for kind in kinds:
            data = rendered(cv, kind)
            started = time.perf_counter()
            document = reader(data)
            seconds[kind].append(time.perf_counter() - started)
            for name in FIELDS:
                found = field_values(document, name)
                if name in ("name", "email", "phone", "city"):
                    found = found[:1]
                score_add(scores[kind][name], found, field_values(wanted, name), f"{cv['slug']}.{kind}")
    return Measure(scores=scores, seconds=seconds)


def table(result: Measure) -> str:
    kinds = list(result.scores)
    header = (
        "| field | "
        + " | ".join(f"{kind.upper()} precision | {kind.upper()} recall" for kind in kinds)
        + " |"
    )
    lines = [header, "|---" * (1 + 2 * len(kinds)) + "|"]
    for name in FIELDS:
        cells = []
        for kind in kinds:
            score = result.scores[kind][name]
            cells += [f"{score.precision:.0%}", f"{score.recall:.0%}"]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def timing(result: Measure) -> str:
    parts = []
    for kind, values in result.seconds.items():
        values = sorted(values)
        median = values[len(values) // 2]
        parts.append(
            f"{kind.upper()}: median {median * 1000:.0f} ms, slowest {values[-1] * 1000:.0f} ms per CV"
        )
    return "; ".join(parts)


def _main(argv: list[str]) -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rekrut.settings")
    django.setup()
    written = cvs()
    held = sum(cv["heldout"] for cv in written)
    print(f"{len(written)} CVs, each as PDF and DOCX\n")
    result = measure()
    print(table(result))
    print("\n" + timing(result))
    print(f"\nThe {held} CVs written after the rules were tuned (held out):\n")
    print(table(measure(heldout=True)))
    if "--misses" in argv:
        for kind in result.scores:
            for name, score in result.scores[kind].items():
                for miss in score.misses:
                    print(f"{name}: {miss}")
    if "--layout" in argv:
        _layout_compare()


def _layout_compare() -> None:
    """pypdf's plain extraction (what Rekrut uses) against its layout mode, on the PDFs."""
    from pypdf import PdfReader

    from rekrut.intake.cv.reading import cv_understand, resume_document
    from rekrut.intake.cv_reading import contacts_find, text_normalize

    def layout_reader(data: bytes) -> dict[str, Any]:
        reader = PdfReader(io.BytesIO(data))
        text = text_normalize("\n".join(page.extract_text(extraction_mode="layout") for page in reader.pages))
        return resume_document(cv_understand(text, emails=contacts_find(text)[0]))

    print("\npypdf layout mode (PDF):\n")
    print(table(measure(("pdf",), reader=layout_reader)))


if __name__ == "__main__":
    _main(sys.argv[1:])
