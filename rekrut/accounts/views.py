from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from rekrut.accounts import services
from rekrut.accounts.forms import LockoutAuthenticationForm, PreferencesForm
from rekrut.accounts.http import AuthedRequest


class LoginView(auth_views.LoginView):
    form_class = LockoutAuthenticationForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        services.login_failures_clear(username=form.get_user().get_username())
        return super().form_valid(form)


PREFERENCE_FIELDS = ("first_name", "last_name", "title", "time_zone")


@login_required
def preferences(request: AuthedRequest) -> HttpResponse:
    form = PreferencesForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.preferences_update(user=request.user, **{k: form.cleaned_data[k] for k in PREFERENCE_FIELDS})
        messages.success(request, _("Your preferences are saved."))
        return redirect("accounts:preferences")
    return render(request, "accounts/preferences.html", {"form": form})
