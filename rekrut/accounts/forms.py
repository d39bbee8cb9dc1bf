from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from rekrut.accounts import services
from rekrut.accounts.models import User


class LockoutAuthenticationForm(AuthenticationForm):
    """Django's sign-in form, refusing an account name after too many recent failures."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "locked": _("Too many failed sign-ins. Wait 15 minutes or reset your password."),
    }

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username") or ""
        if username and services.login_is_locked(username=username):
            raise forms.ValidationError(self.error_messages["locked"], code="locked")
        try:
            return super().clean()
        except forms.ValidationError:
            ip = self.request.META.get("REMOTE_ADDR") if self.request else None
            services.login_failure_record(username=username, ip_address=ip)
            raise


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "title", "time_zone"]
