"""Running one service from a page, the same way everywhere."""

from collections.abc import Callable
from typing import TypeVar

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django_stubs_ext import StrOrPromise

from rekrut.core.errors import AccessDenied, DomainError

Done = TypeVar("Done")


def carry_out(
    request: HttpRequest,
    action: Callable[[], Done],
    success: StrOrPromise | Callable[[Done], StrOrPromise],
) -> Done | None:
    """Runs the service: a role refusal is a 403; another refusal is told to the user; nothing is saved."""
    try:
        done = action()
    except AccessDenied as denied:
        raise PermissionDenied(str(denied.message)) from None
    except DomainError as error:
        messages.error(request, error.message)
        return None
    messages.success(request, success(done) if callable(success) else success)
    return done
