"""A candidate signed in to the portal: the Django session holds the candidate's id, nothing else.

A candidate has no password and no user account. They open a single-use signed link from an e-mail
(rekrut/portal), and `candidate_session_start` puts their id in the session. A staff login never mixes
in: starting a candidate session signs any staff user out first, and a request that carries a staff user
has no candidate, so one browser cannot act as both.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from rekrut.candidates.models import Candidate

SESSION_KEY = "rekrut_candidate_id"
STARTED_KEY = "rekrut_candidate_since"
# A portal session lasts a working day at most: a shared phone or internet café is common.
SESSION_SECONDS = 60 * 60 * 8
# Where candidate_required sends a visitor without a session (the magic-link request page).
SIGN_IN_URL_NAME = "portal:sign_in"


def candidate_session_start(request: HttpRequest, candidate: Candidate) -> None:
    """Signs `candidate` in on this browser: a new session key (no fixation), any staff login ended."""
    if getattr(request, "user", None) is not None and request.user.is_authenticated:
        logout(request)  # flushes the session, staff data and all
    else:
        request.session.cycle_key()
    request.session[SESSION_KEY] = candidate.pk
    request.session[STARTED_KEY] = int(timezone.now().timestamp())
    request.session.set_expiry(SESSION_SECONDS)
    request._rekrut_candidate = candidate  # type: ignore[attr-defined]


def candidate_session_end(request: HttpRequest) -> None:
    """Signs the candidate out: the whole session goes, so nothing of it is left on a shared device."""
    request.session.flush()
    request._rekrut_candidate = None  # type: ignore[attr-defined]


def candidate_of(request: HttpRequest) -> Candidate | None:
    """The candidate signed in on this request, or None (no session, a staff user, a record merged away
    or erased since)."""
    if hasattr(request, "_rekrut_candidate"):
        return request._rekrut_candidate  # type: ignore[no-any-return]
    candidate = None
    user = getattr(request, "user", None)
    candidate_id = request.session.get(SESSION_KEY)
    if candidate_id is not None and not (user is not None and user.is_authenticated):
        candidate = Candidate.objects.filter(pk=candidate_id, merged_into=None).first()
        if candidate is None:
            # The record was merged or erased: the session is no longer anyone's.
            request.session.pop(SESSION_KEY, None)
    request._rekrut_candidate = candidate  # type: ignore[attr-defined]
    return candidate


def candidate_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Runs the view only for a signed-in candidate (`request.candidate` is set); anyone else is sent to
    the page that asks for a sign-in link, and comes back here after opening it."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        candidate = candidate_of(request)
        if candidate is None:
            url = reverse(SIGN_IN_URL_NAME)
            if request.method == "GET" and url_has_allowed_host_and_scheme(
                request.get_full_path(), allowed_hosts=None
            ):
                url += "?" + urlencode({"next": request.get_full_path()})
            return redirect(url)
        request.candidate = candidate  # type: ignore[attr-defined]
        return view(request, *args, **kwargs)

    return wrapped
