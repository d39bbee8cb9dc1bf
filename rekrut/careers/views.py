"""The public careers site: open jobs with search and filters, a job page with its JobPosting JSON-LD, the
application form and its confirmation, the sitemap, and the company's logo and colours. No sign-in."""

import mimetypes

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from rekrut.accounts.throttling import RateLimited, address_key, digest, rate_limits_hit
from rekrut.candidates.consent import consent_text_version, retention_months
from rekrut.candidates.models import ConsentPurpose
from rekrut.candidates.sessions import candidate_of
from rekrut.careers.forms import ApplyForm, JobSearchForm
from rekrut.careers.jsonld import job_posting_script
from rekrut.careers.selectors import (
    PAGE_SIZE,
    branding_get,
    filter_choices,
    job_is_published,
    job_public_get,
    jobs_published,
    jobs_published_search,
)
from rekrut.core.errors import DomainError
from rekrut.core.http import client_ip, client_user_agent
from rekrut.core.site import absolute_url
from rekrut.intake.applying import Applicant, application_submit
from rekrut.intake.screening import screening_questions_of
from rekrut.jobs.models import Job

APPLIED_KEY = "rekrut_careers_applied"


def _page(request: HttpRequest, template: str, context: dict, status: int = 200) -> HttpResponse:
    return render(request, template, {"branding": branding_get(), **context}, status=status)


@require_GET
def job_list(request: HttpRequest) -> HttpResponse:
    departments, locations = filter_choices()
    form = JobSearchForm(request.GET or None, departments=departments, locations=locations)
    jobs = jobs_published_search(form.filters())
    page = Paginator(jobs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return _page(
        request,
        "careers/list.html",
        {"form": form, "page": page, "jobs": page.object_list, "query": query.urlencode()},
    )


def _job_or_gone(request: HttpRequest, job_id: int) -> Job | HttpResponse:
    """The published job, or the answer for one that is not: 410 for a job that closed, 404 for one the
    public never saw."""
    job = job_public_get(job_id)
    if job is None:
        raise Http404
    if not job_is_published(job):
        return _page(request, "careers/gone.html", {"job": job}, status=410)
    return job


@require_GET
def job_detail(request: HttpRequest, job_id: int) -> HttpResponse:
    job = _job_or_gone(request, job_id)
    if isinstance(job, HttpResponse):
        return job
    branding = branding_get()
    return _page(
        request,
        "careers/job.html",
        {
            "job": job,
            "jsonld": job_posting_script(job, branding=branding),
            "canonical": absolute_url("careers:job", job.pk),
        },
    )


def _rate_limited(request: HttpRequest, job: Job, waited: RateLimited) -> HttpResponse:
    minutes = max(1, round(waited.retry_after / 60))
    response = _page(
        request,
        "careers/rate_limited.html",
        {"job": job, "minutes": minutes},
        status=429,
    )
    response["Retry-After"] = str(waited.retry_after)
    return response


def apply(request: HttpRequest, job_id: int) -> HttpResponse:
    job = _job_or_gone(request, job_id)
    if isinstance(job, HttpResponse):
        return job
    questions = screening_questions_of(job=job)
    form = ApplyForm(request.POST or None, request.FILES or None, questions=questions)
    if request.method == "POST":
        email = request.POST.get("email", "").strip().lower()
        hits = [("careers_apply", address_key(client_ip(request)))]
        if email:
            hits.append(("careers_apply_email", digest(email)))
        try:
            # Counted before anything is read: a flood is refused before it costs a CV reading.
            rate_limits_hit(hits=hits)
        except RateLimited as waited:
            return _rate_limited(request, job, waited)
        if form.is_valid():
            assert form.cv_upload is not None
            language = translation.get_language() or "id"
            applicant = Applicant(
                full_name=form.cleaned_data["full_name"],
                email=form.cleaned_data["email"],
                phone=form.cleaned_data["phone"],
                city=form.cleaned_data["city"],
                cv=form.cv_upload,
                language="en" if language.startswith("en") else "id",
                consents=form.consents(),
                answers=form.answers(),
                resume=form.resume,
                ip=client_ip(request),
                user_agent=client_user_agent(request),
            )
            try:
                applied = application_submit(job=job, applicant=applicant)
            except DomainError as refused:
                form.add_error(None, refused.message)
            else:
                request.session[APPLIED_KEY] = {
                    "job": job.pk,
                    "created": applied.created,
                    "email": applicant.email,
                    "application": applied.application.pk,
                }
                return redirect("careers:applied", job_id=job.pk)
    return _page(
        request,
        "careers/apply.html",
        {
            "job": job,
            "form": form,
            "retention_months": retention_months(),
            "consent_version": consent_text_version(ConsentPurpose.APPLICATION),
        },
    )


def _email_masked(email: str) -> str:
    """p•••@gmail.com: enough for the applicant to recognise, not enough for someone looking over them."""
    local, _at, domain = email.partition("@")
    return f"{local[:1]}•••@{domain}" if domain else ""


@require_GET
def applied(request: HttpRequest, job_id: int) -> HttpResponse:
    """The confirmation after sending (or the note that they had applied before): shown to the browser that
    sent the application, from its session; anyone else is sent to the job page."""
    sent = request.session.get(APPLIED_KEY) or {}
    job = job_public_get(job_id)
    if job is None or sent.get("job") != job.pk:
        return redirect("careers:job", job_id=job_id)
    candidate = candidate_of(request)
    return _page(
        request,
        "careers/applied.html",
        {
            "job": job,
            "created": sent.get("created", True),
            "email": _email_masked(sent.get("email", "")),
            "signed_in": candidate is not None and candidate.email.lower() == sent.get("email"),
        },
    )


@require_GET
@cache_control(public=True, max_age=300)
def logo(request: HttpRequest) -> HttpResponse | FileResponse:
    branding = branding_get()
    if not branding.logo:
        raise Http404
    content_type = mimetypes.guess_type(branding.logo.name or "")[0] or "application/octet-stream"
    response = FileResponse(branding.logo.open("rb"), content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
@cache_control(public=True, max_age=300)
def brand_css(request: HttpRequest) -> HttpResponse:
    """The company's colours as CSS variables: the policy allows no inline style elements, so they come
    from this small file (the colours are checked as #rrggbb when saved)."""
    branding = branding_get()
    css = (
        f":root{{--brand-primary:{branding.primary_colour};--brand-accent:{branding.accent_colour};}}\n"
        ".careers{--pico-primary:var(--brand-primary);--pico-primary-background:var(--brand-primary);"
        "--pico-primary-border:var(--brand-primary);--pico-primary-hover:var(--brand-accent);"
        "--pico-primary-hover-background:var(--brand-accent);--pico-primary-hover-border:var(--brand-accent);}\n"
    )
    return HttpResponse(css, content_type="text/css; charset=utf-8")


@require_GET
def careers_sitemap(request: HttpRequest) -> HttpResponse:
    """/sitemap.xml: the careers site and every published job page (closed jobs leave it at once)."""
    jobs = jobs_published().select_related(None).only("pk", "updated_at").order_by("pk")
    entries = [{"loc": absolute_url("careers:jobs"), "lastmod": None}] + [
        {"loc": absolute_url("careers:job", job.pk), "lastmod": job.updated_at.date().isoformat()}
        for job in jobs
    ]
    return render(request, "careers/sitemap.xml", {"entries": entries}, content_type="application/xml")
