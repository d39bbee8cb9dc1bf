"""Bearer-token authentication for the API: `Authorization: Bearer <key>` with a personal API token."""

from django.http import HttpRequest
from ninja.security import HttpBearer

from rekrut.accounts.models import ApiToken, User
from rekrut.accounts.services import api_token_authenticate
from rekrut.accounts.throttling import address_key, rate_limits_hit
from rekrut.core.http import client_ip


class ApiTokenAuth(HttpBearer):
    """Only tokens: a browser session is not enough, so the API needs no CSRF token."""

    def __call__(self, request: HttpRequest) -> User | None:
        # Every request is counted before its token is looked up, per client address and per key sent
        # (valid or not), in one statement; over a limit, RateLimited becomes a 429 (rekrut/api/errors.py).
        hits = [("api_address", address_key(client_ip(request)))]
        key = request.headers.get(self.header, "").partition(" ")[2].strip()
        if key:
            hits.append(("api_token", ApiToken.hash_key(key)[:32]))
        rate_limits_hit(hits=hits)
        return super().__call__(request)

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
