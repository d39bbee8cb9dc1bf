"""The candidate's pages, phone first, no account: the signed link's token is the credential (a candidate
signed in to the portal gets a fresh link from there). One address shows what fits the attempt's state: the
start page, the questions with the clock, or "received". Answers autosave through `save` (fetch, JSON); the
same form posted without script saves every answer at once."""

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rekrut.assessments.models import AssessmentStatus
from rekrut.candidates.sessions import candidate_of
from rekrut.core.errors import DomainError, SignedLinkRefused, SignedLinkUnknown, SignedLinkWrongPurpose
from rekrut.core.http import client_ip, client_user_agent
from rekrut.core.signed_links import signed_link_verify
from rekrut.online_tests.models import Attempt, AttemptStatus, QuestionKind
from rekrut.online_tests.services.sending import LINK_PURPOSE, invitation_context, portal_link_issue
from rekrut.online_tests.services.taking import (
    Upload,
    answers_save,
    attempt_close_if_over,
    attempt_start,
    attempt_submit,
)

MAX_FIELDS = 500


def _private(response: HttpResponse, language: str) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    # Same-origin, not no-referrer: under no-referrer the browser posts the form with "Origin: null", which
    # the CSRF check refuses. The token in the address still never leaves the site.
    response["Referrer-Policy"] = "same-origin"
    response["Content-Language"] = language
    return response


def _language(request: HttpRequest, attempt: Attempt | None) -> str:
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    if chosen in dict(settings.LANGUAGES):
        return chosen
    return (attempt.language if attempt else "") or settings.LANGUAGE_CODE


def _page(request: HttpRequest, template: str, context: dict[str, Any], *, status: int = 200) -> HttpResponse:
    return render(
        request,
        template,
        {"company_name": settings.COMPANY_NAME, "contact": settings.ORGANIZER_EMAIL, **context},
        status=status,
    )


def _attempt_of(request: HttpRequest, token: str) -> Attempt | HttpResponse:
    try:
        link = signed_link_verify(
            token=token, purpose=LINK_PURPOSE, ip=client_ip(request), user_agent=client_user_agent(request)
        )
    except SignedLinkRefused as refused:
        status = 404 if isinstance(refused, SignedLinkUnknown | SignedLinkWrongPurpose) else 410
        with translation.override(_language(request, None)):
            return _private(
                _page(request, "online_tests/take/refused.html", {"message": refused.message}, status=status),
                _language(request, None),
            )
    attempt = (
        Attempt.objects.select_related(
            "test__assessment_type",
            "assessment__application__candidate",
            "assessment__application__job__location",
        )
        .filter(pk=link.subject_id)
        .first()
    )
    if attempt is None:
        raise Http404
    return attempt


def _values(request: HttpRequest) -> tuple[dict[int, str], dict[int, Upload]]:
    values: dict[int, str] = {}
    for name, value in list(request.POST.items())[:MAX_FIELDS]:
        if name.startswith("q") and name[1:].isdigit():
            values[int(name[1:])] = value
    uploads: dict[int, Upload] = {}
    for name, file in list(request.FILES.items())[:MAX_FIELDS]:
        if name.startswith("q") and name[1:].isdigit():
            uploads[int(name[1:])] = Upload(name=file.name or "", data=file.read())
    return values, uploads


def take(request: HttpRequest, token: str) -> HttpResponse:
    found = _attempt_of(request, token)
    if isinstance(found, HttpResponse):
        return found
    language = _language(request, found)
    with translation.override(language):
        request.LANGUAGE_CODE = language
        return _private(_take(request, token, found, language), language)


