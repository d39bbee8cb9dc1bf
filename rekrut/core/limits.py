"""Bounds on what people type, shared by the forms, the API schemas and the services.

Text limits are far above any honest use and far below what would slow a page or fill a database; dates
outside 2000–2099 are typing mistakes (year 0202 or 9999), and beyond them dates overflow when moved
between time zones or written into calendar invites.
"""

from datetime import UTC, datetime

from django.utils.translation import gettext_lazy as _

SEARCH_TEXT = 200  # a name, an e-mail, a phone number or a few words
SHORT_TEXT = 300  # a place, a one-line reason
REASON_TEXT = 2000  # why something was done: a paragraph
NOTE_TEXT = 5000  # a decision's reasoning, a note
LONG_TEXT = 10_000  # scorecard notes and evidence
DOCUMENT_TEXT = 20_000  # a job's description or requirements

EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)

OUT_OF_RANGE = _("Enter a date between the years 2000 and 2099.")


def moment_in_range(moment: datetime) -> bool:
    """False for a time outside the years Rekrut accepts (a naive time counts as UTC here)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return EARLIEST <= aware < LATEST
