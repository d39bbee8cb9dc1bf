from collections.abc import Callable
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from rekrut.core.http import client_ip, client_ip_set


class ViewerTimezoneMiddleware:
    """Shows times in the signed-in viewer's own zone (WIB, WITA or WIT); stored times stay UTC."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        zone = getattr(request.user, "time_zone", "") if hasattr(request, "user") else ""
        if zone:
            timezone.activate(ZoneInfo(zone))
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            # The thread goes on to other work (the next request, a test, a task run inline): without this
            # it would keep showing times in this viewer's zone.
            timezone.deactivate()


class NullCharacterGuard:
    """Refuses requests carrying a NUL character (raw or JSON-escaped) with a 400.

    PostgreSQL cannot store NUL in text, so one would otherwise surface as a server error. Django's forms
    already refuse it field by field; this covers the API and query strings too.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._carries_nul(request):
            return HttpResponseBadRequest(
                _("The request contains a character that is not allowed (NUL)."), content_type="text/plain"
            )
        return self.get_response(request)

    @staticmethod
    def _carries_nul(request: HttpRequest) -> bool:
        if any("\x00" in value for values in request.GET.lists() for value in values[1]):
            return True
        if request.content_type == "application/json":
            return b"\\u0000" in request.body or b"\x00" in request.body
        return False


class ClientAddressMiddleware:
    """Makes the request's client address available to services while it is served (the audit log)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with client_ip_set(client_ip(request)):
            return self.get_response(request)


class SecurityHeadersMiddleware:
    """Every response that reaches Django gets the Content-Security-Policy (settings.SECURE_CSP) and, unless
    its view chose otherwise, `Cache-Control: private, no-store`: pages, CVs, PDFs and API answers carry
    personal data that no shared or browser cache should keep. Static files are served before this runs.

    frame-ancestors follows X-Frame-Options, so a view allowed in a frame by Django's own decorator
    (`xframe_options_sameorigin`) is allowed by the policy too.
    """

    FRAME_ANCESTORS = {"DENY": "'none'", "SAMEORIGIN": "'self'"}

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.policy = "; ".join(
            f"{name} {' '.join(sources)}" for name, sources in settings.SECURE_CSP.items()
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            policy = self.policy
            ancestors = self.FRAME_ANCESTORS.get(response.get("X-Frame-Options", "").upper())
            if ancestors:
                policy += f"; frame-ancestors {ancestors}"
            response["Content-Security-Policy"] = policy
        if "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_store=True)
        return response
