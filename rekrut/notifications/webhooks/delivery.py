"""The webhook channel's sender: one outbox row becomes one signed POST, and one attempt row in the log."""

import ipaddress
import json
import socket
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekrut.notifications.models import OutboxMessage
from rekrut.notifications.webhooks.models import WebhookAttempt, WebhookEndpoint
from rekrut.notifications.webhooks.signing import SIGNATURE_HEADER, signature_header


class WebhookRefused(Exception):
    """The receiver did not acknowledge (no 2xx): the outbox tries again later."""


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    # A redirect could point the signed body at an address the URL check never saw (an internal service).
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)


def address_is_public(host: str) -> bool:
    """Every address the host resolves to is on the public internet (no loopback, private, link-local or
    reserved range): a webhook must not become a way to reach Rekrut's own network."""
    try:
        infos = socket.getaddrinfo(host, None)
    except (socket.gaierror, UnicodeError):
        return False
    addresses = {ipaddress.ip_address(info[4][0]) for info in infos}
    return bool(addresses) and all(address.is_global for address in addresses)


def url_problem(url: str) -> str:
    """Why this URL cannot receive webhooks, or "" when it can. Private addresses are allowed only when
    settings.WEBHOOKS_ALLOW_PRIVATE is on (a receiver inside the company network, the tests)."""
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        return str(_("The URL must start with https://."))
    if parts.scheme == "http" and not settings.WEBHOOKS_ALLOW_PRIVATE:
        return str(_("The URL must start with https://, so deliveries cannot be read on the way."))
    if not settings.WEBHOOKS_ALLOW_PRIVATE and not address_is_public(parts.hostname):
        return str(_("%(host)s is not a public internet address.") % {"host": parts.hostname})
    return ""


def _secrets(endpoint: WebhookEndpoint) -> list[str]:
    keep_previous = endpoint.previous_secret and endpoint.previous_secret_until
    if keep_previous and endpoint.previous_secret_until > timezone.now():  # type: ignore[operator]
        return [endpoint.secret, endpoint.previous_secret]
    return [endpoint.secret]


def webhook_send(message: OutboxMessage) -> None:
    """POSTs the payload to the endpoint, signed now, or raises so the outbox retries with back-off."""
    endpoint = WebhookEndpoint.objects.get(pk=message.payload["endpoint"])
    body = json.dumps(message.payload["body"], ensure_ascii=False, separators=(",", ":")).encode()
    started = time.monotonic()
    status_code, error = None, ""
    try:
        if not endpoint.is_active:
            raise WebhookRefused("the webhook was switched off")
        problem = url_problem(endpoint.url)
        if problem:
            raise WebhookRefused(problem)
        # url_problem just allowed only http(s) (S310's concern: no file: or custom schemes).
        request = urllib.request.Request(  # noqa: S310
            endpoint.url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "User-Agent": "Rekrut-Webhooks/1",
                "Rekrut-Event": message.payload["body"]["event"],
                "Rekrut-Delivery": message.payload["body"]["id"],
                SIGNATURE_HEADER: signature_header(
                    secrets=_secrets(endpoint), timestamp=int(time.time()), body=body
                ),
            },
        )
        try:
            with _OPENER.open(request, timeout=settings.WEBHOOKS_TIMEOUT_SECONDS) as response:
                status_code = response.status
        except urllib.error.HTTPError as answer:
            status_code = answer.code
        if not 200 <= status_code < 300:
            raise WebhookRefused(f"the receiver answered {status_code}")
    except Exception as failure:
        error = f"{type(failure).__name__}: {failure}"[:500]
        raise
    finally:
        WebhookAttempt.objects.create(
            message=message,
            endpoint=endpoint,
            at=timezone.now(),
            status_code=status_code,
            error=error,
            duration_ms=int((time.monotonic() - started) * 1000),
        )
