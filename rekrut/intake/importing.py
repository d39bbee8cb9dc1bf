"""Bulk import of candidates (optionally applying each one to a job) or of jobs, from CSV or XLSX.

The upload only stores the file (quick checks aside); the worker reads it, outside any transaction, into a
table and a guessed column mapping. Once the user confirms the mapping, the worker runs the import, all or
nothing: every row is checked first (progress is written as it goes so the page can poll it); one bad row
fails the whole import with a row-by-row report and saves nothing. Only a clean file is saved, through the
same services a person adding one candidate uses, in short batches (intake.import_saving).

What differs between candidates and jobs is one record per kind (intake.import_kind); how columns become
fields (joins, unmapped columns kept in notes or dropped, mojibake repaired) is intake.import_columns.
"""

import logging
from collections.abc import Mapping
from datetime import timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.candidates.models import Source
from rekrut.core.errors import AccessDenied, DomainError
from rekrut.core.tables import table_kind, table_read
from rekrut.core.uploads import UploadRejected
from rekrut.intake.candidate_import import job_check
from rekrut.intake.import_columns import SEPARATOR_MAX, ColumnPlan, Repair, plan_make, repairs_find
from rekrut.intake.import_kind import ImportKind
from rekrut.intake.import_kinds import KINDS, kind_of
from rekrut.intake.import_rows import CheckedRow
from rekrut.intake.import_saving import RowRefused, rows_save, saved_undo
from rekrut.intake.models import CandidateImport, ImportStatus, ImportTarget
from rekrut.jobs.models import Job

logger = logging.getLogger(__name__)

PREVIEW_ROWS = 10
PROGRESS_EVERY = 50


# ---- reads ------------------------------------------------------------------------------------------


def import_get(*, user: User, import_id: int, with_table: bool = True) -> CandidateImport:
    """The import, to the person who started it or an HR admin; a 404 to anyone else.

    The progress poll asks without the table, which can be megabytes of JSON.
    """
    imports = CandidateImport.objects.select_related("job").filter(pk=import_id).defer("upload", "saved_ids")
    if not with_table:
        imports = imports.defer("rows", "headers", "upload", "saved_ids")
    if not user.is_hr_admin:
        imports = imports.filter(created_by=user)
    candidate_import = imports.first()
    if candidate_import is None:
        raise Http404
    return candidate_import


def import_plan(candidate_import: CandidateImport) -> ColumnPlan:
    """How the import's columns become fields under its saved mapping and options."""
    kind = kind_of(candidate_import)
    return plan_make(
        headers=candidate_import.headers,
        mapping=candidate_import.mapping,
        options=candidate_import.options,
        field_names=kind.fields,
        notes_field=kind.notes_field,
    )


def import_preview(candidate_import: CandidateImport) -> list[CheckedRow]:
    """The first rows as they would be saved under the current mapping, each with its problems."""
    plan = import_plan(candidate_import)
    check = kind_of(candidate_import).checker(candidate_import, False)
    return [
        check(candidate_import.row_number(index), plan.values(cells))
        for index, cells in enumerate(candidate_import.rows[:PREVIEW_ROWS])
    ]


def import_fields_shown(candidate_import: CandidateImport) -> list[str]:
    """The fields a preview shows: the fed ones, the required one always, and notes when columns go there."""
    kind = kind_of(candidate_import)
    plan = import_plan(candidate_import)
    fed = set(plan.fields)
    if plan.notes and kind.notes_field:
        fed.add(kind.notes_field)
    return [name for name in kind.fields if name == kind.required or name in fed]


def import_columns_accounted(candidate_import: CandidateImport) -> dict[str, list[str]]:
    """Where every column of the file goes, for the preview: into a field (on its own or joined after
    another column), into the notes, or dropped. Each column is in exactly one list."""
    plan = import_plan(candidate_import)
    headers = candidate_import.headers
    mapped, joined = [], []
    for columns in plan.fields.values():
        mapped.append(headers[columns[0]])
        joined += [headers[i] for i in columns[1:]]
    return {
        "mapped": mapped,
        "joined": joined,
        "notes": [headers[i] for i in plan.notes],
        "dropped": [headers[i] for i in plan.dropped],
    }


def import_repairs(candidate_import: CandidateImport) -> tuple[list[Repair], int]:
    """The cells whose text is mojibake, with the repair HR may accept (the first ones), and their count."""
    return repairs_find(candidate_import.headers, candidate_import.rows, candidate_import.row_number)


# ---- writes -----------------------------------------------------------------------------------------


