"""The ranking of a job's applications in CV screening against its requirements, with the reasons.

A list HR reads: each applicant links to their page, where moving or rejecting goes through the pipeline's
usual pages one application at a time. Nothing here changes an application.
"""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from rekrut.accounts.http import AuthedRequest
from rekrut.intake.ranking.ranking import SCREENING_KINDS, applications_rank
from rekrut.jobs.access import job_access_get
from rekrut.jobs.models import LanguageLevel
from rekrut.jobs.requirements import job_requirements_of
from rekrut.jobs.selectors import stages_of

PAGE_SIZE = 50


@login_required
def ranking(request: AuthedRequest, job_id: int) -> HttpResponse:
    access = job_access_get(user=request.user, job_id=job_id)
    job = access.job
    stages = stages_of(job=job, active_only=True)
    chosen = request.GET.get("stage", "")
    picked = [stage for stage in stages if str(stage.pk) == chosen]
    ranked_stages = picked or [stage for stage in stages if stage.kind in SCREENING_KINDS]
    requirements = job_requirements_of(job=job)
    ranked = applications_rank(job=job, requirements=requirements, stages=ranked_stages)
    page = Paginator(ranked, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "desk/ranking.html",
        {
            "nav": "jobs",
            "job": job,
            "access": access,
            "requirements": requirements,
            "languages": [
                (ask.get("language", ""), LanguageLevel(ask["level"]).label)
                for ask in requirements.languages
                if ask.get("level") in LanguageLevel.values
            ],
            "stages": stages,
            "stage": picked[0] if picked else None,
            "ranked_stages": ranked_stages,
            "page": page,
            "query_string": urlencode({"stage": chosen} if picked else {}),
        },
    )
