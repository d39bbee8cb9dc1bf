"""Reads of candidates that need no user: text search and likely duplicates.

Who may see which candidate follows from their applications, so it is decided in rekrut.pipeline.access.
"""

import re
from typing import cast

from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Lower

from rekrut.candidates.models import Candidate
from rekrut.core.phones import PhoneInvalid, phone_normalize


def _phone_query(query: str) -> str | None:
    if len(re.sub(r"\D", "", query)) < 6:
        return None
    try:
        return phone_normalize(query)
    except PhoneInvalid:
        return None


# The SQLite trigram index (migration 0003) holds every run of 3 characters: shorter text is not in it.
TRIGRAM = 3


def candidate_text_match(query: str, *, vendor: str) -> Q:
    """Name, e-mail or CV text contains the query, ignoring case; or the phone is the query's number.

    On SQLite the FTS5 trigram index answers the text part without reading every CV. The query goes in as
    one FTS5 string (a phrase: its trigrams in a row, i.e. the substring), so quotes, `*`, `OR`, `NEAR(` or
    `col:` typed by the user are text to look for, never query syntax. (FTS5 reads its query as a C string,
    so one holding a NUL character goes the slow way.) PostgreSQL's pg_trgm indexes serve `icontains` as it
    is.
    """
    phone = _phone_query(query)
    if vendor == "sqlite" and len(query) >= TRIGRAM and "\x00" not in query:
        sql = "SELECT rowid FROM candidate_search WHERE candidate_search MATCH %s"
        params = ['"' + query.replace('"', '""') + '"']
        if phone:
            # One subquery rather than `id IN (…) OR phone = …`: with the OR, SQLite reads the whole table.
            sql += " UNION ALL SELECT id FROM candidates_candidate WHERE phone = %s"
            params.append(phone)
        return Q(pk__in=RawSQL(sql, params))  # noqa: S611 (fixed SQL; the user's text is a bound parameter)
    match = Q(full_name__icontains=query) | Q(email__icontains=query) | Q(cv_text__icontains=query)
    if phone:
        match |= Q(phone=phone)
    return match


def candidate_duplicates(*, email: str, phone: str, exclude_id: int | None = None) -> list[Candidate]:
    """Records that look like the same person: same e-mail (any case) or same normalized phone."""
    match = Q()
    if email:
        match |= Q(email_lower=email.lower())
    if phone:
        match |= Q(phone=phone)
    if not match:
        return []
    found = Candidate.objects.annotate(email_lower=Lower("email")).filter(match)
    if exclude_id:
        found = found.exclude(pk=exclude_id)
    # Merged records are dropped here, not in SQL: given `merged_into IS NULL` (true of nearly every row),
    # SQLite searches that index instead of the e-mail and phone ones, scanning the whole table (bulk import
    # runs this once per row).
    unmerged = [candidate for candidate in found.order_by("created_at") if candidate.merged_into_id is None]
    return cast(list[Candidate], unmerged[:5])
