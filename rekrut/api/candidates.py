"""Candidates, through the same search and access rules as the candidate pages."""

from datetime import date

from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from rekrut.accounts.models import User
from rekrut.api.auth import request_user
from rekrut.api.pagination import Pages
from rekrut.api.schemas import CandidateDetailOut, CandidateOut, ErrorOut, ObjectId
from rekrut.candidates.models import Candidate, Source
from rekrut.candidates.selectors import CandidateFilters, candidate_get, candidates_search
from rekrut.jobs.selectors import jobs_visible_to
from rekrut.pipeline.selectors import applications_visible_to

router = Router(tags=["candidates"])


class CandidateQuery(Schema):
    q: str = Field("", max_length=200, description="Name, e-mail, phone or words from the CV.")
    job: ObjectId | None = None
    stage: ObjectId | None = Field(None, description="Active applications in this stage.")
    source: Source | None = None
    applied_from: date | None = None
    applied_to: date | None = None


def _visible_applications(user: User) -> Prefetch:
    """A candidate may also have applied for jobs this user may not see; those stay hidden."""
    applications = (
        applications_visible_to(user=user).select_related(None).select_related("job", "stage")
    ).order_by("-applied_at", "-pk")
    return Prefetch("applications", queryset=applications)


def _filters_reach_unseen_jobs(user: User, query: CandidateQuery) -> bool:
    """Filtering by someone else's job or stage would tell whether a candidate applied there."""
    jobs = jobs_visible_to(user=user)
    if query.job and not jobs.filter(pk=query.job).exists():
        return True
    return bool(query.stage) and not jobs.filter(stages=query.stage).exists()


@router.get("/candidates", response=list[CandidateOut], summary="Search candidates")
@paginate(Pages)
def candidate_list(request: HttpRequest, query: Query[CandidateQuery]) -> QuerySet[Candidate]:
    user = request_user(request)
    if _filters_reach_unseen_jobs(user, query):
        return Candidate.objects.none()
    filters = CandidateFilters(
        query=query.q,
        job_id=query.job,
        stage_id=query.stage,
        source=query.source or "",
        applied_from=query.applied_from,
        applied_to=query.applied_to,
    )
    candidates = candidates_search(user=user, filters=filters)
    return candidates.prefetch_related(None).prefetch_related(_visible_applications(user))


@router.get(
    "/candidates/{candidate_id}", response={200: CandidateDetailOut, 404: ErrorOut}, summary="A candidate"
)
def candidate_detail(request: HttpRequest, candidate_id: ObjectId) -> Candidate:
    user = request_user(request)
    candidate = candidate_get(user=user, candidate_id=candidate_id)
    prefetch_related_objects([candidate], _visible_applications(user))
    return candidate
