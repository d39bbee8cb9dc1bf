"""The jobs list: every job the viewer may see, with how many applications are active and hired."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from rekrut.accounts.http import AuthedRequest
from rekrut.jobs.models import JobStatus
from rekrut.pipeline.selectors import jobs_with_counts


@login_required
def job_list(request: AuthedRequest) -> HttpResponse:
    status = request.GET.get("status") or None
    if status not in JobStatus.values:
        status = None
    jobs = jobs_with_counts(user=request.user, status=status, query=request.GET.get("q", "").strip())
    return render(
        request,
        "desk/job_list.html",
        {"nav": "jobs", "jobs": jobs, "statuses": JobStatus.choices, "status": status},
    )
