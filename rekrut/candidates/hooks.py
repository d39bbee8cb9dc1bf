"""Hooks through which every app that keeps something about a candidate takes part in the candidate's data
rights (UU PDP): handing over everything held (Ps 7, 13: access and portability) and erasing it (Ps 8, 43).

Each app answers for its own tables from its AppConfig.ready(), so a table added later is covered by the
app that adds it, not by a list kept somewhere else. rekrut/privacy runs both hooks.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from rekrut.core.hooks import Hook


@dataclass(frozen=True)
class Person:
    """One person as the erasers see them: every record of theirs (the kept one and any merged into it)
    and what identified them, to find copies of it in free text (message bodies, import rows)."""

    candidate_ids: tuple[int, ...]
    names: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    # Files to delete once the erasure commits (storage names); erasers append to it.
    files: list[tuple[object, str]] = field(default_factory=list)

    @property
    def identifiers(self) -> tuple[str, ...]:
        return tuple(text for text in (*self.names, *self.emails, *self.phones) if len(text) >= 3)

    def scrub(self, value: object) -> object:
        """`value` (text, or JSON of lists and dicts) with every occurrence of the person's name, e-mail
        and phone replaced by ERASED, whatever the case."""
        if isinstance(value, str):
            for identifier in sorted(self.identifiers, key=len, reverse=True):
                # Whole words only: erasing "Ali" must leave "Kalimantan" alone.
                value = re.sub(rf"(?<!\w){re.escape(identifier)}(?!\w)", ERASED, value, flags=re.IGNORECASE)
            return value
        if isinstance(value, list):
            return [self.scrub(item) for item in value]
        if isinstance(value, dict):
            return {key: self.scrub(item) for key, item in value.items()}
        return value

    def mentioned_in(self, value: object) -> bool:
        return self.scrub(value) != value

    def file_forget(self, storage: object, name: str | None) -> None:
        """Deletes a file after the erasure commits (a rollback keeps it with the rows pointing at it)."""
        if name:
            self.files.append((storage, name))


# Every text an eraser writes in place of a name: it says what happened, names no one.
ERASED = "[dihapus]"

personal_data_erasers: Hook[[Person], object] = Hook(
    "personal_data_erasers",
    """Called in the erasure's transaction with the Person to erase. Each receiver blanks or anonymises
    its app's personal fields of rows about these candidates (free text, addresses, numbers, answers) and
    hands its files to person.file_forget; it keeps the rows themselves, their statuses and their times,
    so reports count the same before and after.""",
)

personal_data_collectors: Hook[[Person], tuple[str, object]] = Hook(
    "personal_data_collectors",
    """Called for "download my data" with the Person; each receiver returns (section name, JSON-ready
    data) with everything its app holds about them that they gave or that describes their applications
    (statuses, times, documents listed by name); the hiring team's own evaluations are not part of it.""",
)

Collector = Callable[[Person], tuple[str, object]]
