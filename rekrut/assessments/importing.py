"""A provider's results file (CSV or XLSX), read, matched and checked row by row before anything is saved.

Each row names the person by application id, e-mail or phone (compared in E.164, core.phones) and gives a
score or a category, and may give a conclusion and the date of the test. A row is matched to the one
assessment of the chosen type still in progress for that person, among the applications the importer may
manage. The preview lists every problem by line; saving records the good rows together in one transaction,
or none of them if any changed meanwhile (and the preview can be saved once).

A bureau's file has tens to a few hundred rows: reading and saving them takes well under a second, so it
runs in the request and the worker is not needed.
"""

import re
from collections import defaultdict
from datetime import date, datetime
from decimal import Decimal

from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from rekrut.accounts.models import User
from rekrut.assessments.models import (
    Assessment,
    AssessmentType,
    Category,
    ImportStatus,
    ResultImport,
    ResultShape,
    ResultSource,
)
from rekrut.assessments.services.assessments import OPEN_STATUSES, assessment_result_record
from rekrut.core.errors import DomainError
from rekrut.core.phones import PhoneInvalid, phone_normalize
from rekrut.core.tables import Table, table_read
from rekrut.core.uploads import UploadRejected
from rekrut.events.actions import action_register
from rekrut.events.services import audit_record
from rekrut.jobs.access import job_accesses
from rekrut.pipeline.access import applications_visible_to
from rekrut.pipeline.models import Application
from rekrut.pipeline.transitions import ApplicationStatus

action_register("assessments.import_saved", _("Assessment results imported"))

MAX_ROWS = 2000

# Header names a provider's file uses, folded (lower case, letters and digits only).
COLUMNS: dict[str, tuple[str, ...]] = {
    "application": ("applicationid", "idlamaran", "nolamaran", "application", "lamaran"),
    "email": ("email", "surel", "alamatemail", "emailaddress"),
    "phone": ("phone", "telepon", "notelepon", "nohp", "hp", "nomorhp", "whatsapp", "nowa", "mobile"),
    "score": ("score", "nilai", "skor", "totalscore", "nilaiakhir"),
    "category": ("category", "kategori", "rekomendasi", "recommendation", "hasil", "result"),
    "conclusion": ("conclusion", "kesimpulan", "catatan", "keterangan", "notes", "note"),
    "date": ("date", "tanggal", "tanggaltes", "testdate", "tgl"),
}

CATEGORY_WORDS: dict[str, str] = {
    "disarankan": Category.RECOMMENDED,
    "direkomendasikan": Category.RECOMMENDED,
    "recommended": Category.RECOMMENDED,
    "dipertimbangkan": Category.CONSIDERED,
    "considered": Category.CONSIDERED,
    "tobeconsidered": Category.CONSIDERED,
    "disarankandenganpertimbangan": Category.CONSIDERED,
    "tidakdisarankan": Category.NOT_RECOMMENDED,
    "tidakdirekomendasikan": Category.NOT_RECOMMENDED,
    "notrecommended": Category.NOT_RECOMMENDED,
}

# What a problem says, worded when shown (in the viewer's language).
PROBLEMS = {
    "no_identifier": _("No application id, e-mail or phone number."),
    "unknown_person": _("Nobody with this application id, e-mail or phone among your applications."),
    "ambiguous": _("This matches more than one application; give the application id instead."),
    "no_open_assessment": _("This person has no %(type)s in progress: assign it first."),
    "duplicate": _("The same person as line %(first)s; only the first row is used."),
    "no_result": _("No score or category."),
    "bad_score": _("The score “%(value)s” is not a number."),
    "score_out_of_range": _("The score %(value)s is outside 0–%(max)s."),
    "unknown_category": _(
        "Unknown category “%(value)s”: use disarankan, dipertimbangkan or tidak disarankan."
    ),
    "bad_date": _("The date “%(value)s” is not a date (use 2026-11-23 or 23/11/2026)."),
    "future_date": _("The date %(value)s is in the future."),
    "conclusion_too_long": _("The conclusion is longer than 500 characters."),
}


def problem_text(problem: dict) -> str:
    return str(PROBLEMS[problem["code"]]) % problem.get("params", {})


def _fold(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.casefold())


