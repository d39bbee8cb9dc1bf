from typing import Any, cast
from urllib.parse import urlencode

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin

from rekrut.accounts.http import AuthedRequest
from rekrut.accounts.models import User
from rekrut.candidates import selectors, services
from rekrut.candidates.forms import CandidateForm, SearchForm
from rekrut.core.errors import DomainError
from rekrut.jobs.selectors import job_choices_for, jobs_visible_to

PAGE_SIZE = 25


@login_required
def candidate_list(request: AuthedRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    filters = selectors.CandidateFilters()
    if form.is_valid():
        d = form.cleaned_data
        filters = selectors.CandidateFilters(
            query=d["q"] or "",
            job_id=d["job"],
            stage_id=d["stage"],
            source=d["source"] or "",
            applied_from=d["applied_from"],
            applied_to=d["applied_to"],
        )
    candidates = selectors.candidates_search(user=request.user, filters=filters)
    page = Paginator(candidates, PAGE_SIZE).get_page(request.GET.get("page"))
    jobs = job_choices_for(user=request.user)
    query_string = urlencode({k: v for k, v in request.GET.items() if k != "page" and v})
    template = "candidates/_results.html" if request.htmx else "candidates/list.html"
    return render(
        request,
        template,
        {
            "nav": "candidates",
            "form": form,
            "page": page,
            "jobs": jobs,
            "filters": filters,
            "query_string": query_string,
        },
    )


@login_required
def candidate_detail(request: AuthedRequest, candidate_id: int) -> HttpResponse:
    candidate = selectors.candidate_get(user=request.user, candidate_id=candidate_id)
    applications_model = apps.get_model("pipeline", "Application")  # pipeline sits above this app
    # Only applications on jobs this user may see (HR admins: all).
    visible_jobs = jobs_visible_to(user=request.user).values("pk")
    applications = (
        applications_model._default_manager.filter(candidate=candidate, job__in=visible_jobs)
        .select_related("job", "stage", "reject_reason")
        .prefetch_related(
            Prefetch(
                "transitions",
                queryset=apps.get_model("pipeline", "Transition")
                ._default_manager.select_related("actor", "from_stage", "to_stage", "reason")
                .order_by("at", "pk"),
            )
        )
    )
    return render(
        request,
        "candidates/detail.html",
        {
            "nav": "candidates",
            "candidate": candidate,
            "applications": applications,
            "events": candidate.events.select_related("actor"),
            "apply_jobs": job_choices_for(user=request.user, include_closed=False).exclude(
                pk__in=applications.values("job_id")
            ),
            "duplicates": selectors.candidate_duplicates_for(
                user=request.user, email=candidate.email, phone=candidate.phone, exclude_id=candidate.pk
            )[0]
            if request.user.is_hr
            else [],
        },
    )


@login_required
@xframe_options_sameorigin  # the candidate page previews the PDF in a frame; every other page is DENY
def candidate_cv(request: AuthedRequest, candidate_id: int) -> FileResponse:
    """The CV file, to people who may see the candidate. `?inline=1` for the in-page preview."""
    candidate = selectors.candidate_get(user=request.user, candidate_id=candidate_id)
    if not candidate.cv_file:
        raise Http404
    is_pdf = (candidate.cv_file.name or "").endswith(".pdf")
    inline = request.GET.get("inline") == "1" and is_pdf
    response = FileResponse(
        candidate.cv_file.open("rb"),
        as_attachment=not inline,
        filename=candidate.cv_name or f"cv-{candidate.pk}.{'pdf' if is_pdf else 'docx'}",
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def candidate_edit(request: AuthedRequest, candidate_id: int) -> HttpResponse:
    candidate = selectors.candidate_get(user=request.user, candidate_id=candidate_id)
    if not request.user.is_hr:
        raise PermissionDenied
    form = CandidateForm(request.POST or None, request.FILES or None, instance=candidate)
    loaded = request.POST.get("loaded_version") or candidate.updated_at.isoformat()
    if request.method == "POST" and form.is_valid():
        try:
            services.candidate_update(
                actor=request.user,
                candidate=candidate,
                loaded_version=loaded,
                cv=form.cv_upload,
                **form.candidate_fields(),
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The candidate is saved."))
            return redirect("candidates:detail", candidate_id=candidate.pk)
    return render(
        request,
        "candidates/edit.html",
        {"nav": "candidates", "form": form, "candidate": candidate, "loaded_version": loaded},
    )


@login_required
def candidate_merge(request: AuthedRequest, keep_id: int, duplicate_id: int) -> HttpResponse:
    """GET: the two records side by side. POST: fold the duplicate into the kept record (HR only)."""
    user = cast(User, request.user)
    if keep_id == duplicate_id:
        raise Http404
    # Like the other candidate pages: a record the user may not see is a 404, then the role is checked.
    keep = selectors.candidate_get(user=user, candidate_id=keep_id)
    duplicate = selectors.candidate_get(user=user, candidate_id=duplicate_id)
    if not user.is_hr:
        raise PermissionDenied
    if request.method == "POST":
        try:
            services.candidate_merge(actor=user, keep=keep, duplicate=duplicate)
        except DomainError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(
                request,
                _("The record #%(duplicate)s is merged into this one.") % {"duplicate": duplicate.pk},
            )
            return redirect("candidates:detail", candidate_id=keep.pk)
    applications_model = apps.get_model("pipeline", "Application")  # pipeline sits above this app
    applications: list[Any] = list(
        applications_model._default_manager.filter(candidate__in=[keep, duplicate])
        .select_related("job", "stage")
        .order_by("-applied_at")
    )
    # Every application moves with the merge; the page lists those on jobs this user may see.
    visible_jobs = set(
        jobs_visible_to(user=user)
        .filter(pk__in={a.job_id for a in applications})
        .values_list("pk", flat=True)
    )
    records = []
    for candidate in (keep, duplicate):
        own = [a for a in applications if a.candidate_id == candidate.pk]
        shown = [a for a in own if a.job_id in visible_jobs]
        records.append({"candidate": candidate, "applications": shown, "hidden": len(own) - len(shown)})
    return render(
        request,
        "candidates/merge.html",
        {"nav": "candidates", "keep": keep, "duplicate": duplicate, "records": records},
    )
