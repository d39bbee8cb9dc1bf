"""What a request says about who sent it, read the same way everywhere (audit log, signed links)."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.http import HttpRequest

USER_AGENT_MAX = 300


def client_ip(request: HttpRequest) -> str | None:
    """The connecting address. X-Forwarded-For is not read: any client can write it, so trusting it would
    let anyone put any address in the audit log."""
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