def columns_find(headers: list[str]) -> dict[str, int]:
    """Which column holds what, by its header; the first match of each wins."""
    found: dict[str, int] = {}
    for index, header in enumerate(headers):
        folded = _fold(header)
        for field, names in COLUMNS.items():
            if field not in found and folded in names:
                found[field] = index
                break
    return found


def _date_read(text: str) -> date | None:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    return None


def _number(value: Decimal) -> str:
    return f"{value.normalize():f}"


class _Matcher:
    """The open assessments of one type among the applications a user may manage, indexed three ways."""

    def __init__(self, *, user: User, kind: AssessmentType) -> None:
        visible = applications_visible_to(user=user).values("pk")
        rows = list(
            Assessment.objects.filter(
                assessment_type=kind, status__in=OPEN_STATUSES, application__in=visible
            ).select_related("application__candidate", "application__job")
        )
        manages = job_accesses(
            user=user, jobs={r.application.job_id: r.application.job for r in rows}.values()
        )
        rows = [
            r
            for r in rows
            if manages[r.application.job_id].is_hr_owner and r.application.status == ApplicationStatus.ACTIVE
        ]
        self.by_application = {r.application_id: r for r in rows}
        self.by_email: dict[str, list[Assessment]] = defaultdict(list)
        self.by_phone: dict[str, list[Assessment]] = defaultdict(list)
        for row in rows:
            candidate = row.application.candidate
            if candidate.email:
                self.by_email[candidate.email.casefold()].append(row)
            if candidate.phone:
                self.by_phone[candidate.phone].append(row)
        # People known at all (to tell "unknown person" from "nothing in progress").
        self.visible = visible

    def known(self, *, email: str, phone: str, application_id: int | None) -> bool:
        apps = Application.objects.filter(pk__in=self.visible)
        if application_id is not None and apps.filter(pk=application_id).exists():
            return True
        if email and apps.annotate(e=Lower("candidate__email")).filter(e=email).exists():
            return True
        return bool(phone and apps.filter(candidate__phone=phone).exists())


def import_check(*, user: User, kind: AssessmentType, name: str, data: bytes) -> ResultImport:
    """Reads the file and writes the preview: the good rows and a problem per bad line. Saves no result."""
    try:
        table = table_read(name=name, data=data)
    except UploadRejected as rejected:
        raise DomainError(rejected.message, code=rejected.code) from None
    if len(table.rows) > MAX_ROWS:
        raise DomainError(
            _("The file has more than %(max)d rows; split it into smaller files.") % {"max": MAX_ROWS},
            code="too_many_rows",
        )
    columns = columns_find(table.headers)
    if not {"application", "email", "phone"} & set(columns):
        raise DomainError(
            _("The file needs a column that names the person: application id, e-mail or phone."),
            code="no_identifier_column",
        )
    result_column = "score" if kind.shape == ResultShape.SCORE else "category"
    if kind.shape == ResultShape.RUBRIC:
        raise DomainError(
            _("Rubric results are rated by hand on the application's page, not imported."), code="rubric"
        )
    if result_column not in columns:
        raise DomainError(
            _("The file needs a “%(column)s” column for this assessment.")
            % {"column": _("score") if result_column == "score" else _("category")},
            code="no_result_column",
        )
    good, problems = _rows_check(
        user=user, kind=kind, table=table, columns=columns, result_column=result_column
    )
    return ResultImport.objects.create(
        assessment_type=kind, file_name=(name or "")[:200], rows=good, problems=problems, created_by=user
    )


