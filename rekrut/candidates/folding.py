"""Text as search compares it: lower case, accents and other marks removed ("Boğaziçi" -> "bogazici").

Both sides are folded, the stored text and what the user types, so "Bogazici" finds "Boğaziçi" and the
other way round. Python does it here, for the query and (on SQLite) inside the database too: every SQLite
connection gets `rekrut_fold()` as a deterministic SQL function, which the search index's triggers and
view call (migration candidates 0007). PostgreSQL has its own `rekrut_fold()` over the unaccent extension,
made by the same migration.
"""

import unicodedata

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.signals import connection_created

FOLD_FUNCTION = "rekrut_fold"

# Letters that are not a base letter plus a mark, so that decomposing them leaves them as they are.
_OWN_LETTERS = str.maketrans({"ı": "i", "ø": "o", "đ": "d", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe"})


def text_fold(text: str | None) -> str | None:
    if text is None:
        return None
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower().translate(_OWN_LETTERS)


def sqlite_fold_register(raw_connection: object) -> None:
    """Gives a sqlite3 connection `rekrut_fold(text)`; without it, writing a candidate fails."""
    raw_connection.create_function(FOLD_FUNCTION, 1, text_fold, deterministic=True)  # type: ignore[attr-defined]


def _on_connection_created(sender: object, connection: BaseDatabaseWrapper, **kwargs: object) -> None:
    if connection.vendor == "sqlite":
        sqlite_fold_register(connection.connection)


def sqlite_fold_install() -> None:
    """Called once from the app's ready(): every SQLite connection opened from now on has the function."""
    connection_created.connect(_on_connection_created, dispatch_uid="rekrut_fold")
