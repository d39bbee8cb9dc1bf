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

from django.db import connection, transaction

from rekrut.core.errors import DomainError
from rekrut.intake.import_columns import ColumnPlan
from rekrut.intake.import_kind import ImportKind
from rekrut.intake.models import CandidateImport

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
    kind: ImportKind,
    plan: ColumnPlan,
    error: Callable[[int | None, str, str], dict[str, Any]],
) -> None:
    """Saves every row through the kind's services (those a person adding one uses), batch by batch.

    Raises `RowRefused` at the first refused row; the caller then undoes the batches already saved.
    """
    rows = candidate_import.rows
    check = kind.checker(candidate_import, True)
    numbered = ((candidate_import.row_number(i), plan.values(cells)) for i, cells in enumerate(rows))
    try:
        with transaction.atomic():
            kind.prepare(candidate_import, (check(number, values) for number, values in numbered))
    except DomainError as refused:
        raise RowRefused(error(None, "", str(refused.message))) from None
    saved: list[int] = []
    index = 0
    while index < len(rows):
        deadline = time.monotonic() + BATCH_SECONDS
        with transaction.atomic():
            batch: list[int] = []
            while index < len(rows) and len(batch) < BATCH_ROWS and time.monotonic() < deadline:
                number = candidate_import.row_number(index)
                row = check(number, plan.values(rows[index]))
                try:
                    batch.append(kind.save(candidate_import, row))
                except DomainError as refused:
                    raise RowRefused(error(number, "", str(refused.message))) from None
                index += 1
            saved += batch
            CandidateImport.objects.filter(pk=candidate_import.pk).update(
                saved_ids=saved, imported=len(saved)
            )
        _let_others_write()
    candidate_import.imported = len(saved)


def saved_undo(candidate_import: CandidateImport, kind: ImportKind) -> list[str]:
    """Removes what an unfinished run saved, newest batch first, each batch in its own short transaction.

    Returns the labels of the records kept because someone worked on them meanwhile (edited, merged,
    moved, planned an interview): their work is not undone with the import.
    """
    ids: list[int] = (
        CandidateImport.objects.filter(pk=candidate_import.pk).values_list("saved_ids", flat=True).get()
    )
    kept: list[str] = []
    while ids:
        batch, rest = ids[-BATCH_ROWS:], ids[:-BATCH_ROWS]
        with transaction.atomic():
            kept += kind.remove(candidate_import, batch)
            CandidateImport.objects.filter(pk=candidate_import.pk).update(saved_ids=rest)
        logger.info("Import %s undone: %d rows taken out", candidate_import.pk, len(batch))
        ids = rest
        _let_others_write()
    with transaction.atomic():
        kind.cleanup(candidate_import)
    candidate_import.saved_ids = []
    return kept


def _let_others_write() -> None:
    if connection.vendor == "sqlite":
        time.sleep(PAUSE_SECONDS)
