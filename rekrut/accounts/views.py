from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from rekrut.accounts import services, throttling
from rekrut.accounts.forms import (
    LockoutAuthenticationForm,
    PasswordResetRequestForm,
    PreferencesForm,
    SpecificAccessForm,
    minutes_left,
)
from rekrut.accounts.http import AuthedRequest
from rekrut.accounts.models import User
from rekrut.accounts.specific_data import (
    SpecificData,
    specific_access_grant,
    specific_access_withdraw,
    specific_data_holders,
    specific_data_kind,
    specific_data_kinds,
    specific_data_openings,
)
from rekrut.accounts.tasks import password_reset_mail_send
from rekrut.core.actions import carry_out
from rekrut.core.http import client_ip


def rate_limited(
    request: HttpRequest, limited: throttling.RateLimited, *, per_mailbox: bool = False
) -> HttpResponse:
    """429 with a page that says how long to wait; nothing was checked or sent."""
    minutes = minutes_left(limited.retry_after)
    if per_mailbox:
        message = ngettext(
            "Several links were sent to this address already. Look in its inbox and spam folder, or wait "
            "%(minutes)d minute and ask again.",
            "Several links were sent to this address already. Look in its inbox and spam folder, or wait "
            "%(minutes)d minutes and ask again.",
            minutes,
        )
    else:
        message = ngettext(
            "Too many attempts came from your connection. Wait %(minutes)d minute, then try again.",
            "Too many attempts came from your connection. Wait %(minutes)d minutes, then try again.",
            minutes,
        )
    response = render(
        request, "accounts/rate_limited.html", {"message": message % {"minutes": minutes}}, status=429
    )
    response["Retry-After"] = str(limited.retry_after)
    return response


class LoginView(auth_views.LoginView):
    form_class = LockoutAuthenticationForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # Per address, whichever accounts it tries: the lockout (per account and address) cannot see a
        # password sprayed over many accounts.
        try:
            throttling.rate_limit_hit(
                limit_name="sign_in", idents=[throttling.address_key(client_ip(request))]
            )
        except throttling.RateLimited as limited:
            return rate_limited(request, limited)
        return super().post(request, *args, **kwargs)


class PasswordResetView(auth_views.PasswordResetView):
    """Asks the worker to mail a link (password_reset_mail_queue): the same work, and so the same time,
    whether the address belongs to an account or not."""

    form_class = PasswordResetRequestForm  # type: ignore[assignment]
    template_name = "accounts/password_reset.html"
    success_url = reverse_lazy("accounts:password_reset_done")

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            throttling.rate_limit_hit(
                limit_name="password_reset", idents=[throttling.address_key(client_ip(request))]
            )
        except throttling.RateLimited as limited:
            return rate_limited(request, limited)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: PasswordResetRequestForm) -> HttpResponse:  # type: ignore[override]
        email = form.cleaned_data["email"]
        try:
            # However many addresses ask, one mailbox gets a few links an hour at most.
            throttling.rate_limit_hit(limit_name="password_reset_email", idents=[throttling.digest(email)])
        except throttling.RateLimited as limited:
            return rate_limited(self.request, limited, per_mailbox=True)
        password_reset_mail_send.enqueue(email=email, language=get_language())
        return HttpResponseRedirect(self.get_success_url())


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form: SetPasswordForm) -> HttpResponse:
        response = super().form_valid(form)
        services.password_reset_completed(user=form.user)  # type: ignore[arg-type]
        return response


def admin_sign_in(request: HttpRequest) -> HttpResponse:
    """Settings (the Django admin) sends people here to sign in: they go to Rekrut's own sign-in page,
    which has the lockout and the rate limit, and come back. Someone signed in who may not open Settings
    gets the 403 page instead of a redirect loop."""
    if request.user.is_authenticated:
        raise PermissionDenied
    return redirect_to_login(request.GET.get("next") or reverse("admin:index"), login_url="accounts:login")


PREFERENCE_FIELDS = ("first_name", "last_name", "title", "time_zone")


@login_required
def preferences(request: AuthedRequest) -> HttpResponse:
    form = PreferencesForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.preferences_update(user=request.user, **{k: form.cleaned_data[k] for k in PREFERENCE_FIELDS})
        messages.success(request, _("Your preferences are saved."))
        return redirect("accounts:preferences")
    return render(request, "accounts/preferences.html", {"form": form})


@login_required
def specific_data(request: AuthedRequest) -> HttpResponse:
    """HR admins decide, kind by kind, who sees specific data (P2), and read who opened it."""
    if not request.user.is_hr_admin:
        raise PermissionDenied
    if request.method == "POST":
        return _specific_access_decide(request)
    active = list(User.objects.filter(is_active=True).order_by("first_name", "last_name", "username"))
    sections = []
    for kind in specific_data_kinds():
        holders = specific_data_holders(kind)
        held = {holder.person.pk for holder in holders}
        sections.append(
            {
                "kind": kind,
                "holders": holders,
                "others": [person for person in active if person.pk not in held],
                "openings": specific_data_openings(user=request.user, kind=kind),
            }
        )
    return render(request, "accounts/specific_data.html", {"nav": "audit", "sections": sections})


def _specific_access_decide(request: AuthedRequest) -> HttpResponse:
    form = SpecificAccessForm(request.POST)
    valid = form.is_valid()
    found = specific_data_kind(form.cleaned_data["kind"]) if valid else None
    chosen = User.objects.filter(pk=form.cleaned_data["person"]).first() if valid else None
    if found is None or chosen is None:
        messages.error(request, _("Choose a person from the list."))
        return redirect("accounts:specific_data")
    kind: SpecificData = found
    person: User = chosen
    said = {"name": person, "data": kind.data}
    if form.cleaned_data["grant"]:
        carry_out(
            request,
            lambda: specific_access_grant(actor=request.user, person=person, kind=kind),
            _("%(name)s can now see %(data)s.") % said,
        )
    else:
        carry_out(
            request,
            lambda: specific_access_withdraw(actor=request.user, person=person, kind=kind),
            _("%(name)s no longer sees %(data)s.") % said,
        )
    return HttpResponseRedirect(f"{reverse('accounts:specific_data')}#{kind.key}")
