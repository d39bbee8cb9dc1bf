"""Bearer-token authentication for the API: `Authorization: Bearer <key>` with a personal API token."""

from django.http import HttpRequest
from ninja.security import HttpBearer

from rekrut.accounts.models import User
from rekrut.accounts.services import api_token_authenticate


class ApiTokenAuth(HttpBearer):
    """Only tokens: a browser session is not enough, so the API needs no CSRF token."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        if not token:
            return None
        user = api_token_authenticate(key=token)
        if user is not None:
            # The same selectors as the pages read `request.user`; set it so both see the same person.
            request.user = user
        return user


def request_user(request: HttpRequest) -> User:
    """The token's user; ninja has already refused the request (401) when there is none."""
    user = request.auth  # type: ignore[attr-defined]
    assert isinstance(user, User)
    return user
