"""Practice pages at /careers/practice/: public, phone first, in the candidate's language.

Private by design: a visitor who is not signed in leaves nothing stored (the state travels in the query string
and the form); a candidate signed in through their portal link keeps their own history, which no staff page,
report or screening reads.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from rekrut.candidates.models import Candidate
from rekrut.candidates.sessions import candidate_of, candidate_required
from rekrut.core.actions import carry_out
from rekrut.core.errors import DomainError
from rekrut.practice import services
from rekrut.practice.bank import question_get
from rekrut.practice.criteria import criteria_of
from rekrut.practice.feedback import feedback_compute, language_guess
from rekrut.practice.feedback.delivery import GOOD_RANGE, WORDS_PER_MINUTE
from rekrut.practice.feedback.explain import STAR_HINTS, STAR_NAMES, feedback_notes
from rekrut.practice.forms import AnswerForm, RateForm, StartForm, StateForm
from rekrut.practice.highlight import answer_segments
from rekrut.practice.plans import Plan, plan_from
from rekrut.practice.selectors import answer_of, applications_for_practice, history_of, job_public_get


def practice_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Bahasa Indonesia unless the visitor chose English or the signed-in candidate reads English (the
    portal's rule); answers are never cached: a phone or a café computer may be shared."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        candidate = candidate_of(request)
        language = chosen if chosen in dict(settings.LANGUAGES) else (candidate.language if candidate else "")
        language = language or settings.LANGUAGE_CODE
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
        response["Cache-Control"] = "private, no-store"
        response["Content-Language"] = language
        return response

    return wrapped


def _render(request: HttpRequest, template: str, context: dict, status: int = 200) -> HttpResponse:
    candidate = candidate_of(request)
    return render(
        request, template, {"candidate": candidate, "stored": candidate is not None, **context}, status=status
    )


def _question_url(plan: Plan, n: int) -> str:
    return reverse("practice:question") + "?" + urlencode(plan.state(n))


def _plan_or_refusal(request: HttpRequest, form: StateForm) -> Plan | HttpResponse:
    if not form.is_valid():
        messages.error(request, _("This practice link is incomplete. Choose a round to start again."))
        return redirect("practice:start")
    try:
        return plan_from(form.cleaned_data, candidate_of(request))
    except DomainError as refused:
        messages.error(request, refused.message)
        return redirect("practice:start")


def _timing(round_type: str) -> dict[str, int]:
    low, high = GOOD_RANGE.get(round_type, (70, 300))
    return {
        "low_seconds": round(low * 60 / WORDS_PER_MINUTE),
        "high_seconds": round(high * 60 / WORDS_PER_MINUTE),
    }


@practice_page
@require_http_methods(["GET", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    candidate = candidate_of(request)
    applications = list(applications_for_practice(candidate)) if candidate else []
    data = request.POST if request.method == "POST" else None
    initial = {
        key: request.GET.get(key) for key in ("round", "family", "job", "application") if request.GET.get(key)
    }
    form = StartForm(data, initial=initial, applications=applications)
    job = None
    job_param = request.GET.get("job") or request.POST.get("job")
    if job_param and job_param.isdigit():
        job = job_public_get(int(job_param))
    if request.method == "POST" and form.is_valid():
        try:
            plan = plan_from(form.cleaned_data, candidate)
        except DomainError as refused:
            form.add_error(None, refused.message)
        else:
            if candidate is not None:
                plan.session = carry_out(
                    request,
                    lambda: services.practice_session_start(
                        candidate=candidate, round_type=plan.round_type, job_family=plan.family, job=plan.job
                    ),
                    None,
                    form=form,
                )
            if not form.errors:
                return redirect(_question_url(plan, 0))
    return _render(request, "practice/start.html", {"form": form, "job": job, "applications": applications})


@practice_page
def question(request: HttpRequest) -> HttpResponse:
    plan = _plan_or_refusal(request, StateForm(request.GET))
    if isinstance(plan, HttpResponse):
        return plan
    n = int(request.GET.get("n") or 0)
    if n >= len(plan.questions):
        return _finished(request)
    asked = plan.questions[n]
    form = AnswerForm(initial={**plan.state(n), "key": asked.key})
    return _question_page(request, plan, n, form)


def _question_page(
    request: HttpRequest, plan: Plan, n: int, form: AnswerForm, status: int = 200
) -> HttpResponse:
    return _render(
        request,
        "practice/question.html",
        {
            "plan": plan,
            "asked": plan.questions[n],
            "number": n + 1,
            "total": len(plan.questions),
            "form": form,
            **_timing(plan.round_type),
        },
        status=status,
    )


@practice_page
@require_POST
def feedback(request: HttpRequest) -> HttpResponse:
    form = AnswerForm(request.POST)
    state = StateForm(request.POST)
    plan = _plan_or_refusal(request, state)
    if isinstance(plan, HttpResponse):
        return plan
    n = state.cleaned_data.get("n") or 0
    asked = question_get(request.POST.get("key", ""))
    if asked is None or n >= len(plan.questions) or plan.questions[n].key != asked.key:
        messages.error(
            request, _("That question is not part of this practice run. Here is where you left off.")
        )
        return redirect(_question_url(plan, min(n, max(len(plan.questions) - 1, 0))))
    if not form.is_valid():
        return _question_page(request, plan, n, form)
    answer = form.cleaned_data["answer"]
    language = language_guess(answer, default=translation.get_language() or "id")
    result = feedback_compute(
        round_type=plan.round_type,
        answer=answer,
        language=language,
        job_terms=plan.job.requirements if plan.job else None,
    )
    answer_id = None
    if plan.session is not None:
        candidate: Candidate = candidate_of(request)  # type: ignore[assignment]
        stored = carry_out(
            request,
            lambda: services.practice_answer_record(
                candidate=candidate,
                session=plan.session,  # type: ignore[arg-type]
                question_key=asked.key,
                answer=answer,
                language=language,
                seconds_taken=form.cleaned_data.get("seconds"),
                summary=result.summary(),
            ),
            None,
        )
        answer_id = stored.pk if stored else None
    rate_form = RateForm(initial={**plan.state(n), "answer_id": answer_id}, round_type=plan.round_type)
    return _render(
        request,
        "practice/feedback.html",
        {
            "plan": plan,
            "asked": asked,
            "number": n + 1,
            "total": len(plan.questions),
            "is_last": n + 1 >= len(plan.questions),
            "answer": answer,
            "result": result,
            "segments": answer_segments(answer, result),
            "parts": [
                {"name": p.name, "label": STAR_NAMES[p.name], "found": p.found, "hint": STAR_HINTS[p.name]}
                for p in result.star
            ],
            "notes": feedback_notes(result),
            "rate_form": rate_form,
            "seconds": form.cleaned_data.get("seconds"),
        },
    )


@practice_page
@require_POST
def rate(request: HttpRequest) -> HttpResponse:
    state = StateForm(request.POST)
    plan = _plan_or_refusal(request, state)
    if isinstance(plan, HttpResponse):
        return plan
    n = state.cleaned_data.get("n") or 0
    form = RateForm(request.POST, round_type=plan.round_type)
    candidate = candidate_of(request)
    if not form.is_valid():
        messages.error(request, _("Rate each point from 1 to 5. Your rating was not saved."))
    elif candidate is not None and form.cleaned_data.get("answer_id") and form.ratings():
        stored = answer_of(candidate, form.cleaned_data["answer_id"])
        if stored is None:
            messages.error(request, _("That answer is not among your practice answers."))
        else:
            ratings = form.ratings()
            carry_out(
                request,
                lambda: services.practice_answer_rate(candidate=candidate, answer=stored, ratings=ratings),
                None,
            )
    if n + 1 >= len(plan.questions) or request.POST.get("finish"):
        return _finished(request)
    return redirect(_question_url(plan, n + 1))


def _finished(request: HttpRequest) -> HttpResponse:
    messages.success(request, _("Well done: that practice run is finished."))
    if candidate_of(request) is not None:
        return redirect("practice:history")
    return redirect("practice:start")


@practice_page
@candidate_required
def history(request: HttpRequest) -> HttpResponse:
    candidate: Candidate = request.candidate  # type: ignore[attr-defined]
    sessions = history_of(candidate)
    progress = None
    if len(sessions) >= 2:
        first, latest = sessions[-1], sessions[0]
        progress = {"first": first, "latest": latest, "star_change": latest.star_parts - first.star_parts}
    rows = [
        {
            "progress": progress_row,
            "answers": [
                {
                    "answer": answer,
                    "question": question_get(answer.question_key),
                    "ratings": [
                        (label, answer.ratings[code])
                        for code, label in criteria_of(progress_row.session.round_type)
                        if code in (answer.ratings or {})
                    ],
                }
                for answer in progress_row.answers
            ],
        }
        for progress_row in sessions
    ]
    return _render(request, "practice/history.html", {"rows": rows, "progress": progress})


@practice_page
@require_POST
@candidate_required
def history_delete(request: HttpRequest) -> HttpResponse:
    candidate: Candidate = request.candidate  # type: ignore[attr-defined]
    carry_out(
        request,
        lambda: services.practice_history_delete(candidate=candidate),
        _("Your practice history was deleted."),
    )
    return redirect("practice:history")
