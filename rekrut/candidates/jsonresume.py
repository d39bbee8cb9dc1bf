"""JSON Resume (https://jsonresume.org): reading a candidate's résumé file, and writing one back.

The document is checked against the official schema (data/jsonresume.schema.json, MIT, licence beside it)
and kept whole on the candidate (`Candidate.resume`), so whatever the schema allows (partial dates
"2013" or "2013-12", profiles, highlights, any script) exports back as it came. The record's own fields
(name, e-mail, phone, city) stay the truth: an export writes them over the document's basics, so a
correction made in Rekrut reaches the candidate's download (UU PDP Ps 6, 13: correct and portable data).
"""

import contextlib
import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _
from jsonschema import Draft7Validator, FormatChecker
from jsonschema.exceptions import ValidationError as SchemaError

from rekrut.candidates.models import Candidate
from rekrut.core.errors import DomainError
from rekrut.core.phones import PhoneInvalid, phone_normalize

SCHEMA_PATH = Path(__file__).parent / "data" / "jsonresume.schema.json"
# A résumé is a few kilobytes; one this big is not a résumé.
MAX_BYTES = 1024 * 1024
# Each refused file lists at most this many problems: enough to fix, short enough to read.
ERRORS_SHOWN = 5


class ResumeInvalid(DomainError):
    """The file is not a JSON Resume the schema accepts; the message names each field at fault."""

    code = "resume_invalid"


@cache
def resume_schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _validator() -> Draft7Validator:
    return Draft7Validator(resume_schema(), format_checker=FormatChecker(formats=["email"]))


def field_path(error: SchemaError) -> str:
    """Where the problem is, as a person would look for it in the file: work[0].startDate."""
    path = ""
    for part in error.absolute_path:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or _("the whole file")


def _type_word(expected: object) -> str:
    words = {
        "string": _("text"),
        "array": _("a list"),
        "object": _("an object with fields"),
        "number": _("a number"),
        "integer": _("a whole number"),
        "boolean": _("true or false"),
    }
    if isinstance(expected, list):
        return _(" or ").join(words.get(str(e), str(e)) for e in expected)
    return words.get(str(expected), str(expected))


def error_message(error: SchemaError) -> str:
    """One schema error in the user's language, naming the field."""
    field = field_path(error)
    if error.validator == "type":
        return _("%(field)s must be %(expected)s.") % {
            "field": field,
            "expected": _type_word(error.validator_value),
        }
    if error.validator == "pattern" and "[1-2][0-9]{3}" in str(error.validator_value):
        return _("%(field)s: “%(value)s” is not a date; write it as 2013, 2013-12 or 2013-12-31.") % {
            "field": field,
            "value": error.instance,
        }
    if error.validator == "format" and error.validator_value == "email":
        return _("%(field)s: “%(value)s” is not an e-mail address.") % {
            "field": field,
            "value": error.instance,
        }
    return _("%(field)s does not follow the JSON Resume schema (%(rule)s).") % {
        "field": field,
        "rule": error.validator,
    }


def resume_validate(document: object) -> dict[str, Any]:
    """The document when the schema accepts it; else ResumeInvalid naming every field at fault (the
    first few, in file order)."""
    errors = sorted(_validator().iter_errors(document), key=lambda e: [str(p) for p in e.absolute_path])
    if errors:
        shown = [error_message(error) for error in errors[:ERRORS_SHOWN]]
        if len(errors) > ERRORS_SHOWN:
            shown.append(_("… and %(count)s more.") % {"count": len(errors) - ERRORS_SHOWN})
        raise ResumeInvalid(
            _("This JSON Resume file cannot be used: %(errors)s") % {"errors": " ".join(shown)}
        )
    assert isinstance(document, dict)  # the schema's top level is an object
    return document


