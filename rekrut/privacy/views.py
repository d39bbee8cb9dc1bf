"""The privacy pages: the candidate's "My data" in the portal, and HR's request queue and a candidate's
privacy page (who viewed the record, retention, JSON Resume in and out)."""

import json
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rekrut.accounts.http import AuthedRequest
from rekrut.candidates.consent import CONSENT_VERSIONS
from rekrut.candidates.jsonresume import resume_export
from rekrut.candidates.models import Candidate, ConsentPurpose
from rekrut.candidates.sessions import candidate_required, candidate_session_end
from rekrut.core.actions import carry_out
from rekrut.events.services import audit_record
from rekrut.pipeline.access import candidate_access_get
from rekrut.privacy import selectors, services
from rekrut.privacy.download import personal_data_json
from rekrut.privacy.forms import AnswerForm, DataRequestForm, ResumeImportForm, RetentionForm
from rekrut.privacy.models import DataRequest, Erasure, RequestKind, RetentionHold
from rekrut.privacy.retention import privacy_policy, retention_ends_on


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "same-origin"
    return response


def candidate_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A portal page of this app: a signed-in candidate (else the sign-in page), in their language, never
    cached; an erased record's session ends."""

    @candidate_required
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        candidate: Candidate = request.candidate  # type: ignore[attr-defined]
        if Erasure.objects.filter(candidate=candidate).exists():
            candidate_session_end(request)
            return redirect("portal:sign_in")
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = (
            chosen if chosen in dict(settings.LANGUAGES) else candidate.language or settings.LANGUAGE_CODE
        )
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = view(request, candidate, *args, **kwargs)
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
        return _private(response)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


@candidate_page
def my_data(request: HttpRequest, candidate: Candidate) -> HttpResponse:
    """What the company holds and the candidate's rights: download, correct, withdraw consent, delete."""
    consents = candidate.consents.order_by("-given_at")
    return render(
        request,
        "privacy/my_data.html",
        {
            "candidate": candidate,
            "company_name": settings.COMPANY_NAME,
            "contact": settings.ORGANIZER_EMAIL,
            "consents": consents,
            "requests": selectors.candidate_requests(candidate),
            "retention_months": privacy_policy().retention_months,
            "retention_ends_on": retention_ends_on(candidate),
            "correction_form": DataRequestForm(initial={"kind": RequestKind.CORRECTION}),
            "deletion_form": DataRequestForm(initial={"kind": RequestKind.DELETION}),
            "purposes": ConsentPurpose,
            "versions": CONSENT_VERSIONS,
        },
    )


@require_POST
@candidate_page
def my_data_request(request: HttpRequest, candidate: Candidate) -> HttpResponse:
    form = DataRequestForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        carry_out(
            request,
            lambda: services.data_request_create(
                candidate=candidate, kind=data["kind"], details=data["details"], purpose=data["purpose"] or ""
            ),
            _("Your request is recorded. HR answers within 3×24 hours."),
        )
    else:
        _form_errors(request, form)
    return redirect("privacy:my_data")


