"""What a request says about who sent it, read the same way everywhere (audit log, signed links)."""

import ipaddress
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.http import HttpRequest

USER_AGENT_MAX = 300


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: the connecting one, or behind settings.TRUSTED_PROXIES proxies (e.g. 1 for one
    nginx) the one the outermost proxy saw. Each proxy appends to X-Forwarded-For what connected to it, so
    only that many entries from the right are true; anything left of them is what the client wrote, and
    trusting it would let anyone pick the address the audit log and the lockout see."""
    proxies = settings.TRUSTED_PROXIES
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if len(forwarded) >= proxies:
            try:
                return str(ipaddress.ip_address(forwarded[-proxies]))
            except ValueError:
                pass
    return request.META.get("REMOTE_ADDR") or None


def client_user_agent(request: HttpRequest) -> str:
    return request.META.get("HTTP_USER_AGENT", "")[:USER_AGENT_MAX]


# The address of the request being served, for writes deep in services (the audit log) that should not
# all take an `ip` argument. Set by ClientAddressMiddleware; None outside a request (worker, commands).
_current_ip: ContextVar[str | None] = ContextVar("rekrut_client_ip", default=None)


def current_client_ip() -> str | None:
    return _current_ip.get()


@contextmanager
def client_ip_set(ip: str | None) -> Iterator[None]:
    token = _current_ip.set(ip)
    try:
        yield
    finally:
        _current_ip.reset(token)
