"""Jobs, through the same selectors as the job pages."""

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from rekrut.api.auth import request_user
from rekrut.api.pagination import Pages
from rekrut.api.schemas import ErrorOut, JobDetailOut, JobListItemOut, ObjectId
from rekrut.jobs.models import Job, JobStatus
from rekrut.jobs.selectors import job_get, jobs_for_list

router = Router(tags=["jobs"])


class JobFilters(Schema):
    status: JobStatus | None = None
    q: str = Field("", max_length=200, description="Part of the title or department name.")


@router.get("/jobs", response=list[JobListItemOut], summary="Jobs the caller may see")
@paginate(Pages)
def job_list(request: HttpRequest, filters: Query[JobFilters]) -> QuerySet[Job]:
    return jobs_for_list(user=request_user(request), status=filters.status, query=filters.q.strip())


@router.get("/jobs/{job_id}", response={200: JobDetailOut, 404: ErrorOut}, summary="A job with its stages")
def job_detail(request: HttpRequest, job_id: ObjectId) -> Job:
    return job_get(user=request_user(request), job_id=job_id)