def resume_read(data: bytes) -> dict[str, Any]:
    """A JSON Resume file's bytes (UTF-8, a byte-order mark allowed) as a checked document."""
    if len(data) > MAX_BYTES:
        raise ResumeInvalid(_("This JSON Resume file is larger than 1 MB; a résumé is much smaller."))
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ResumeInvalid(_("This file is not a JSON Resume: it is not UTF-8 text.")) from None
    except json.JSONDecodeError as bad:
        raise ResumeInvalid(
            _("This file is not valid JSON (line %(line)s, column %(column)s).")
            % {"line": bad.lineno, "column": bad.colno}
        ) from None
    return resume_validate(document)


def _profile_urls(document: dict[str, Any]) -> list[str]:
    basics = document.get("basics") or {}
    urls = [basics.get("url") or ""] + [p.get("url") or "" for p in basics.get("profiles") or []]
    return [url for url in urls if url.startswith(("https://", "http://"))]


def resume_fields(document: dict[str, Any]) -> dict[str, Any]:
    """The record's fields the document's basics give (name, e-mail, phone in E.164, city, links); a
    phone that is not a phone number is left out rather than refusing the whole file."""
    basics = document.get("basics") or {}
    fields: dict[str, Any] = {}
    for key, source in (("full_name", basics.get("name")), ("email", basics.get("email"))):
        if source and source.strip():
            fields[key] = source.strip()
    if basics.get("phone"):
        with contextlib.suppress(PhoneInvalid):
            fields["phone"] = phone_normalize(basics["phone"])
    city = (basics.get("location") or {}).get("city")
    if city and city.strip():
        fields["city"] = city.strip()[:80]
    fields["links"] = _profile_urls(document)
    return fields


@transaction.atomic
def resume_import(
    *, candidate: Candidate, document: dict[str, Any], actor: AbstractBaseUser | None = None
) -> list[str]:
    """Keeps `document` (already checked by resume_read/resume_validate) as the candidate's résumé and
    fills the record's empty fields from its basics; what HR or the candidate typed is never overwritten.
    Returns the names of the fields it filled. Whoever calls it writes the audit row or history it needs."""
    resume_validate(document)
    locked = Candidate.objects.select_for_update().get(pk=candidate.pk)
    filled = []
    for key, value in resume_fields(document).items():
        if key == "links":
            added = [url for url in value if url not in locked.links]
            if added:
                locked.links = [*locked.links, *added]
                filled.append(key)
        elif not getattr(locked, key):
            setattr(locked, key, value)
            filled.append(key)
    locked.resume = document
    locked.save()
    candidate.refresh_from_db()
    return filled


def resume_export(candidate: Candidate) -> dict[str, Any]:
    """The candidate's résumé as JSON Resume: the document they gave, with the record's current name,
    e-mail, phone and city in its basics (a phone written differently but the same number is kept as
    written), and links not yet among the profiles added as profiles. Always valid against the schema."""
    document = copy.deepcopy(candidate.resume) if isinstance(candidate.resume, dict) else {}
    basics = document.setdefault("basics", {})
    if candidate.full_name:
        basics["name"] = candidate.full_name
    if candidate.email:
        basics["email"] = candidate.email
    if candidate.phone:
        try:
            same = phone_normalize(basics.get("phone") or "") == candidate.phone
        except PhoneInvalid:
            same = False
        if not same:
            basics["phone"] = candidate.phone
    if candidate.city and (basics.get("location") or {}).get("city") != candidate.city:
        basics.setdefault("location", {})["city"] = candidate.city
    known = set(_profile_urls(document))
    for url in candidate.links or []:
        if url not in known:
            basics.setdefault("profiles", []).append({"network": _network(url), "url": url})
    return resume_validate(document)


def _network(url: str) -> str:
    """ "linkedin" from https://www.linkedin.com/in/..., the host otherwise."""
    host = url.split("://", 1)[-1].split("/", 1)[0].lower().removeprefix("www.")
    known = {
        "linkedin.com": "LinkedIn",
        "github.com": "GitHub",
        "gitlab.com": "GitLab",
        "behance.net": "Behance",
    }
    return known.get(host, host)
