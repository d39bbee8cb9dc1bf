"""Form pieces every app uses: the hidden idempotency key of forms that create something."""

import secrets
from typing import Any

from django import forms

from rekrut.core.idempotency import idempotency_key_valid
from rekrut.core.models.idempotency import KEY_MAX_LENGTH


def idempotency_key_new() -> str:
    return secrets.token_urlsafe(18)


class IdempotencyKeyField(forms.CharField):
    """A fresh key each time the form is drawn; a double click or a resent POST carries the same one.

    A missing or mangled key only loses the protection (the form is still saved once): it is never an
    error the user could not see, as the field is hidden."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("initial", idempotency_key_new)
        super().__init__(**kwargs)

    def clean(self, value: Any) -> str:
        key = str(value or "").strip()[: KEY_MAX_LENGTH + 1]
        return key if idempotency_key_valid(key) else ""


class SubmitOnceForm(forms.Form):
    """A form whose submission creates a record: pass `cleaned_data["idempotency_key"]` to the service."""

    idempotency_key = IdempotencyKeyField()
