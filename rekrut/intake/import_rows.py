"""Reading one row of an import file into candidate fields, with everything wrong with it.

Messages are rendered to plain text when a row is read, in the language active at that moment (the
import's own language in the worker), because they are stored in the import's report.
"""

from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.candidates.models import Source
from rekrut.candidates.selectors import candidate_duplicates
from rekrut.core.phones import PhoneInvalid, phone_normalize
from rekrut.pipeline.access import candidates_visible_to

# The Rekrut fields a column can feed, in the order the mapping page shows them.
IMPORT_FIELDS: dict[str, Any] = {
    "full_name": _("Full name"),
    "email": _("E-mail"),
    "phone": _("Phone"),
    "city": _("City"),
    "source": _("Source"),
    "linkedin": _("LinkedIn profile"),
    "notes": _("Notes"),
}
FIRST_DATA_ROW = 2  # row 1 of the file holds the column names
# Words in a "source" cell that name one of Rekrut's sources; anything else falls back to the import's.
SOURCE_WORDS: dict[str, tuple[str, ...]] = {
    Source.JOB_BOARD: ("job board", "jobstreet", "glints", "kalibrr", "kitalulus", "indeed", "topkarir"),
    Source.LINKEDIN: ("linkedin",),
    Source.REFERRAL: ("referral", "referensi", "rekomendasi"),
    Source.CAMPUS: ("campus", "kampus", "job fair", "career fair", "bursa kerja"),
    Source.AGENCY: ("agency", "agensi", "headhunter"),
    Source.CAREERS_PAGE: ("careers page", "career page", "website", "situs"),
}


@dataclass(frozen=True)
class Problem:
    field: str  # a key of IMPORT_FIELDS, or "" for the row as a whole
    message: str


@dataclass(frozen=True)
class PreviewCell:
    field: str
    text: str
    problems: list[str]


@dataclass
class CheckedRow:
    number: int  # as the file counts it: the column names are row 1
    fields: dict[str, Any]  # ready for the kind's create service
    problems: list[Problem] = field(default_factory=list)
    # The row as the preview shows it, field -> text (kinds whose fields are not plain text fill it).
    display: dict[str, str] = field(default_factory=dict)

    @property
    def cells(self) -> list[PreviewCell]:
        """The row as the preview table shows it: each field as text, with its problems."""
        shown = self.display or {name: _display(name, self.fields) for name in IMPORT_FIELDS}
        return [
            PreviewCell(name, text, [p.message for p in self.problems if p.field == name])
            for name, text in shown.items()
        ]


def _display(name: str, fields: dict[str, Any]) -> str:
    if name == "linkedin":
        return " ".join(fields["links"])
    if name == "source":
        return str(Source(fields["source"]).label)
    return str(fields.get(name, ""))


def row_check(number: int, values: dict[str, str], default_source: str) -> CheckedRow:
    """One row's field texts (intake.import_columns) read into candidate fields, with what is wrong with
    them (duplicates aside)."""
    row = CheckedRow(number=number, fields={})
    problem = row.problems.append

    def text(name: str) -> str:
        return values.get(name, "").strip()

    name = " ".join(text("full_name").split())  # cells may hold line breaks
    if not name:
        problem(Problem("full_name", str(_("The name is empty."))))
    elif len(name) > 160:
        problem(Problem("full_name", str(_("The name is longer than 160 characters."))))
    email = text("email").lower()
    if email:
        try:
            validate_email(email)
            if len(email) > 254:
                raise ValidationError("too long")
        except ValidationError:
            problem(Problem("email", str(_("“%(value)s” is not an e-mail address.") % {"value": email})))
    phone = text("phone")
    if phone:
        try:
            phone = phone_normalize(phone)
        except PhoneInvalid as invalid:
            problem(Problem("phone", f"“{phone}”: {invalid.message}"))
    city = " ".join(text("city").split())
    if len(city) > 80:
        problem(Problem("city", str(_("The city is longer than 80 characters."))))
    links = []
    if link := text("linkedin"):
        try:
            links.append(forms.URLField(assume_scheme="https").clean(link))
        except ValidationError:
            problem(Problem("linkedin", str(_("“%(link)s” is not a web address.") % {"link": link})))
    notes = text("notes")
    source_text = text("source")
    source = _source_read(source_text)
    if source_text and source is None:
        # Keep what the file said rather than lose it; the record gets the import's own source.
        notes = "\n".join(
            filter(None, [notes, str(_("Source in the file: %(source)s") % {"source": source_text})])
        )
    row.fields = {
        "full_name": name,
        "email": email,
        "phone": phone,
        "city": city,
        "source": source or default_source,
        "links": links,
        "notes": notes,
    }
    return row


def _source_read(text: str) -> str | None:
    folded = " ".join(text.casefold().replace("-", " ").replace("_", " ").split())
    if not folded:
        return None
    for value, label in Source.choices:
        if folded in (value.replace("_", " "), str(label).casefold()):
            return value
    return next((value for value, words in SOURCE_WORDS.items() if any(w in folded for w in words)), None)


def duplicates_check(row: CheckedRow, seen: dict[tuple[str, str], int], *, importer: User) -> None:
    """Marks a row whose e-mail or phone appeared in an earlier row, or belongs to a saved candidate.

    A saved candidate is named only to an importer who may see them: who applied to another team's job is
    that team's business (UU PDP); the row still says the person is in Rekrut.
    """
    bad = {problem.field for problem in row.problems}
    contacts = [
        (name, row.fields[name]) for name in ("email", "phone") if row.fields[name] and name not in bad
    ]
    for key in contacts:
        if key in seen:
            earlier = (
                _("The same e-mail address is already in row %(row)s of this file.")
                if key[0] == "email"
                else _("The same phone number is already in row %(row)s of this file.")
            )
            row.problems.append(Problem(key[0], str(earlier % {"row": seen[key]})))
        else:
            seen[key] = row.number
    if not contacts:
        return
    fields = dict(contacts)
    matches = candidate_duplicates(email=fields.get("email", ""), phone=fields.get("phone", ""))
    if not matches:
        return
    visible = set(
        candidates_visible_to(user=importer)
        .filter(pk__in=[m.pk for m in matches])
        .values_list("pk", flat=True)
    )
    for match in matches:
        name = "email" if fields.get("email") and match.email.lower() == fields["email"] else "phone"
        if match.pk in visible:
            saved = str(
                _("Already in Rekrut: %(name)s (#%(id)s).") % {"name": match.full_name, "id": match.pk}
            )
        else:
            saved = str(_("This person is already in Rekrut, on another team's job. Ask an HR admin."))
        row.problems.append(Problem(name, saved))
