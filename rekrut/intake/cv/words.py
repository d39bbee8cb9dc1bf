"""The word lists a CV is read by (rekrut/intake/data), loaded once."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "data"


@cache
def words() -> dict[str, Any]:
    return json.loads((DATA / "cv_words.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@cache
def cities() -> tuple[str, ...]:
    listed = json.loads((DATA / "cv_cities.json").read_text(encoding="utf-8"))
    names = [*listed["indonesia"], *listed["abroad"]]
    return tuple(sorted(names, key=len, reverse=True))  # longest first: "Jakarta Selatan" before "Jakarta"


@cache
def heading_kinds() -> dict[str, str]:
    """Each known heading (lower case) -> its section kind: work, education, skills, ..."""
    return {heading: kind for kind, headings in words()["headings"].items() for heading in headings}


def folded(text: str) -> str:
    """Lower case, without a trailing colon or the bullets and rules some templates put round headings."""
    return text.strip().strip(":•|-–—_=*#· ").strip().casefold()
