"""HR's preview of a job's careers page before it is published (a draft, a job on hold): the page as
candidates will see it, with a banner that says it is not public, the application form switched off, and
nothing a search engine may keep (no JSON-LD, no canonical link, X-Robots-Tag: noindex)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from rekrut.accounts.http import AuthedRequest
from rekrut.candidates.consent import consent_text_version, retention_months
from rekrut.candidates.models import ConsentPurpose
from rekrut.careers.forms import ApplyForm
from rekrut.careers.selectors import branding_get, job_is_published
from rekrut.intake.screening import screening_questions_of
from rekrut.jobs.access import job_access_get
from rekrut.jobs.models import JobStatus


@require_GET
@login_required
@never_cache
def job_preview(request: AuthedRequest, job_id: int) -> HttpResponse:
    # Anyone who may see the job in the staff app may preview it; anyone else gets the same 404.
    job = job_access_get(user=request.user, job_id=job_id).job
    response = render(
        request,
        "careers/preview.html",
        {
            "branding": branding_get(),
            "job": job,
            "preview": True,
            "published": job_is_published(job),
            "is_draft": job.status == JobStatus.DRAFT,
            "form": ApplyForm(questions=screening_questions_of(job=job)),
            "retention_months": retention_months(),
            "consent_version": consent_text_version(ConsentPurpose.APPLICATION),
        },
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
