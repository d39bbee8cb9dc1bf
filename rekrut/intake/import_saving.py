"""Saving a checked import in short transactions, and taking it back out when a later batch fails.

An import of 20,000 rows takes a minute or two to save through the services. In one transaction that would
hold SQLite's write lock the whole time, and every other user's change would wait and then fail with
"database is locked". So rows are saved in batches that each last at most about half a second; each batch
also records the ids it saved on the import, in the same transaction. If a later batch is refused (the
same person was added by hand meanwhile, the job was closed) or the worker dies, the compensating step
removes what the earlier batches saved, so the user still gets all rows or none.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from django.db import connection, models, transaction
from django.db.models import Count, ProtectedError
from django.utils.translation import ngettext

from rekrut.candidates.models import Candidate, CandidateEvent, CandidateEventKind
from rekrut.candidates.services import candidate_create
from rekrut.core.errors import DomainError
from rekrut.intake.import_rows import row_check
from rekrut.intake.models import CandidateImport
from rekrut.pipeline.models import Application, Transition
from rekrut.pipeline.services import application_create

logger = logging.getLogger(__name__)

BATCH_ROWS = 200
BATCH_SECONDS = 0.5
# SQLite's busy handler lets a waiting writer retry every 100 ms at most: a pause a little longer than
# that between batches lets it in, instead of this loop taking the lock straight back.
PAUSE_SECONDS = 0.12


class RowRefused(Exception):
    """A service refused one row while saving; `error` is its line of the import's report."""

    def __init__(self, error: dict[str, Any]) -> None:
        super().__init__(error["message"])
        self.error = error


def rows_save(
    candidate_import: CandidateImport,
    columns: dict[str, int],
    error: Callable[[int | None, str, str], dict[str, Any]],
) -> None:
    """Saves every row through the same services a person adding one candidate uses, batch by batch.

    Raises `RowRefused` at the first refused row; the caller then undoes the batches already saved.
    """
    actor, job = candidate_import.created_by, candidate_import.job
    rows = candidate_import.rows
    saved: list[int] = []
    index = 0
    while index < len(rows):
        deadline = time.monotonic() + BATCH_SECONDS
        with transaction.atomic():
            batch: list[int] = []
            while index < len(rows) and len(batch) < BATCH_ROWS and time.monotonic() < deadline:
                number = candidate_import.row_number(index)
                row = row_check(number, rows[index], columns, candidate_import.source)
                try:
                    candidate = candidate_create(actor=actor, **row.fields)
                    if job is not None:
                        application_create(actor=actor, candidate=candidate, job=job)
                except DomainError as refused:
                    raise RowRefused(error(number, "", str(refused.message))) from None
                batch.append(candidate.pk)
                index += 1
            saved += batch
            CandidateImport.objects.filter(pk=candidate_import.pk).update(
                saved_ids=saved, imported=len(saved)
            )
        _let_others_write()
    candidate_import.imported = len(saved)


def saved_undo(candidate_import: CandidateImport) -> list[Candidate]:
    """Removes what an unfinished run saved, newest batch first, each batch in its own short transaction.

    Returns the candidates kept because someone worked on them meanwhile (edited, merged, moved, planned
    an interview): their work is not undone with the import.
    """
    ids: list[int] = (
        CandidateImport.objects.filter(pk=candidate_import.pk).values_list("saved_ids", flat=True).get()
    )
    kept: list[Candidate] = []
    while ids:
        batch, rest = ids[-BATCH_ROWS:], ids[:-BATCH_ROWS]
        with transaction.atomic():
            kept += _candidates_remove(batch, job_id=candidate_import.job_id)
            CandidateImport.objects.filter(pk=candidate_import.pk).update(saved_ids=rest)
        ids = rest
        _let_others_write()
    candidate_import.saved_ids = []
    return kept


def kept_error(kept: list[Candidate]) -> str:
    names = ", ".join(f"{candidate.full_name} (#{candidate.pk})" for candidate in kept[:20])
    return ngettext(
        "%(count)s candidate was kept because a colleague already worked on the record meanwhile: %(names)s.",
        "%(count)s candidates were kept because colleagues already worked on the records meanwhile: "
        "%(names)s.",
        len(kept),
    ) % {"count": len(kept), "names": names + (" …" if len(kept) > 20 else "")}


def _let_others_write() -> None:
    if connection.vendor == "sqlite":
        time.sleep(PAUSE_SECONDS)


def _candidates_remove(ids: list[int], *, job_id: int | None) -> list[Candidate]:
    touched = _touched(ids, job_id=job_id)
    removable = [pk for pk in ids if pk not in touched]
    try:
        with transaction.atomic():
            _remove(removable)
    except ProtectedError:  # an interview or a decision hangs on one of them: find which, one by one
        for pk in list(removable):
            try:
                with transaction.atomic():
                    _remove([pk])
            except ProtectedError:
                touched.add(pk)
    return list(Candidate.objects.filter(pk__in=touched).order_by("pk"))


def _touched(ids: list[int], *, job_id: int | None) -> set[int]:
    """The candidates among `ids` that someone other than the import has worked on since it saved them."""
    applications = Application.objects.filter(candidate_id__in=ids)
    other_jobs = applications.exclude(job_id=job_id) if job_id else applications
    moved = (
        Transition.objects.filter(application__candidate_id__in=ids)
        .values("application_id")
        .annotate(rows=Count("id"))
        .filter(rows__gt=1)
        .values_list("application__candidate_id", flat=True)
    )
    edited = CandidateEvent.objects.filter(candidate_id__in=ids).exclude(kind=CandidateEventKind.CREATED)
    merged = Candidate.objects.filter(pk__in=ids, merged_into__isnull=False)
    merged_into = Candidate.objects.filter(merged_into_id__in=ids)
    return {
        *other_jobs.values_list("candidate_id", flat=True),
        *moved,
        *edited.values_list("candidate_id", flat=True),
        *merged.values_list("pk", flat=True),
        *merged_into.values_list("merged_into_id", flat=True),
    }


def _remove(ids: list[int]) -> None:
    if not ids:
        return
    # The "applied" history rows are append-only, and rightly refuse a delete: but these describe an
    # application that, for the user, never happened (the import is all or nothing), so the compensating
    # step takes them out with the rows they describe, on purpose past the append-only guard.
    models.QuerySet.delete(Transition.objects.filter(application__candidate_id__in=ids))
    Application.objects.filter(candidate_id__in=ids).delete()
    Candidate.objects.filter(pk__in=ids).delete()  # their "added" events go with them (CASCADE)
    logger.info("Candidate import undone: %d candidates removed", len(ids))