@transaction.atomic
def import_upload(
    *,
    actor: User,
    name: str,
    data: bytes,
    job: Job | None = None,
    source: str = Source.IMPORT,
    kind: str = ImportTarget.CANDIDATES,
) -> CandidateImport:
    """Keeps an uploaded table for the worker to read (`import_read`); the caller enqueues that on commit.

    Only what is quick is checked here (size, and that it is a CSV or an XLSX): a large sheet takes seconds
    to read, which a request, and above all a write transaction, must not wait for.
    """
    KINDS[kind].permission(actor, None)
    if job is not None:
        if kind != ImportTarget.CANDIDATES:
            raise DomainError(_("Only candidates can be applied to a job."), code="bad_job")
        job_check(actor, job)
    if source not in Source.values:
        raise DomainError(_("Choose a source from the list."), code="bad_source")
    try:
        table_kind(name=name, data=data)
    except UploadRejected as rejected:
        raise DomainError(rejected.message, code=rejected.code) from None
    return CandidateImport.objects.create(
        kind=kind,
        created_by=actor,
        file_name=name[:200],
        job=job,
        source=source,
        upload=data,
        status=ImportStatus.READING,
        language=_language_now(),
        queued_at=timezone.now(),
    )


def import_read(*, import_id: int) -> CandidateImport:
    """Reads the stored file into the import's table and a guessed mapping. Runs in the worker, outside any
    transaction; only the result is written, in one statement. Safe to run twice."""
    candidate_import = CandidateImport.objects.get(pk=import_id)
    if candidate_import.status != ImportStatus.READING:
        return candidate_import
    reading = CandidateImport.objects.filter(pk=import_id, status=ImportStatus.READING)
    with translation.override(candidate_import.language):
        try:
            table = table_read(name=candidate_import.file_name, data=bytes(candidate_import.upload))
        except UploadRejected as rejected:
            reading.update(
                status=ImportStatus.UNREADABLE, errors=[_error(None, "", str(rejected.message))], upload=b""
            )
        except Exception:
            logger.exception("Candidate import %s: the file could not be read", import_id)
            message = str(_("Something went wrong while reading the file. Nothing was imported."))
            reading.update(status=ImportStatus.UNREADABLE, errors=[_error(None, "", message)], upload=b"")
            raise
        else:
            kind = kind_of(candidate_import)
            guess, joins = kind.guess(table.headers)
            reading.update(
                headers=table.headers,
                rows=table.rows,
                row_count=len(table.rows),
                row_numbers=table.row_numbers,
                mapping={key: guess.get(key) for key in kind.fields},
                options={"joins": joins, "repair": True},
                status=ImportStatus.MAPPING,
                upload=b"",  # read once; the rows are what the mapping and the run use
            )
    candidate_import.refresh_from_db()
    return candidate_import


def import_start(
    *,
    actor: User,
    name: str,
    data: bytes,
    job: Job | None = None,
    source: str = Source.IMPORT,
    kind: str = ImportTarget.CANDIDATES,
) -> CandidateImport:
    """Upload and read in one go, in this process: for `rekrut import candidates` and tests. Refuses an
    unreadable file with a DomainError, and keeps no import for it."""
    uploaded = import_upload(actor=actor, name=name, data=data, job=job, source=source, kind=kind)
    candidate_import = import_read(import_id=uploaded.pk)
    if candidate_import.status == ImportStatus.UNREADABLE:
        candidate_import.delete()
        raise DomainError(candidate_import.errors[0]["message"], code="unreadable")
    return candidate_import


