"""Reads of candidates. A candidate is visible to HR admins, to the hiring teams of the jobs they applied
for, and to the recruiter who added them; merged-away records are hidden."""

import re
from dataclasses import dataclass
from datetime import date
from typing import cast

from django.db import connections
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.functions import Lower
from django.http import Http404

from rekrut.accounts.models import User
from rekrut.candidates.cv_extract import PhoneInvalid, phone_normalize
from rekrut.candidates.models import Candidate
from rekrut.jobs.models import HiringTeamMember


def candidates_visible_to(*, user: User) -> QuerySet[Candidate]:
    candidates = Candidate.objects.filter(merged_into__isnull=True)
    if user.is_hr_admin:
        return candidates
    on_team = HiringTeamMember.objects.filter(user=user, job__applications__candidate=OuterRef("pk"))
    return candidates.filter(Exists(on_team) | Q(created_by=user))


def candidate_get(*, user: User, candidate_id: int) -> Candidate:
    candidate = candidates_visible_to(user=user).filter(pk=candidate_id).first()
    if candidate is None:
        raise Http404
    return candidate


@dataclass(frozen=True)
class CandidateFilters:
    query: str = ""
    job_id: int | None = None
    stage_id: int | None = None
    source: str = ""
    applied_from: date | None = None
    applied_to: date | None = None


def _phone_query(query: str) -> str | None:
    if len(re.sub(r"\D", "", query)) < 6:
        return None
    try:
        return phone_normalize(query)
    except PhoneInvalid:
        return None


# The SQLite trigram index (migration 0003) holds every run of 3 characters: shorter text is not in it.
TRIGRAM = 3


def _query_match(query: str, *, vendor: str) -> Q:
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


def candidates_search(*, user: User, filters: CandidateFilters) -> QuerySet[Candidate]:
    """Search by name, e-mail, phone and CV text, with job/stage/source/date filters.

    The result is ordered and its applications prefetched for the listing, so a page costs a fixed
    number of queries whatever the data size.
    """
    # The pipeline app sits above this one (import contract), so its model is reached through the relation.
    Application = Candidate._meta.get_field("applications").related_model

    candidates = candidates_visible_to(user=user)
    q = filters.query.strip()
    if q:
        candidates = candidates.filter(_query_match(q, vendor=connections[candidates.db].vendor))
    application_filter = Q()
    if filters.job_id:
        application_filter &= Q(job_id=filters.job_id)
    if filters.stage_id:
        application_filter &= Q(stage_id=filters.stage_id, status="active")
    if filters.applied_from:
        application_filter &= Q(applied_at__date__gte=filters.applied_from)
    if filters.applied_to:
        application_filter &= Q(applied_at__date__lte=filters.applied_to)
    if application_filter:
        candidates = candidates.filter(
            Exists(Application._default_manager.filter(application_filter, candidate=OuterRef("pk")))
        )
    if filters.source:
        candidates = candidates.filter(source=filters.source)
    return (
        candidates.order_by("-created_at", "-pk")
        .defer("cv_text", "notes")
        .prefetch_related(
            Prefetch(
                "applications",
                queryset=Application._default_manager.select_related("job", "stage").order_by("-applied_at"),
            )
        )
    )


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


def candidate_duplicates_for(
    *, user: User, email: str, phone: str, exclude_id: int | None = None
) -> tuple[list[Candidate], int]:
    """Likely duplicates the user may open, and how many more exist that they may not see.

    HR must learn that the person is already in Rekrut, but not who applied to another team's job (UU PDP).
    """
    found = candidate_duplicates(email=email, phone=phone, exclude_id=exclude_id)
    if not found:
        return [], 0
    visible = set(
        candidates_visible_to(user=user).filter(pk__in=[c.pk for c in found]).values_list("pk", flat=True)
    )
    shown = [c for c in found if c.pk in visible]
    return shown, len(found) - len(shown)
