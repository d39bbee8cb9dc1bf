"""How an import's columns become field values: a field fed by one column or several joined (first and
last name), the columns nobody mapped kept in a notes field as "Column: value" lines or dropped when HR
says so, and mojibake repaired when HR accepts it.

Nothing here touches the database; the import kinds (intake.import_kinds) read rows through a plan.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import ftfy
from ftfy.badness import is_bad

DEFAULT_SEPARATOR = " "
SEPARATOR_MAX = 5
REPAIRS_SHOWN = 50


def cell_repair(text: str) -> str:
    """The text with mojibake undone (`Nurâ€™aini` → `Nur’aini`, `CafÃ©` → `Café`), else unchanged.

    Only the encoding is repaired (ftfy.fix_encoding): quotes, widths and ligatures stay as typed. ASCII
    text cannot be mojibake, and is most cells, so it is passed through without a look.
    """
    if text.isascii():
        return text
    fixed = ftfy.fix_encoding(text)
    return fixed if fixed != text and is_bad(text) else text


@dataclass(frozen=True)
class Repair:
    row: int  # the file's row number
    column: str
    original: str
    repaired: str


def repairs_find(
    headers: list[str], rows: Iterable[list[str]], numbers: Callable[[int], int], limit: int = REPAIRS_SHOWN
) -> tuple[list[Repair], int]:
    """The first `limit` cells whose text is mojibake, with their repair, and how many there are in all."""
    found: list[Repair] = []
    count = 0
    for index, cells in enumerate(rows):
        for column, cell in enumerate(cells):
            if cell.isascii():
                continue
            repaired = cell_repair(cell)
            if repaired != cell:
                count += 1
                if len(found) < limit:
                    found.append(Repair(numbers(index), headers[column], cell, repaired))
    return found, count


@dataclass(frozen=True)
class ColumnPlan:
    """Which columns feed which field, and what happens to the others."""

    headers: list[str]
    fields: dict[str, list[int]]  # field -> its columns, joined in this order
    separators: dict[str, str]
    notes: list[int]  # columns no field takes, written into `notes_field` as "Column: value" lines
    dropped: list[int]  # columns no field takes, left out (HR chose so, or the kind has no notes field)
    repair: bool
    notes_field: str | None

    def values(self, cells: list[str]) -> dict[str, str]:
        """One row's text per field, with the joins made and the kept columns added to the notes."""
        fix = cell_repair if self.repair else str

        def cell(index: int) -> str:
            return fix(cells[index].strip()) if index < len(cells) else ""

        values = {}
        for field, columns in self.fields.items():
            separator = self.separators.get(field, DEFAULT_SEPARATOR)
            values[field] = separator.join(text for text in map(cell, columns) if text)
        if self.notes_field and self.notes:
            lines = [f"{self.headers[i]}: {cell(i)}" for i in self.notes if cell(i)]
            values[self.notes_field] = "\n".join(filter(None, [values.get(self.notes_field, ""), *lines]))
        return values

    def column_fields(self) -> dict[str, str]:
        """Column name -> the field it feeds."""
        return {self.headers[i]: field for field, columns in self.fields.items() for i in columns}


def plan_make(
    *,
    headers: list[str],
    mapping: dict[str, Any],
    options: dict[str, Any],
    field_names: Iterable[str],
    notes_field: str | None,
) -> ColumnPlan:
    """The plan for an import's saved mapping and options (joins, separators, dropped columns, repair)."""
    position = {header: index for index, header in enumerate(headers)}
    joins = options.get("joins") or {}
    fields: dict[str, list[int]] = {}
    for name in field_names:
        columns = [mapping.get(name), *joins.get(name, [])]
        indexes = [position[c] for c in columns if c in position]
        if indexes:
            fields[name] = list(dict.fromkeys(indexes))
    used = {index for indexes in fields.values() for index in indexes}
    chosen_drops = set(options.get("dropped") or [])
    rest = [index for index in range(len(headers)) if index not in used]
    if notes_field is None:
        notes, dropped = [], rest
    else:
        notes = [i for i in rest if headers[i] not in chosen_drops]
        dropped = [i for i in rest if headers[i] in chosen_drops]
    return ColumnPlan(
        headers=headers,
        fields=fields,
        separators=dict(options.get("separators") or {}),
        notes=notes,
        dropped=dropped,
        repair=bool(options.get("repair", True)),
        notes_field=notes_field,
    )
