"""Running one service from a page, the same way everywhere."""

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django_stubs_ext import StrOrPromise

from rekrut.core.errors import AccessDenied, DomainError

Done = TypeVar("Done")


def carry_out(
    request: HttpRequest,
    action: Callable[[], Done],
    success: StrOrPromise | Callable[[Done], StrOrPromise] | None,
    *,
    form: forms.BaseForm | None = None,
) -> Done | None:
    """Runs the service. A role refusal is a 403. Any other refusal is told to the user, on the form when
    there is one (so it shows beside what they typed) or as a message; the service saved nothing then.
    Returns what the service returned, or None when it refused."""
    try:
        done = action()
    except AccessDenied as denied:
        raise PermissionDenied(str(denied.message)) from None
    except DomainError as error:
        if form is not None:
            form.add_error(None, error.message)
        else:
            messages.error(request, error.message)
        return None
    if success is not None:
        messages.success(request, success(done) if callable(success) else success)
    return done


def form_errors_as_messages(request: HttpRequest, form: forms.BaseForm) -> None:
    """An invalid form that cannot be shown again (its page answers with a redirect): each field's errors
    as one message, after the field's label."""
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        text = " ".join(str(error) for error in errors)
        messages.error(request, f"{label}: {text}" if label else text)


def carry_out_form(
    request: HttpRequest,
    form: forms.BaseForm,
    action: Callable[[dict[str, Any]], Done],
    success: StrOrPromise | Callable[[Done], StrOrPromise] | None,
) -> Done | None:
    """A small form posted from a page to a URL that redirects back: valid, the service runs with its
    cleaned data through carry_out; invalid, its errors become messages and nothing runs."""
    if not form.is_valid():
        form_errors_as_messages(request, form)
        return None
    return carry_out(request, lambda: action(form.cleaned_data), success)
