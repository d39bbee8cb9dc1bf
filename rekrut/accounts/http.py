from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

from rekrut.accounts.models import User


class AuthedRequest(HttpRequest):
    """The request a login-required view receives: a real user, and django-htmx's details."""

    user: User  # type: ignore[assignment]
    htmx: HtmxDetails
