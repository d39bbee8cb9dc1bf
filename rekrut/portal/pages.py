"""What every portal page shares: the candidate's language, and private answers."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme

from rekrut.candidates.sessions import candidate_of


def portal_language(request: HttpRequest) -> str:
    """Bahasa Indonesia unless the visitor chose English with the switch, or the signed-in candidate's
    messages are in English. The browser's own language is not used: most candidates' phones are set to
    English while they read Indonesian job ads."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    if chosen in dict(settings.LANGUAGES):
        return chosen
    candidate = candidate_of(request)
    return (candidate.language if candidate else "") or settings.LANGUAGE_CODE


def portal_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Renders in the candidate's language; the answer is never cached and its address (which may hold
    a link's token) never leaves the site as a Referer."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        language = portal_language(request)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
        response["Cache-Control"] = "private, no-store"
        response["Referrer-Policy"] = "same-origin"
        response["Content-Language"] = language
        return response

    return wrapped


def safe_next(request: HttpRequest, value: str | None) -> str:
    """A portal address to go on to after signing in, or "" for anything else (no open redirect)."""
    if not value or not value.startswith("/portal/"):
        return ""
    if not url_has_allowed_host_and_scheme(value, allowed_hosts={request.get_host()}):
        return ""
    return value


def portal_render(
    request: HttpRequest, template: str, context: dict | None = None, *, status: int = 200
) -> HttpResponse:
    """A portal page, with what its frame shows: the signed-in candidate (for the menu), the company's
    name and official contact (for the anti-fraud line)."""
    return render(
        request,
        template,
        {
            "candidate": candidate_of(request),
            "company_name": settings.COMPANY_NAME,
            "contact": settings.ORGANIZER_EMAIL,
            **(context or {}),
        },
        status=status,
    )
