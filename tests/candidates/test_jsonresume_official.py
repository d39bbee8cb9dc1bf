"""JSON Resume validation against the official test fixtures of the schema's project (MIT, see
jsonresume_official/LICENSE.md; kept as they were published): each fixture named ...Valid must be accepted
and each named ...Invalid refused, naming the field; dates.json holds the date forms the schema allows."""

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from rekrut.candidates.jsonresume import ResumeInvalid, resume_read, resume_schema

FIXTURES = Path(__file__).parent / "jsonresume_official"


def _cases() -> list[tuple[str, str, object, bool]]:
    cases = []
    for path in sorted(FIXTURES.glob("*.json")):
        if path.name == "dates.json":
            continue
        for name, document in json.loads(path.read_text()).items():
            # "dateValid2": the fixtures number further valid forms of one field.
            valid = re.search(r"(^v|V)alid\d*$", name) is not None
            assert valid or re.search(r"(^i|I)nvalid\d*$", name), f"{path.name}: {name}"
            cases.append((path.stem, name, document, valid))
    return cases


CASES = _cases()


def test_every_official_fixture_file_is_read():
    assert {section for section, *_ in CASES} == {
        "awards", "basics", "certificates", "education", "interests", "languages", "meta", "projects",
        "publications", "references", "schema", "skills", "volunteer", "work",
    }  # fmt: skip
    assert len(CASES) > 100


@pytest.mark.parametrize(
    ("section", "name", "document", "valid"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES]
)
def test_official_fixtures_are_accepted_or_refused(section, name, document, valid):
    data = json.dumps(document).encode()
    if valid:
        assert resume_read(data) == document
    else:
        with pytest.raises(ResumeInvalid) as refused:
            resume_read(data)
        # The message names where the fault is (the section, or the schema's own "$schema" key).
        assert section.rstrip("s") in str(refused.value.message).lower() or section == "schema"


@pytest.mark.parametrize(
    ("name", "valid"), [("yearMonthDay", True), ("yearMonth", True), ("year", True), ("invalid", False)]
)
def test_official_date_forms(name, valid):
    dates = json.loads((FIXTURES / "dates.json").read_text())
    date_schema = resume_schema()["definitions"]["iso8601"]
    assert Draft7Validator(date_schema).is_valid(dates[name]) is valid
