from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from rekrut.accounts import throttling
from rekrut.accounts.models import User
from rekrut.core.http import client_ip


def minutes_left(seconds: int) -> int:
    return max(1, -(-seconds // 60))


class LockoutAuthenticationForm(AuthenticationForm):
    """Django's sign-in form. Before the password is checked it takes one of the attempts this account has
    from this address (accounts/throttling.py); a locked pair is refused without checking the password."""

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if not (username and password):
            return super().clean()  # Django asks for the missing field; no password is checked
        address = client_ip(self.request) if self.request else None
        try:
            throttling.sign_in_attempt_take(username=username, address=address)
        except throttling.SignInLocked as locked:
            minutes = minutes_left(locked.retry_after)
            raise forms.ValidationError(
                ngettext(
                    "Too many failed sign-ins. Wait %(minutes)d minute, or reset your password.",
                    "Too many failed sign-ins. Wait %(minutes)d minutes, or reset your password.",
                    minutes,
                )
                % {"minutes": minutes},
                code="locked",
            ) from None
        cleaned = super().clean()  # a wrong password raises here, and the attempt stays taken
        throttling.sign_in_succeeded(username=username, address=address)
        return cleaned


class PasswordResetRequestForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    email.widget.attrs["autocomplete"] = "email"


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "title", "time_zone"]


class SpecificAccessForm(forms.Form):
    """Allow or withdraw one person's access to one kind of specific data (accounts:specific_data)."""

    kind = forms.CharField(max_length=40)
    person = forms.IntegerField(min_value=1)
    grant = forms.BooleanField(required=False)
