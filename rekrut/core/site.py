"""Absolute URLs for links that leave the site (e-mails, calendar invites, PDFs), from one setting."""

from django.conf import settings
from django.urls import reverse

# Addresses gunicorn listens on that nobody can open: shown as the machine's own name instead.
_ANY_ADDRESS = {"0.0.0.0": "127.0.0.1", "[::]": "localhost", "": "127.0.0.1"}  # noqa: S104
GUNICORN_DEFAULT_PORT = "8000"


def site_url_for_bind(bind: str) -> str:
    """The site's address when REKRUT_SITE_URL is not set, from the address gunicorn binds (REKRUT_BIND).

    "0.0.0.0:8001" → "http://127.0.0.1:8001". A unix socket has no address of its own: behind such a proxy,
    set REKRUT_SITE_URL.
    """
    bind = bind.strip()
    if bind.startswith(("unix:", "fd://")):
        return "http://localhost"
    if bind.startswith("["):  # IPv6: "[::1]:8000"
        host, _, rest = bind.partition("]")
        host, port = host + "]", rest.removeprefix(":")
    else:
        host, _, port = bind.partition(":")
    host = _ANY_ADDRESS.get(host, host)
    return f"http://{host}:{port or GUNICORN_DEFAULT_PORT}"


def absolute_url(viewname_or_path: str, *args: object) -> str:
    """settings.SITE_URL + the path: a "/path" as it is, or reverse(viewname, args=args)."""
    path = viewname_or_path if viewname_or_path.startswith("/") else reverse(viewname_or_path, args=args)
    return settings.SITE_URL.rstrip("/") + path