def _rows_check(
    *, user: User, kind: AssessmentType, table: Table, columns: dict[str, int], result_column: str
) -> tuple[list[dict], list[dict]]:
    matcher = _Matcher(user=user, kind=kind)
    good: list[dict] = []
    problems: list[dict] = []
    first_line: dict[int, int] = {}
    numbers = table.row_numbers or list(range(2, len(table.rows) + 2))

    def cell(row: list[str], field: str) -> str:
        return row[columns[field]].strip() if field in columns else ""

    for line, row in zip(numbers, table.rows, strict=True):

        def refuse(code: str, line: int = line, **params: object) -> None:
            problems.append({"line": line, "code": code, "params": params})

        raw_id, email, raw_phone = cell(row, "application"), cell(row, "email").casefold(), cell(row, "phone")
        application_id = int(raw_id) if raw_id.isdigit() else None
        try:
            phone = phone_normalize(raw_phone) if raw_phone else ""
        except PhoneInvalid:
            phone = ""
        if application_id is None and not email and not phone:
            refuse("no_identifier")
            continue
        if application_id is not None:
            candidates = (
                [matcher.by_application[application_id]] if application_id in matcher.by_application else []
            )
        else:
            found = {a.pk: a for a in matcher.by_email.get(email, []) + matcher.by_phone.get(phone, [])}
            candidates = list(found.values())
        if not candidates:
            if matcher.known(email=email, phone=phone, application_id=application_id):
                refuse("no_open_assessment", type=kind.name)
            else:
                refuse("unknown_person")
            continue
        if len(candidates) > 1:
            refuse("ambiguous")
            continue
        assessment = candidates[0]
        if assessment.pk in first_line:
            refuse("duplicate", first=first_line[assessment.pk])
            continue
        first_line[assessment.pk] = line
        entry: dict = {"line": line, "assessment": assessment.pk, "version": assessment.version}
        value = cell(row, result_column)
        if not value:
            refuse("no_result")
            continue
        if result_column == "score":
            try:
                score = Decimal(value.replace(",", "."))
                if not score.is_finite():
                    raise ArithmeticError
            except (ArithmeticError, ValueError):
                refuse("bad_score", value=value)
                continue
            if score < 0 or score > kind.max_score:
                refuse("score_out_of_range", value=value, max=_number(kind.max_score))
                continue
            entry["score"] = str(score)
        else:
            category = CATEGORY_WORDS.get(_fold(value))
            if category is None:
                refuse("unknown_category", value=value)
                continue
            entry["category"] = str(category)
        taken = cell(row, "date")
        if taken:
            day = _date_read(taken)
            if day is None:
                refuse("bad_date", value=taken)
                continue
            if day > timezone.localdate():
                refuse("future_date", value=taken)
                continue
            entry["date"] = day.isoformat()
        conclusion = cell(row, "conclusion")
        if len(conclusion) > 500:
            refuse("conclusion_too_long")
            continue
        entry["conclusion"] = conclusion
        entry["person"] = assessment.application.candidate.full_name
        entry["job"] = assessment.application.job.title
        good.append(entry)
    return good, problems


def import_save(*, actor: User, result_import: ResultImport) -> int:
    """Records every good row of a checked file in one transaction; none if any row fails now (someone
    recorded a result or cancelled meanwhile). Returns how many were saved."""
    with transaction.atomic():
        locked = ResultImport.objects.select_for_update().get(pk=result_import.pk)
        if locked.created_by_id != actor.pk:
            raise DomainError(_("This import belongs to someone else."), code="not_yours")
        if locked.status == ImportStatus.SAVED:
            raise DomainError(_("These results were already saved."), code="already_saved")
        if not locked.rows:
            raise DomainError(_("The file has no row that can be saved."), code="nothing_to_save")
        targets = Assessment.objects.in_bulk([row["assessment"] for row in locked.rows])
        for row in locked.rows:
            assessment = targets.get(row["assessment"])
            if assessment is None or assessment.status not in OPEN_STATUSES:
                raise DomainError(
                    _(
                        "Line %(line)s: the assessment was cancelled or recorded meanwhile. "
                        "Nothing was saved;"
                        " check the file again."
                    )
                    % {"line": row["line"]},
                    code="changed_meanwhile",
                )
            try:
                assessment_result_record(
                    actor=actor,
                    assessment=assessment,
                    expected_version=row["version"],
                    score=Decimal(row["score"]) if "score" in row else None,
                    category=row.get("category", ""),
                    conclusion=row.get("conclusion", ""),
                    taken_on=date.fromisoformat(row["date"]) if row.get("date") else None,
                    source=ResultSource.IMPORT,
                )
            except DomainError as refused:
                raise DomainError(
                    _("Line %(line)s: %(reason)s Nothing was saved; check the file again.")
                    % {"line": row["line"], "reason": refused.message},
                    code="changed_meanwhile",
                ) from None
        locked.status, locked.saved_at = ImportStatus.SAVED, timezone.now()
        locked.save(update_fields=["status", "saved_at"])
        audit_record(
            actor=actor,
            action="assessments.import_saved",
            subject=locked.assessment_type,
            changes={"file": locked.file_name, "saved": len(locked.rows), "skipped": len(locked.problems)},
        )
    return len(locked.rows)


def saved_message(count: int) -> str:
    return ngettext("%(count)d result saved.", "%(count)d results saved.", count) % {"count": count}
