"""Bulk import of candidates from CSV or XLSX, optionally applying each one to a job.

The upload only stores the file (quick checks aside); the worker reads it, outside any transaction, into a
table and a guessed column mapping. Once the user confirms the mapping, the worker runs the import, all or
nothing: every row is checked first (progress is written as it goes so the page can poll it); one bad row
fails the whole import with a row-by-row report and saves nothing. Only a clean file is saved, through the
same services a person adding one candidate uses, in short batches (intake.import_saving).
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
from rekrut.intake.columns import mapping_guess
from rekrut.intake.import_rows import IMPORT_FIELDS, CheckedRow, duplicates_check, row_check
from rekrut.intake.import_saving import RowRefused, kept_error, rows_save, saved_undo
from rekrut.intake.models import CandidateImport, ImportStatus
from rekrut.jobs.models import Job, JobStatus
from rekrut.jobs.selectors import job_is_managed_by

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


def import_preview(candidate_import: CandidateImport) -> list[CheckedRow]:
    """The first rows as they would be saved under the current mapping, each with its problems."""
    columns = _columns(candidate_import)
    seen: dict[tuple[str, str], int] = {}
    checked = []
    for index, cells in enumerate(candidate_import.rows[:PREVIEW_ROWS]):
        row = row_check(candidate_import.row_number(index), cells, columns, candidate_import.source)
        duplicates_check(row, seen, importer=candidate_import.created_by)
        checked.append(row)
    return checked


def import_fields_shown(candidate_import: CandidateImport) -> list[str]:
    """The fields a preview shows: the mapped ones, and the name always (it is required)."""
    return [name for name in IMPORT_FIELDS if name == "full_name" or candidate_import.mapping.get(name)]


# ---- writes -----------------------------------------------------------------------------------------


@transaction.atomic
def import_upload(
    *, actor: User, name: str, data: bytes, job: Job | None = None, source: str = Source.IMPORT
) -> CandidateImport:
    """Keeps an uploaded table for the worker to read (`import_read`); the caller enqueues that on commit.

    Only what is quick is checked here (size, and that it is a CSV or an XLSX): a large sheet takes seconds
    to read, which a request, and above all a write transaction, must not wait for.
    """
    if not actor.is_hr:
        raise AccessDenied(_("Only HR can import candidates."))
    if job is not None:
        _job_check(actor, job)
    if source not in Source.values:
        raise DomainError(_("Choose a source from the list."), code="bad_source")
    try:
        table_kind(name=name, data=data)
    except UploadRejected as rejected:
        raise DomainError(rejected.message, code=rejected.code) from None
    return CandidateImport.objects.create(
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
            guess = mapping_guess(table.headers)
            reading.update(
                headers=table.headers,
                rows=table.rows,
                row_count=len(table.rows),
                row_numbers=table.row_numbers,
                mapping={key: guess.get(key) for key in IMPORT_FIELDS},
                status=ImportStatus.MAPPING,
                upload=b"",  # read once; the rows are what the mapping and the run use
            )
    candidate_import.refresh_from_db()
    return candidate_import


def import_start(
    *, actor: User, name: str, data: bytes, job: Job | None = None, source: str = Source.IMPORT
) -> CandidateImport:
    """Upload and read in one go, in this process: for `rekrut import candidates` and tests. Refuses an
    unreadable file with a DomainError, and keeps no import for it."""
    candidate_import = import_read(
        import_id=import_upload(actor=actor, name=name, data=data, job=job, source=source).pk
    )
    if candidate_import.status == ImportStatus.UNREADABLE:
        candidate_import.delete()
        raise DomainError(candidate_import.errors[0]["message"], code="unreadable")
    return candidate_import


@transaction.atomic
def import_map(
    *, actor: User, candidate_import: CandidateImport, mapping: Mapping[str, str | None]
) -> CandidateImport:
    """Sets which column feeds which field. A failed import can be mapped again and re-run."""
    locked = _editable(actor, candidate_import)
    unknown = set(mapping) - set(IMPORT_FIELDS)
    if unknown:
        raise DomainError(
            _("Rekrut has no field “%(name)s”.") % {"name": sorted(unknown)[0]}, code="bad_field"
        )
    cleaned: dict[str, str | None] = {}
    fed_by: dict[str, str] = {}  # column -> the field it already feeds
    for name in IMPORT_FIELDS:
        column = mapping.get(name) or None
        if column is not None and column not in locked.headers:
            raise DomainError(
                _("The file has no column named “%(column)s”.") % {"column": column}, code="bad_column"
            )
        if column is not None and column in fed_by:
            raise DomainError(
                _("The column “%(column)s” is chosen for both %(first)s and %(second)s. Choose it once.")
                % {"column": column, "first": IMPORT_FIELDS[fed_by[column]], "second": IMPORT_FIELDS[name]},
                code="column_twice",
            )
        if column is not None:
            fed_by[column] = name
        cleaned[name] = column
    if not cleaned["full_name"]:
        raise DomainError(_("Choose the column that holds the candidate's name."), code="name_required")
    locked.mapping = cleaned
    locked.status = ImportStatus.MAPPING
    locked.errors, locked.processed, locked.imported = [], 0, 0
    locked.save(update_fields=["mapping", "status", "errors", "processed", "imported"])
    return locked


@transaction.atomic
def import_queue(*, actor: User, candidate_import: CandidateImport) -> CandidateImport:
    """Confirms the mapping; the caller enqueues the run once this commits."""
    locked = _editable(actor, candidate_import)
    if not locked.mapping.get("full_name"):
        raise DomainError(_("Choose the column that holds the candidate's name."), code="name_required")
    if locked.job is not None:
        _job_check(actor, locked.job)
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
    with translation.override(candidate_import.language):
        try:
            # A run a dead worker left half-saved is taken back out before it starts again.
            kept = saved_undo(candidate_import) if candidate_import.saved_ids else []
            errors = _permission_problems(candidate_import) or _rows_problems(candidate_import)
            if not errors and not kept:
                errors = _rows_saved_or_undone(candidate_import)
            elif kept:
                errors = [*errors, _error(None, "", kept_error(kept))]
        except Exception:
            logger.exception("Candidate import %s failed", import_id)
            errors = [_error(None, "", str(_("Something went wrong while importing. Nothing was saved.")))]
            kept = saved_undo(candidate_import)  # if this fails too, the sweep runs the import again
            if kept:
                errors.append(_error(None, "", kept_error(kept)))
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


def _job_check(actor: User, job: Job) -> None:
    if not job_is_managed_by(user=actor, job=job):
        raise AccessDenied(_("You can only import into jobs whose hiring team you manage."))
    if job.status == JobStatus.CLOSED:
        raise DomainError(_("This job is closed and takes no new applications."), code="job_closed")


def _editable(actor: User, candidate_import: CandidateImport) -> CandidateImport:
    locked = (
        CandidateImport.objects.select_for_update(of=("self",))
        .select_related("job")
        .get(pk=candidate_import.pk)
    )
    if not actor.is_hr:
        raise AccessDenied(_("Only HR can import candidates."))
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


def _columns(candidate_import: CandidateImport) -> dict[str, int]:
    """Field -> index of the column that feeds it, for the mapped fields."""
    headers = candidate_import.headers
    return {
        name: headers.index(column)
        for name, column in candidate_import.mapping.items()
        if name in IMPORT_FIELDS and column in headers
    }


def _permission_problems(candidate_import: CandidateImport) -> list[dict[str, Any]]:
    # Checked again at run time: the uploader may have lost the role or left the job's team since.
    try:
        if not candidate_import.created_by.is_hr:
            raise AccessDenied(_("Only HR can import candidates."))
        if candidate_import.job is not None:
            _job_check(candidate_import.created_by, candidate_import.job)
    except DomainError as refused:
        return [_error(None, "", str(refused.message))]
    return []


def _rows_problems(candidate_import: CandidateImport) -> list[dict[str, Any]]:
    """Phase 1: every row checked; progress written every PROGRESS_EVERY rows with a plain UPDATE."""
    columns = _columns(candidate_import)
    seen: dict[tuple[str, str], int] = {}
    errors = []
    for index, cells in enumerate(candidate_import.rows):
        row = row_check(candidate_import.row_number(index), cells, columns, candidate_import.source)
        duplicates_check(row, seen, importer=candidate_import.created_by)
        errors += [
            _error(row.number, p.field, p.message, candidate_import.mapping.get(p.field) or "")
            for p in row.problems
        ]
        if (index + 1) % PROGRESS_EVERY == 0:
            CandidateImport.objects.filter(pk=candidate_import.pk).update(processed=index + 1)
    candidate_import.processed = candidate_import.total
    CandidateImport.objects.filter(pk=candidate_import.pk).update(processed=candidate_import.processed)
    return errors


def _rows_saved_or_undone(candidate_import: CandidateImport) -> list[dict[str, Any]]:
    """Phase 2: every row saved, in short batches; one refusal (the same person added meanwhile, the job
    closed) takes the earlier batches out again and fails the import with the reason."""
    try:
        rows_save(candidate_import, _columns(candidate_import), _error)
    except RowRefused as refused:
        kept = saved_undo(candidate_import)
        return [refused.error, *([_error(None, "", kept_error(kept))] if kept else [])]
    return []
