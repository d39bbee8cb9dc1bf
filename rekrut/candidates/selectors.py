"""Reads of candidates that need no user: text search and likely duplicates.

Who may see which candidate follows from their applications, so it is decided in rekrut.pipeline.access.
"""

import re
from typing import cast

from django.db.models import F, Func, Q, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat, Lower
from django.db.models.lookups import Contains

from rekrut.candidates.folding import FOLD_FUNCTION, text_fold
from rekrut.candidates.models import Candidate
from rekrut.core.phones import PhoneInvalid, phone_normalize


def _phone_query(query: str) -> str | None:
    if len(re.sub(r"\D", "", query)) < 6:
        return None
    try:
        return phone_normalize(query)
    except PhoneInvalid:
        return None


# The trigram indexes hold every run of 3 characters: a shorter word is not in them.
TRIGRAM = 3


def _folded(column: str) -> Func:
    return Func(F(column), function=FOLD_FUNCTION, output_field=TextField())


def _fts5_phrase(word: str) -> str:
    # One FTS5 string per word: quotes, `*`, `OR`, `NEAR(` or `col:` typed by the user are text to look
    # for, never query syntax.
    return '"' + word.replace('"', '""') + '"'


def candidate_search_words(query: str) -> list[str]:
    """The folded words of a query. A NUL character separates words: no stored text holds one (PostgreSQL
    cannot store it), and FTS5 would read its query only up to it."""
    return [word for word in (text_fold(typed) or "" for typed in query.replace("\x00", " ").split()) if word]


def candidate_text_match(query: str, *, vendor: str) -> Q:
    """Every word of the query is in the name, e-mail or CV text (in any order, other words between),
    ignoring case and accents (rekrut/candidates/folding.py); or the query is the candidate's phone number.

    Words of three characters or more are answered from the trigram indexes of migration 0007: on SQLite
    the FTS5 index, all of them in one MATCH; on PostgreSQL the pg_trgm indexes on rekrut_fold(column).
    No trigram index holds a shorter word ("S1", "D3", "Li"): such a word is looked for in the folded name
    and e-mail and, ignoring case but not accents, in the CV text, whose folding per row would cost
    seconds on a large company's candidates.
    """
    words = candidate_search_words(query)
    phone = _phone_query(query)
    match = Q()
    if vendor == "sqlite":
        indexed = [word for word in words if len(word) >= TRIGRAM]
        words = [word for word in words if len(word) < TRIGRAM]
        if indexed:
            sql = "SELECT rowid FROM candidate_search WHERE candidate_search MATCH %s"
            params = [" ".join(_fts5_phrase(word) for word in indexed)]
            if phone and not words:
                # One subquery rather than `id IN (…) OR phone = …`: with the OR, SQLite reads the whole
                # table.
                sql += " UNION ALL SELECT id FROM candidates_candidate WHERE phone = %s"
                params.append(phone)
                phone = None
            match &= Q(pk__in=RawSQL(sql, params))  # noqa: S611 (fixed SQL; the user's text is a bound parameter)
    for word in words:
        if len(word) >= TRIGRAM:
            match &= (
                Q(Contains(_folded("full_name"), word))
                | Q(Contains(_folded("email"), word))
                | Q(Contains(_folded("cv_text"), word))
            )
        else:
            # The plain comparison first: the database stops there for most rows, before folding any text.
            # Name and e-mail are folded in one call ("\n" is in no word, so no match spans the two).
            name_and_email = Concat(F("full_name"), Value("\n"), F("email"), output_field=TextField())
            folded = Func(name_and_email, function=FOLD_FUNCTION, output_field=TextField())
            match &= Q(cv_text__icontains=word) | Q(Contains(folded, word))
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
