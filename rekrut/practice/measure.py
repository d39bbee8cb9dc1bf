"""How well the feedback engine agrees with a labelled answer set.

    python -m rekrut.practice.measure [DATA_DIR]

reads answers_id.json and answers_en.json (default: tests/practice/data) and prints, per language, the share
of answers on which the engine's judgement equals the label: each STAR part, "complete STAR" (all four),
concrete evidence, filler words and blaming others. tests/practice/test_agreement.py asserts the STAR bar on
the same numbers.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rekrut.practice.feedback import STAR_PARTS, Feedback, feedback_compute

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "tests" / "practice" / "data"
COLUMNS = (*STAR_PARTS, "star", "complete_star", "evidence", "fillers", "blames_others")


def judged(feedback: Feedback) -> dict[str, bool]:
    return {
        **{part: feedback.part(part).found for part in STAR_PARTS},
        "complete_star": feedback.star_complete,
        "evidence": feedback.has_evidence,
        "fillers": feedback.has_fillers,
        "blames_others": feedback.blames_others,
    }


def labelled(item: dict) -> dict[str, bool]:
    star = item.get("star") or {}
    return {
        **{part: bool(star.get(part)) for part in STAR_PARTS},
        "complete_star": all(bool(star.get(part)) for part in STAR_PARTS),
        "evidence": bool(item.get("evidence")),
        "fillers": bool(item.get("fillers")),
        "blames_others": bool(item.get("blames_others")),
    }


@dataclass(frozen=True)
class Agreement:
    language: str
    answers: int
    rates: dict[str, float]  # column -> share of answers where engine == label


def agreement(items: Iterable[dict], language: str) -> Agreement:
    hits = dict.fromkeys(COLUMNS, 0)
    count = 0
    for item in items:
        feedback = feedback_compute(
            round_type=item.get("round_type", "hr"),
            answer=item.get("answer", ""),
            language=item.get("language", language),
            job_terms=item.get("job_terms"),
        )
        engine, label = judged(feedback), labelled(item)
        for column in COLUMNS:
            if column == "star":
                hits["star"] += sum(engine[p] == label[p] for p in STAR_PARTS)
            else:
                hits[column] += engine[column] == label[column]
        count += 1
    rates = {
        column: (hits[column] / (count * (len(STAR_PARTS) if column == "star" else 1)) if count else 0.0)
        for column in COLUMNS
    }
    return Agreement(language, count, rates)


def load(directory: Path, language: str) -> list[dict]:
    path = directory / f"answers_{language}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def table(results: list[Agreement]) -> str:
    """A markdown table: one row per language, one column per judgement ("star" = the four parts together)."""
    head = "| language | answers | " + " | ".join(COLUMNS) + " |"
    rule = "|---|---:|" + "---:|" * len(COLUMNS)
    rows = [
        f"| {r.language} | {r.answers} | " + " | ".join(f"{r.rates[c]:.0%}" for c in COLUMNS) + " |"
        for r in results
    ]
    return "\n".join([head, rule, *rows])


def main(argv: list[str]) -> int:
    directory = Path(argv[0]) if argv else DEFAULT_DIR
    results = [agreement(load(directory, language), language) for language in ("id", "en")]
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