@transaction.atomic
def import_map(
    *,
    actor: User,
    candidate_import: CandidateImport,
    mapping: Mapping[str, str | None],
    options: Mapping[str, Any] | None = None,
) -> CandidateImport:
    """Sets which column feeds which field, and how (`options`: joins, separators, dropped columns, mojibake
    repair; None keeps the saved ones). A failed import can be mapped again and re-run."""
    locked = _editable(actor, candidate_import)
    kind = kind_of(locked)
    unknown = set(mapping) - set(kind.fields)
    if unknown:
        raise DomainError(
            _("Rekrut has no field “%(name)s”.") % {"name": sorted(unknown)[0]}, code="bad_field"
        )
    given = dict(locked.options if options is None else options)
    joins = {name: [c for c in columns if c] for name, columns in (given.get("joins") or {}).items()}
    cleaned: dict[str, str | None] = {}
    fed_by: dict[str, str] = {}  # column -> the field it already feeds
    for name in kind.fields:
        column = mapping.get(name) or None
        joined = joins.get(name, []) if column else []
        for each in [column, *joined]:
            if each is None:
                continue
            if each not in locked.headers:
                raise DomainError(
                    _("The file has no column named “%(column)s”.") % {"column": each}, code="bad_column"
                )
            if each in fed_by:
                raise DomainError(
                    _("The column “%(column)s” is chosen for both %(first)s and %(second)s. Choose it once.")
                    % {"column": each, "first": kind.fields[fed_by[each]], "second": kind.fields[name]},
                    code="column_twice",
                )
            fed_by[each] = name
        cleaned[name] = column
        if joined:
            joins[name] = joined
        else:
            joins.pop(name, None)
    if not cleaned[kind.required]:
        raise DomainError(kind.required_message, code="name_required")
    separators = {name: str(text) for name, text in (given.get("separators") or {}).items() if name in joins}
    if any(len(text) > SEPARATOR_MAX for text in separators.values()):
        raise DomainError(
            _("A separator can be at most %(count)d characters.") % {"count": SEPARATOR_MAX},
            code="bad_separator",
        )
    dropped = [c for c in given.get("dropped") or [] if c in locked.headers and c not in fed_by]
    locked.mapping = cleaned
    locked.options = {
        **{k: v for k, v in locked.options.items() if k == "created"},
        "joins": {name: joins[name] for name in kind.fields if name in joins},
        "separators": separators,
        "dropped": dropped,
        "repair": bool(given.get("repair", True)),
    }
    locked.status = ImportStatus.MAPPING
    locked.errors, locked.processed, locked.imported = [], 0, 0
    locked.save(update_fields=["mapping", "options", "status", "errors", "processed", "imported"])
    return locked


@transaction.atomic
def import_queue(*, actor: User, candidate_import: CandidateImport) -> CandidateImport:
    """Confirms the mapping; the caller enqueues the run once this commits."""
    locked = _editable(actor, candidate_import)
    kind = kind_of(locked)
    if not locked.mapping.get(kind.required):
        raise DomainError(kind.required_message, code="name_required")
    kind.permission(actor, locked)
    locked.status = ImportStatus.QUEUED
    locked.errors, locked.processed, locked.imported = [], 0, 0
    locked.language = _language_now()
    locked.queued_at = timezone.now()
    locked.save(update_fields=["status", "errors", "processed", "imported", "language", "queued_at"])
    return locked


def import_run(*, import_id: int) -> CandidateImport:
    """Checks every row, then saves all of them or none. Runs in the worker; safe to call twice."""
    claimed = CandidateImport.objects.filter(pk=import_id, status=ImportStatus.QUEUED).update(
        status=ImportStatus.RUNNING, processed=0, imported=0, started_at=timezone.now()
    )
    candidate_import = CandidateImport.objects.select_related("created_by", "job").get(pk=import_id)
    if not claimed:  # already run, or not confirmed: a duplicated or stale task does nothing
        return candidate_import
    kind = kind_of(candidate_import)
    with translation.override(candidate_import.language):
        try:
            # A run a dead worker left half-saved is taken back out before it starts again.
            kept = saved_undo(candidate_import, kind) if candidate_import.saved_ids else []
            errors = _permission_problems(candidate_import, kind) or _rows_problems(candidate_import, kind)
            if not errors and not kept:
                errors = _rows_saved_or_undone(candidate_import, kind)
            elif kept:
                errors = [*errors, _error(None, "", kind.kept_message(kept))]
        except Exception:
            logger.exception("Import %s failed", import_id)
            errors = [_error(None, "", str(_("Something went wrong while importing. Nothing was saved.")))]
            kept = saved_undo(candidate_import, kind)  # if this fails too, the sweep runs the import again
            if kept:
                errors.append(_error(None, "", kind.kept_message(kept)))
            _finish(candidate_import, errors)
            raise
        _finish(candidate_import, errors)
    return candidate_import


# A run this long past its start was left by a dead worker (20,000 rows with a job take about two minutes).
RUN_LEASE = timedelta(minutes=30)
# A queued run with no worker taking it this long lost its task (the process died before enqueuing it).
QUEUE_LEASE = timedelta(minutes=10)


