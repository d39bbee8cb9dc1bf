"""The API's error bodies: always JSON `{"code", "message"}`, the message in the request's language.

Validation errors (422) also keep ninja's `detail` list, which names each bad field. Errors that never
reach these handlers (unknown routes, crashes) are given the same shape by rekrut/api/middleware.py.
"""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext, ngettext
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from rekrut.accounts.throttling import RateLimited
from rekrut.api.middleware import STATUS_ERRORS
from rekrut.core.errors import AccessDenied, DomainError, StaleEdit
from rekrut.core.idempotency import IdempotencyKeyReused

# How many bad fields the message names; `detail` lists them all.
NAMED_FIELDS = 3


def _error(api: NinjaAPI, request: HttpRequest, *, status: int, code: str, message: str) -> HttpResponse:
    return api.create_response(request, {"code": code, "message": message}, status=status)


def domain_error_status(error: DomainError) -> int:
    if isinstance(error, StaleEdit):
        return 409
    if isinstance(error, AccessDenied):
        return 403
    if isinstance(error, IdempotencyKeyReused):
        # As the IETF Idempotency-Key draft says: the key was sent again with another request body.
        return 422
    return 400


def _field(error: dict[str, Any]) -> str:
    # ("body", "payload", "to_stage") -> "to_stage"; a header or query parameter by its own name.
    names = [str(part) for part in error.get("loc", ()) if part not in ("body", "payload", "query", "header")]
    return ".".join(names) or "body"


def api_errors_install(api: NinjaAPI) -> None:
    @api.exception_handler(DomainError)
    def on_domain_error(request: HttpRequest, error: DomainError) -> HttpResponse:
        # str() of the lazy message here, while the request's language is active.
        return _error(
            api, request, status=domain_error_status(error), code=error.code, message=str(error.message)
        )

    @api.exception_handler(ValidationError)
    def on_invalid(request: HttpRequest, error: ValidationError) -> HttpResponse:
        fields = list(dict.fromkeys(_field(e) for e in error.errors))
        named = ", ".join(fields[:NAMED_FIELDS]) + (", …" if len(fields) > NAMED_FIELDS else "")
        body = {
            "code": "invalid",
            "message": gettext("Some values are not valid: %(fields)s. See detail.") % {"fields": named},
            "detail": error.errors,
        }
        return api.create_response(request, body, status=422)

    @api.exception_handler(HttpError)
    def on_http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
        # Ninja's own refusals; the one a client meets is a body that is not JSON.
        if error.status_code == 400:
            return _error(
                api,
                request,
                status=400,
                code="malformed_body",
                message=gettext("The request body is not valid JSON."),
            )
        code, message = STATUS_ERRORS.get(error.status_code, ("error", str(error)))
        return _error(api, request, status=error.status_code, code=code, message=str(message))

    @api.exception_handler(Http404)
    def on_not_found(request: HttpRequest, error: Http404) -> HttpResponse:
        # The same answer whether the record does not exist or this user may not see it.
        return _error(api, request, status=404, code="not_found", message=gettext("Not found."))

    @api.exception_handler(AuthenticationError)
    def on_unauthenticated(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
        response = _error(
            api,
            request,
            status=401,
            code="unauthenticated",
            message=gettext("Send a valid API token in the header: Authorization: Bearer <key>."),
        )
        response["WWW-Authenticate"] = "Bearer"
        return response

    @api.exception_handler(RateLimited)
    def on_rate_limited(request: HttpRequest, error: RateLimited) -> HttpResponse:
        # Counted per token and per client address (rekrut/api/auth.py, settings.RATE_LIMITS).
        response = _error(
            api,
            request,
            status=429,
            code="rate_limited",
            message=ngettext(
                "Too many requests. Wait %(seconds)d second and try again.",
                "Too many requests. Wait %(seconds)d seconds and try again.",
                error.retry_after,
            )
            % {"seconds": error.retry_after},
        )
        response["Retry-After"] = str(error.retry_after)
        return response
