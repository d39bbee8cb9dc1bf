"""Candidates, through the same search and access rules as the candidate pages."""

from datetime import date

from django.db.models import QuerySet, prefetch_related_objects
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from rekrut.api.auth import request_user
from rekrut.api.pagination import Pages
from rekrut.api.schemas import CandidateDetailOut, CandidateOut, ErrorOut, ObjectId
from rekrut.candidates.models import Candidate, Source
from rekrut.pipeline.access import candidate_get
from rekrut.pipeline.search import CandidateFilters, candidates_search, visible_applications_prefetch

router = Router(tags=["candidates"])


class CandidateQuery(Schema):
    q: str = Field("", max_length=200, description="Name, e-mail, phone or words from the CV.")
    job: ObjectId | None = None
    stage: ObjectId | None = Field(None, description="Active applications in this stage.")
    source: Source | None = None
    applied_from: date | None = None
    applied_to: date | None = None


@router.get("/candidates", response=list[CandidateOut], summary="Search candidates")
@paginate(Pages)
def candidate_list(request: HttpRequest, query: Query[CandidateQuery]) -> QuerySet[Candidate]:
    user = request_user(request)
    filters = CandidateFilters(
        query=query.q,
        job_id=query.job,
        stage_id=query.stage,
        source=query.source or "",
        applied_from=query.applied_from,
        applied_to=query.applied_to,
    )
    return candidates_search(user=user, filters=filters)


@router.get(
    "/candidates/{candidate_id}", response={200: CandidateDetailOut, 404: ErrorOut}, summary="A candidate"
)
def candidate_detail(request: HttpRequest, candidate_id: ObjectId) -> Candidate:
    user = request_user(request)
    candidate = candidate_get(user=user, candidate_id=candidate_id)
    prefetch_related_objects([candidate], visible_applications_prefetch(user=user))
    return candidate
