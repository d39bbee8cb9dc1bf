"""The API's error bodies: always JSON `{"code", "message"}`, the message in the request's language.

Validation errors keep ninja's 422 body (`{"detail": [...]}`), which names each bad field.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext
from ninja import NinjaAPI
from ninja.errors import AuthenticationError

from rekrut.core.errors import AccessDenied, DomainError, StaleEdit


def _error(api: NinjaAPI, request: HttpRequest, *, status: int, code: str, message: str) -> HttpResponse:
    return api.create_response(request, {"code": code, "message": message}, status=status)


def domain_error_status(error: DomainError) -> int:
    if isinstance(error, StaleEdit):
        return 409
    if isinstance(error, AccessDenied):
        return 403
    return 400


def api_errors_install(api: NinjaAPI) -> None:
    @api.exception_handler(DomainError)
    def on_domain_error(request: HttpRequest, error: DomainError) -> HttpResponse:
        # str() of the lazy message here, while the request's language is active.
        return _error(
            api, request, status=domain_error_status(error), code=error.code, message=str(error.message)
        )

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