def _take(request: HttpRequest, token: str, attempt: Attempt, language: str) -> HttpResponse:
    attempt = attempt_close_if_over(attempt)
    error = None
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "start":
                attempt_start(
                    attempt=attempt,
                    consent=request.POST.get("consent") == "yes",
                    language=language,
                    ip=client_ip(request),
                    user_agent=client_user_agent(request),
                )
            elif action in ("save", "submit"):
                values, uploads = _values(request)
                if values or uploads:
                    answers_save(attempt=attempt, values=values, uploads=uploads)
                if action == "submit":
                    attempt_submit(attempt=attempt)
            return redirect("online_tests:take", token=token)
        except DomainError as refused:
            error = refused.message
            attempt = Attempt.objects.get(pk=attempt.pk)
    return _state_page(request, token, attempt, language, error)


def _state_page(
    request: HttpRequest, token: str, attempt: Attempt, language: str, error: Any
) -> HttpResponse:
    context: dict[str, Any] = {
        "attempt": attempt,
        "test": attempt.test,
        "kind": attempt.test.assessment_type,
        "token": token,
        "error": error,
        **invitation_context(attempt, language=language),
    }
    status = 200 if error is None else 400
    open_statuses = (AttemptStatus.SENT, AttemptStatus.IN_PROGRESS)
    cancelled = attempt.assessment.status == AssessmentStatus.CANCELLED
    if attempt.status == AttemptStatus.WITHDRAWN or (attempt.status in open_statuses and cancelled):
        message = _("This test was cancelled by the company.")
        return _page(request, "online_tests/take/refused.html", {"message": message}, status=410)
    if attempt.status == AttemptStatus.SENT:
        context["past_deadline"] = timezone.now() >= attempt.due_at
        return _page(request, "online_tests/take/start.html", context, status=status)
    if attempt.status == AttemptStatus.IN_PROGRESS:
        answers = list(
            attempt.answers.select_related("question", "option").prefetch_related("question__options")
        )
        items = []
        for answer in answers:
            options = {option.pk: option for option in answer.question.options.all()}
            items.append(
                {"answer": answer, "options": [options[pk] for pk in answer.option_order if pk in options]}
            )
        assert attempt.ends_at is not None
        context.update(
            items=items,
            kinds=QuestionKind,
            remaining=max(int((attempt.ends_at - timezone.now()).total_seconds()), 0),
        )
        return _page(request, "online_tests/take/questions.html", context, status=status)
    context["show_score"] = attempt.test.show_score_to_candidate and attempt.status == AttemptStatus.SCORED
    return _page(request, "online_tests/take/done.html", context, status=status)


@require_POST
def save(request: HttpRequest, token: str) -> HttpResponse:
    """One answer (or a few) from the page's script: JSON back, with the server's remaining seconds."""
    found = _attempt_of(request, token)
    if isinstance(found, HttpResponse):
        return JsonResponse({"ok": False, "code": "link_refused", "over": True}, status=found.status_code)
    language = _language(request, found)
    with translation.override(language):
        values, uploads = _values(request)
        try:
            answers_save(attempt=found, values=values, uploads=uploads)
        except DomainError as refused:
            current = Attempt.objects.get(pk=found.pk)
            over = current.status != AttemptStatus.IN_PROGRESS
            body = {"ok": False, "code": refused.code, "message": str(refused.message), "over": over}
            return _private(JsonResponse(body, status=409 if over else 400), language)
        assert found.ends_at is not None
        remaining = max(int((found.ends_at - timezone.now()).total_seconds()), 0)
        return _private(JsonResponse({"ok": True, "remaining": remaining}), language)


@require_POST
def from_portal(request: HttpRequest, attempt_id: int) -> HttpResponse:
    """The portal's "take the test" button: the signed-in candidate's own attempt gets a fresh link."""
    candidate = candidate_of(request)
    if candidate is None:
        return redirect("/portal/sign-in/?next=/portal/")
    attempt = Attempt.objects.filter(pk=attempt_id, assessment__application__candidate=candidate).first()
    if attempt is None:
        raise Http404
    issued = portal_link_issue(attempt=attempt)
    return redirect("online_tests:take", token=issued.token)
