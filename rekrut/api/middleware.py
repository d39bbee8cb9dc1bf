"""Every error under /api/v1/ in the API's one shape, whatever produced it.

The API's own handlers (rekrut/api/errors.py) answer what reaches its views. Some errors never do: an
unknown route (Django's 404 page), a method the route does not take (405), a request refused by a
middleware (a NUL character, a body over the size limit) and a crash (Django's 500 page, after logging
it). Clients parse JSON, so those HTML or plain-text answers are rewritten here, keeping the status and
headers such as Allow and Retry-After.
"""

import json
from collections.abc import Callable
from functools import cache

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy

STATUS_ERRORS = {
    400: ("bad_request", gettext_lazy("The request could not be read.")),
    401: (
        "unauthenticated",
        gettext_lazy("Send a valid API token in the header: Authorization: Bearer <key>."),
    ),
    403: ("forbidden", gettext_lazy("You may not do this.")),
    404: ("not_found", gettext_lazy("Not found.")),
    405: ("method_not_allowed", gettext_lazy("This address does not take that method.")),
    413: ("too_large", gettext_lazy("The request is too large.")),
    429: ("rate_limited", gettext_lazy("Too many requests. Wait a moment and try again.")),
    500: (
        "server_error",
        gettext_lazy("Something went wrong on the server. It has been logged; try again later."),
    ),
}
# A short plain-text refusal from a middleware is already the message (e.g. the NUL guard's).
PLAIN_MESSAGE_MAX = 300


@cache
def api_prefix() -> str:
    return reverse("api:api-root")


def _json_error(response: HttpResponse) -> HttpResponse:
    status = response.status_code
    code, message = STATUS_ERRORS.get(status, ("error" if status < 500 else "server_error", None))
    text = str(message) if message else ""
    if response["Content-Type"].startswith("text/plain") and status < 500:
        plain = response.content.decode(errors="replace").strip()
        if plain and len(plain) <= PLAIN_MESSAGE_MAX:
            text = plain
    if not text:
        text = str(STATUS_ERRORS[500 if status >= 500 else 400][1])
    response.content = json.dumps({"code": code, "message": text}).encode()
    response["Content-Type"] = "application/json; charset=utf-8"
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))
    return response


class ApiErrorsAsJson:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code >= 400
            and request.path.startswith(api_prefix())
            and not response.get("Content-Type", "").startswith("application/json")
            and not response.streaming
        ):
            return _json_error(response)
        return response
