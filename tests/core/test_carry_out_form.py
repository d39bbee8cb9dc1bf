"""core.actions.carry_out_form: a small form posted to a URL that redirects back. Valid, the service runs
with the cleaned data and its success is said; invalid, each field's errors are one message after its
label and nothing runs; a refusal is a message."""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.test import RequestFactory

from rekrut.core.actions import carry_out_form
from rekrut.core.errors import DomainError


class DateForm(forms.Form):
    signed_on = forms.DateField(label="Signed on")
    note = forms.CharField(label="Note", max_length=5, required=False)
    code = forms.IntegerField(required=False)  # no label: the message is the error alone


def _request():
    request = RequestFactory().post("/")
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def _said(request) -> list[str]:
    return [str(message) for message in get_messages(request)]


def test_a_valid_form_runs_the_service_with_its_cleaned_data() -> None:
    request, ran = _request(), []
    done = carry_out_form(
        request, DateForm({"signed_on": "2026-08-14"}), lambda d: ran.append(d["signed_on"]) or "ok", "Saved."
    )
    assert done == "ok" and [str(day) for day in ran] == ["2026-08-14"] and _said(request) == ["Saved."]


def test_an_invalid_form_says_each_fields_errors_after_its_label_and_runs_nothing() -> None:
    request = _request()
    done = carry_out_form(
        request, DateForm({"signed_on": "kemarin", "note": "too long", "code": "x"}), pytest.fail, "Saved."
    )
    assert done is None
    said = _said(request)
    assert len(said) == 3 and said[0].startswith("Signed on: ") and said[1].startswith("Note: ")
    assert said[2] == "Enter a whole number."


def test_a_refusal_is_a_message() -> None:
    request = _request()

    def refuse(_data: dict) -> None:
        raise DomainError("Not now.", code="not_now")

    assert carry_out_form(request, DateForm({"signed_on": "2026-08-14"}), refuse, "Saved.") is None
    assert _said(request) == ["Not now."]
