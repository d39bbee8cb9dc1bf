"""The candidate pages of the staff desk: the searchable list, a candidate with their applications and
interviews, their CV, and merging two records of one person."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.clickjacking import xframe_options_sameorigin

from rekrut.accounts.http import AuthedRequest
from rekrut.candidates.models import Candidate
from rekrut.candidates.whatsapp import whatsapp_greeting, whatsapp_link
from rekrut.core.actions import carry_out
from rekrut.core.files import file_response, stored_file_open
from rekrut.core.uploads import DOCUMENT_TYPES, document_kind, download_filename
from rekrut.desk.forms import SearchForm
from rekrut.desk.resume import resume_summary
from rekrut.events.actions import action_register
from rekrut.events.services import audit_record
from rekrut.intake.screening import screening_answers_for
from rekrut.jobs.selectors import job_choices_for
from rekrut.notifications.selectors import messages_to
from rekrut.pipeline import merging
from rekrut.pipeline.access import (
    application_accesses,
    candidate_access_get,
    candidate_duplicates_for,
    candidate_get,
)
from rekrut.pipeline.models import ApplicationStatus
from rekrut.pipeline.search import CandidateFilters, candidates_search, count_capped
from rekrut.pipeline.selectors import candidate_applications

action_register("candidate.viewed", gettext_lazy("Candidate record viewed"))

PAGE_SIZE = 25
# The candidate page lists this many of the newest messages sent to the candidate, and says how many more.
MESSAGES_SHOWN = 50


class CappedPaginator(Paginator):
    """Counts matches only up to SEARCH_COUNT_CAP: the list then says "more than …", and the pages go as
    far as the cap (a narrower search finds the rest)."""

    is_capped = False

    @cached_property
    def count(self) -> int:
        counted, self.is_capped = count_capped(self.object_list)  # type: ignore[arg-type]
        return counted


@login_required
def candidate_list(request: AuthedRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    filters = CandidateFilters()
    if form.is_bound:
        # A filter that is not valid (a search text over the limit, a mangled date) is left out and said
        # why; the valid ones still apply.
        form.is_valid()
        d = form.cleaned_data
        filters = CandidateFilters(
            query=d.get("q") or "",
            job_id=d.get("job"),
            stage_id=d.get("stage"),
            source=d.get("source") or "",
            applied_from=d.get("applied_from"),
            applied_to=d.get("applied_to"),
        )
        for name, errors in form.errors.items():
            text = " ".join(str(error) for error in errors)
            messages.error(request, f"{form.fields[name].label or name}: {text}")
    candidates = candidates_search(user=request.user, filters=filters)
    page = CappedPaginator(candidates, PAGE_SIZE).get_page(request.GET.get("page"))
    query_string = urlencode({k: v for k, v in request.GET.items() if k != "page" and v})
    template = "desk/_candidate_results.html" if request.htmx else "desk/candidate_list.html"
    if request.htmx and form.errors:
        template = "desk/_candidate_results_with_messages.html"
    context = {
        "nav": "candidates",
        "form": form,
        "page": page,
        "jobs": job_choices_for(user=request.user),
        "filters": filters,
        "query_string": query_string,
    }
    return render(request, template, context)


@login_required
def candidate_detail(request: AuthedRequest, candidate_id: int) -> HttpResponse:
    access = candidate_access_get(user=request.user, candidate_id=candidate_id)
    candidate = access.candidate
    applications = candidate_applications(user=request.user, candidate=candidate)
    duplicates: list[Candidate] = []
    if access.can_see_duplicates:
        duplicates, _hidden = candidate_duplicates_for(
            user=request.user, email=candidate.email, phone=candidate.phone, exclude_id=candidate.pk
        )
    apply_jobs = job_choices_for(user=request.user, include_closed=False).exclude(
        pk__in=applications.values("job_id")
    )
    if not access.can_apply_to_jobs:
        apply_jobs = apply_jobs.none()
    accesses = application_accesses(user=request.user, applications=applications)
    answers = screening_answers_for(a.application.pk for a in accesses)
    for app_access in accesses:
        app_access.application.screening = answers.get(app_access.application.pk, [])  # type: ignore[attr-defined]
    sent = list(messages_to(address=candidate.email)[: MESSAGES_SHOWN + 1])
    # The greeting names the job the candidate is most likely talking about: the newest open application.
    newest = next((a.application for a in accesses if a.application.status == ApplicationStatus.ACTIVE), None)
    greeting = whatsapp_greeting(candidate=candidate, job_title=newest.job.title if newest else "")
    # Personal data was shown: the access log says to whom (UU 27/2022 PDP Ps 31); HR admins read it on
    # the candidate's personal data page (rekrut/privacy).
    audit_record(actor=request.user, action="candidate.viewed", subject=candidate)
    return render(
        request,
        "desk/candidate_detail.html",
        {
            "nav": "candidates",
            "candidate": candidate,
            "access": access,
            "applications": accesses,
            "events": candidate.events.select_related("actor"),
            "apply_jobs": apply_jobs,
            "duplicates": duplicates,
            "sent_messages": sent[:MESSAGES_SHOWN],
            "more_messages": len(sent) > MESSAGES_SHOWN,
            "whatsapp_url": whatsapp_link(phone=candidate.phone, text=greeting),
            "resume": resume_summary(candidate.resume),
        },
    )


@login_required
def candidate_merge(request: AuthedRequest, keep_id: int, duplicate_id: int) -> HttpResponse:
    """GET: the two records side by side. POST: fold the duplicate into the kept record (HR only)."""
    if keep_id == duplicate_id:
        raise Http404
    # Like the other candidate pages: a record the user may not see is a 404, then the role is checked.
    keep = candidate_access_get(user=request.user, candidate_id=keep_id)
    duplicate = candidate_access_get(user=request.user, candidate_id=duplicate_id)
    if not (keep.can_merge and duplicate.can_merge):
        raise PermissionDenied
    if request.method == "POST":
        merged = carry_out(
            request,
            lambda: merging.candidate_merge(
                actor=request.user, keep=keep.candidate, duplicate=duplicate.candidate
            ),
            _("The record #%(duplicate)s is merged into this one.") % {"duplicate": duplicate_id},
        )
        if merged is not None:
            return redirect("desk:candidate", candidate_id=keep_id)
    records = merging.merge_preview(user=request.user, keep=keep.candidate, duplicate=duplicate.candidate)
    return render(
        request,
        "desk/candidate_merge.html",
        {"nav": "candidates", "keep": keep.candidate, "duplicate": duplicate.candidate, "records": records},
    )


@login_required
@xframe_options_sameorigin  # the candidate page previews the PDF in a frame; every other page is DENY
def candidate_cv(request: AuthedRequest, candidate_id: int) -> HttpResponseBase:
    """The CV file, to people who may see the candidate, as a download named and typed after its content
    (not the uploader's file name). `?inline=1` shows a real PDF in the page's preview frame."""
    candidate = candidate_get(user=request.user, candidate_id=candidate_id)
    if not candidate.cv_file:
        raise Http404
    try:
        # Only what the file is is read here (a bucket answers ranged reads); the bytes go out below.
        with stored_file_open(candidate.cv_file) as head:
            kind = document_kind(head)
    except FileNotFoundError:
        raise Http404 from None
    inline = request.GET.get("inline") == "1"
    if inline and kind != "pdf":  # only a PDF is ever shown in the page; anything else is downloaded
        raise Http404
    # Personal data was shown or handed out: the audit log says to whom (UU 27/2022 PDP, Ps 31).
    audit_record(actor=request.user, action="cv.viewed" if inline else "cv.downloaded", subject=candidate)
    # A preview streams with a sandbox policy (an origin of its own, no scripts, no forms), which Chromium's
    # PDF viewer honours; the frame itself cannot carry the sandbox attribute (Chromium then shows no PDF).
    return file_response(
        request,
        candidate.cv_file,
        filename=download_filename(name=candidate.cv_name or f"cv-{candidate.pk}", kind=kind),
        content_type=DOCUMENT_TYPES[kind],
        inline=inline,
    )