def imports_recover_stuck() -> int:
    """The worker's sweep (notifications.sweep.worker_sweep): runs a dead worker left behind go back to the
    queue with a new task, and so do files whose reading task was lost. A run that saved some batches
    before its worker died takes them out again when it starts over (import_run); a duplicate task finds
    the import already claimed, or already read, and does nothing."""
    now = timezone.now()
    abandoned = CandidateImport.objects.filter(status=ImportStatus.RUNNING, started_at__lt=now - RUN_LEASE)
    forgotten = CandidateImport.objects.filter(status=ImportStatus.QUEUED, queued_at__lt=now - QUEUE_LEASE)
    unread = CandidateImport.objects.filter(status=ImportStatus.READING, queued_at__lt=now - QUEUE_LEASE)
    unread_ids = list(unread.values_list("pk", flat=True))
    for import_id in unread_ids:
        from rekrut.intake.tasks import candidate_import_read

        if unread.filter(pk=import_id).update(queued_at=now):
            candidate_import_read.enqueue(import_id=import_id)
            logger.warning("Candidate import %s was never read; queued again", import_id)
    ids = list(abandoned.values_list("pk", flat=True)) + list(forgotten.values_list("pk", flat=True))
    for import_id in ids:
        with transaction.atomic():
            requeued = CandidateImport.objects.filter(
                Q(status=ImportStatus.RUNNING, started_at__lt=now - RUN_LEASE)
                | Q(status=ImportStatus.QUEUED, queued_at__lt=now - QUEUE_LEASE),
                pk=import_id,
            ).update(status=ImportStatus.QUEUED, queued_at=now, processed=0)
            if requeued:
                from rekrut.intake.tasks import candidate_import_run

                transaction.on_commit(partial(candidate_import_run.enqueue, import_id=import_id))
                logger.warning("Candidate import %s was left unfinished; queued again", import_id)
    return len(ids) + len(unread_ids)


# ---- helpers ----------------------------------------------------------------------------------------


def _language_now() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE


def _editable(actor: User, candidate_import: CandidateImport) -> CandidateImport:
    locked = (
        CandidateImport.objects.select_for_update(of=("self",))
        .select_related("job")
        .get(pk=candidate_import.pk)
    )
    kind_of(locked).permission(actor, None)
    if not (actor.is_hr_admin or locked.created_by_id == actor.pk):
        raise AccessDenied(_("Only the person who uploaded this file can import it."))
    if locked.status not in (ImportStatus.MAPPING, ImportStatus.FAILED):
        raise DomainError(_("This import has already started."), code="started")
    return locked


def _error(row: int | None, name: str, message: str, column: str = "") -> dict[str, Any]:
    return {"row": row, "field": name, "column": column, "message": message}


def _finish(candidate_import: CandidateImport, errors: list[dict[str, Any]]) -> None:
    candidate_import.errors = errors
    candidate_import.status = ImportStatus.FAILED if errors else ImportStatus.DONE
    if errors:
        candidate_import.imported = 0
    # The saved ids are forgotten in the same write that says the run is over: until then, a worker that
    # dies leaves them for the next run to take out.
    candidate_import.saved_ids = []
    candidate_import.save(update_fields=["errors", "status", "imported", "processed", "saved_ids"])


def _permission_problems(candidate_import: CandidateImport, kind: ImportKind) -> list[dict[str, Any]]:
    # Checked again at run time: the uploader may have lost the role or left the job's team since.
    try:
        kind.permission(candidate_import.created_by, candidate_import)
    except DomainError as refused:
        return [_error(None, "", str(refused.message))]
    return []


def _rows_problems(candidate_import: CandidateImport, kind: ImportKind) -> list[dict[str, Any]]:
    """Phase 1: every row checked; progress written every PROGRESS_EVERY rows with a plain UPDATE."""
    plan = import_plan(candidate_import)
    columns = {name: candidate_import.headers[indexes[0]] for name, indexes in plan.fields.items()}
    check = kind.checker(candidate_import, False)
    errors = []
    for index, cells in enumerate(candidate_import.rows):
        row = check(candidate_import.row_number(index), plan.values(cells))
        errors += [_error(row.number, p.field, p.message, columns.get(p.field, "")) for p in row.problems]
        if (index + 1) % PROGRESS_EVERY == 0:
            CandidateImport.objects.filter(pk=candidate_import.pk).update(processed=index + 1)
    candidate_import.processed = candidate_import.total
    CandidateImport.objects.filter(pk=candidate_import.pk).update(processed=candidate_import.processed)
    return errors


def _rows_saved_or_undone(candidate_import: CandidateImport, kind: ImportKind) -> list[dict[str, Any]]:
    """Phase 2: every row saved, in short batches; one refusal (the same person added meanwhile, the job
    closed) takes the earlier batches out again and fails the import with the reason."""
    try:
        rows_save(candidate_import, kind, import_plan(candidate_import), _error)
    except RowRefused as refused:
        kept = saved_undo(candidate_import, kind)
        return [refused.error, *([_error(None, "", kind.kept_message(kept))] if kept else [])]
    return []
