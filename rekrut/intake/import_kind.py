"""What differs between importing candidates and importing jobs, as one small record per kind.

The mechanism (intake.importing: upload, worker reading, mapping with joins and notes, preview, the
all-or-nothing run in short batches, its undo and the sweep) is shared; each kind says which fields it
has, how it guesses them, how a row is checked, saved and taken back out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rekrut.accounts.models import User
    from rekrut.intake.import_rows import CheckedRow
    from rekrut.intake.models import CandidateImport

RowChecker = Callable[[int, dict[str, str]], "CheckedRow"]


@dataclass(frozen=True)
class ImportKind:
    code: str  # ImportKind value stored on the import
    fields: Mapping[str, Any]  # field -> label, in the order the mapping page shows them
    required: str  # the field a column must feed
    required_message: Any
    notes_field: str | None  # where unmapped columns are kept as "Column: value" lines; None: dropped
    guess: Callable[[list[str]], tuple[dict[str, str | None], dict[str, list[str]]]]
    # A fresh checker per pass over the rows: it may remember earlier rows (duplicates within the file).
    # With `saving=True` the rows were all checked already: it only reads them into fields.
    checker: Callable[[CandidateImport, bool], RowChecker]
    # Before the first batch is saved, in its own transaction, given every row read for saving (the jobs
    # kind adds departments and places).
    prepare: Callable[[CandidateImport, Iterable[CheckedRow]], None]
    # Saves one checked row inside the batch's transaction; returns the saved object's id. Raises DomainError.
    save: Callable[[CandidateImport, CheckedRow], int]
    # Takes saved ids back out (inside a transaction); returns the labels of those kept because someone
    # worked on them meanwhile.
    remove: Callable[[CandidateImport, list[int]], list[str]]
    # After an undo took every batch out: what `prepare` added and nothing uses.
    cleanup: Callable[[CandidateImport], None]
    kept_message: Callable[[list[str]], str]
    # Raises AccessDenied or DomainError when `user` may not import this (also checked again at run time).
    permission: Callable[[User, CandidateImport | None], None]


def nothing(*_args: object) -> None:
    return None
