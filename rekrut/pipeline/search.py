"""Finding candidates with their applications, as one user may see them.

A candidate shared by two teams shows each user only the applications on jobs they may see, and the job and
stage filters answer only for those jobs: otherwise a listing would tell who applied to another team's job.
"""

from dataclasses import dataclass
from datetime import date

from django.db import connections
from django.db.models import Case, Exists, OuterRef, Prefetch, Q, QuerySet, Value, When

from rekrut.accounts.models import User
from rekrut.candidates.models import Candidate
from rekrut.candidates.selectors import candidate_search_words, candidate_text_match
from rekrut.pipeline.access import applications_visible_to, candidates_visible_to
from rekrut.pipeline.transitions import ApplicationStatus

# Past this many matches a search says "more than …" instead of counting them all.
SEARCH_COUNT_CAP = 1000


@dataclass(frozen=True)
class CandidateFilters:
    query: str = ""
    job_id: int | None = None
    stage_id: int | None = None
    source: str = ""
    applied_from: date | None = None
    applied_to: date | None = None


def visible_applications_prefetch(*, user: User) -> Prefetch:
    """`candidate.applications` limited to the jobs this user may see, newest first."""
    applications = applications_visible_to(user=user).select_related(None).select_related("job", "stage")
    return Prefetch("applications", queryset=applications.order_by("-applied_at", "-pk"))


def candidates_search(*, user: User, filters: CandidateFilters) -> QuerySet[Candidate]:
    """Search by the words of the query (each in the name, e-mail or CV text, in any order, ignoring case
    and accents: rekrut.candidates.selectors.candidate_text_match) or a phone number, with
    job/stage/source/date filters.

    Ordered, with the visible applications prefetched, so a page costs a fixed number of queries whatever
    the data size.
    """
    candidates = candidates_visible_to(user=user)
    q = filters.query.strip()
    if q:
        candidates = candidates.filter(candidate_text_match(q, vendor=connections[candidates.db].vendor))
    application_filter = Q()
    if filters.job_id:
        application_filter &= Q(job_id=filters.job_id)
    if filters.stage_id:
        application_filter &= Q(stage_id=filters.stage_id, status=ApplicationStatus.ACTIVE)
    if filters.applied_from:
        application_filter &= Q(applied_at__date__gte=filters.applied_from)
    if filters.applied_to:
        application_filter &= Q(applied_at__date__lte=filters.applied_to)
    if application_filter:
        # Only applications this user may see can make a candidate match a job, stage or date filter.
        matching = applications_visible_to(user=user).filter(application_filter, candidate=OuterRef("pk"))
        candidates = candidates.filter(Exists(matching))
    if filters.source:
        candidates = candidates.filter(source=filters.source)
    order: list = ["-created_at", "-pk"]
    words = candidate_search_words(q) if q else []
    if words:
        # Ranked: those whose name holds the first word before those found by e-mail or CV text only;
        # newest first within each. Read only for the rows that matched the index.
        in_name = Q(full_name__istartswith=words[0]) | Q(full_name__icontains=f" {words[0]}")
        order.insert(0, Case(When(in_name, then=Value(0)), default=Value(1)))
    return (
        candidates.order_by(*order)
        .defer("cv_text", "notes")
        .prefetch_related(visible_applications_prefetch(user=user))
    )


def count_capped(queryset: QuerySet, cap: int = SEARCH_COUNT_CAP) -> tuple[int, bool]:
    """How many rows match, counting no further than `cap` (and whether there are more): a page of 20
    does not need the exact count of every match of a common name, as search engines know."""
    found = queryset.order_by().values("pk")[: cap + 1].count()
    return min(found, cap), found > cap