@candidate_page
def my_data_download(request: HttpRequest, candidate: Candidate) -> HttpResponse:
    """Everything held about the candidate as one JSON file (the CV part as JSON Resume)."""
    with transaction.atomic():
        audit_record(actor=None, action="candidate.data_downloaded", subject=candidate)
    response = HttpResponse(personal_data_json(candidate), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def queue(request: AuthedRequest) -> HttpResponse:
    """Candidates' data requests for HR admins, the nearest deadline first, late ones marked."""
    if not selectors.may_handle_requests(request.user):
        raise PermissionDenied
    return render(
        request,
        "privacy/queue.html",
        {
            "nav": "privacy",
            "open_requests": selectors.requests_queue(user=request.user),
            "answered": selectors.requests_queue(user=request.user, answered=True),
        },
    )


@login_required
def request_detail(request: AuthedRequest, request_id: int) -> HttpResponse:
    if not selectors.may_handle_requests(request.user):
        raise PermissionDenied
    data_request = get_object_or_404(DataRequest.objects.select_related("candidate"), pk=request_id)
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        answered = carry_out(
            request,
            lambda: services.data_request_answer(
                actor=request.user,
                request=data_request,
                done=form.cleaned_data["done"],
                answer=form.cleaned_data["answer"],
            ),
            _("The request is answered."),
            form=form,
        )
        if answered is not None:
            return redirect("privacy:queue")
    queued = selectors.QueuedRequest(request=data_request, now=timezone.now())
    return render(
        request,
        "privacy/request.html",
        {"nav": "privacy", "queued": queued, "data_request": data_request, "form": form},
    )


def _hr_candidate(request: AuthedRequest, candidate_id: int) -> Candidate:
    """The candidate, if the user may see them (else 404), for HR only (else 403)."""
    access = candidate_access_get(user=request.user, candidate_id=candidate_id)
    if not request.user.is_hr:
        raise PermissionDenied
    return access.candidate


@login_required
def candidate_privacy(request: AuthedRequest, candidate_id: int) -> HttpResponse:
    """A candidate's personal data as HR manages it: retention, JSON Resume, requests, who viewed it."""
    candidate = _hr_candidate(request, candidate_id)
    return render(
        request,
        "privacy/candidate.html",
        {
            "nav": "candidates",
            "candidate": candidate,
            "erasure": Erasure.objects.filter(candidate=candidate).first(),
            "hold": RetentionHold.objects.filter(candidate=candidate).select_related("set_by").first(),
            "retention_ends_on": retention_ends_on(candidate),
            "retention_form": RetentionForm(),
            "import_form": ResumeImportForm(),
            "requests": selectors.candidate_requests(candidate),
            "may_read_log": selectors.may_read_audit_log(request.user),
            "access_log": selectors.candidate_access_log(user=request.user, candidate=candidate),
        },
    )


@require_POST
@login_required
def retention_extend(request: AuthedRequest, candidate_id: int) -> HttpResponse:
    candidate = _hr_candidate(request, candidate_id)
    form = RetentionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        carry_out(
            request,
            lambda: services.retention_extend(
                actor=request.user,
                candidate=candidate,
                until=data["until"],
                reason=data["reason"],
                talent_pool=data["talent_pool"],
            ),
            _("The candidate's data is kept until the day you chose."),
        )
    else:
        _form_errors(request, form)
    return redirect("privacy:candidate", candidate_id=candidate.pk)


@require_POST
@login_required
def resume_import(request: AuthedRequest, candidate_id: int) -> HttpResponse:
    candidate = _hr_candidate(request, candidate_id)
    form = ResumeImportForm(request.POST, request.FILES)
    if form.is_valid():
        carry_out(
            request,
            lambda: services.resume_import_by_hr(
                actor=request.user, candidate=candidate, data=form.cleaned_data["file"]
            ),
            _("The JSON Resume is imported."),
        )
    else:
        _form_errors(request, form)
    return redirect("privacy:candidate", candidate_id=candidate.pk)


@login_required
def resume_download(request: AuthedRequest, candidate_id: int) -> HttpResponse:
    """The candidate's résumé as a JSON Resume file, for HR; logged like a CV download."""
    candidate = _hr_candidate(request, candidate_id)
    if Erasure.objects.filter(candidate=candidate).exists():
        raise Http404
    document = resume_export(candidate)
    with transaction.atomic():
        audit_record(actor=request.user, action="candidate.resume_exported", subject=candidate)
    body = json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="resume-{candidate.pk}.json"'
    response["X-Content-Type-Options"] = "nosniff"
    return _private(response)


def _form_errors(request: HttpRequest, form: Any) -> None:
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        text = " ".join(str(error) for error in errors)
        messages.error(request, f"{label}: {text}" if label else text)
