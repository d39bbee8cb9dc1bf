"""Webhooks for HR admins: add, change, rotate the secret, send a test, read each one's delivery log."""

from typing import cast

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rekrut.core.actions import carry_out
from rekrut.notifications.webhooks import selectors, services
from rekrut.notifications.webhooks.events import EVENTS
from rekrut.notifications.webhooks.forms import WebhookForm


def _actor(request: HttpRequest) -> AbstractBaseUser:
    # Every view here is login_required: the user is a real one (accounts sits above this app).
    return cast(AbstractBaseUser, request.user)


def _only_admins(request: HttpRequest) -> None:
    if not selectors.may_manage_webhooks(request.user):
        raise PermissionDenied


@login_required
def webhooks(request: HttpRequest) -> HttpResponse:
    _only_admins(request)
    form = WebhookForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        endpoint = carry_out(
            request,
            lambda: services.webhook_create(
                actor=_actor(request), url=d["url"], events=d["events"], description=d["description"]
            ),
            _("Webhook added. Give its signing secret to the receiving system."),
            form=form,
        )
        if endpoint is not None:
            return redirect("notifications:webhook", endpoint.pk)
    return render(
        request,
        "notifications/webhooks/list.html",
        {"nav": "webhooks", "form": form, "endpoints": selectors.webhooks_all(), "labels": EVENTS},
    )


@login_required
def webhook(request: HttpRequest, endpoint_id: int) -> HttpResponse:
    endpoint = selectors.webhook_get(user=request.user, endpoint_id=endpoint_id)
    initial = {
        "url": endpoint.url,
        "description": endpoint.description,
        "events": endpoint.events,
        "is_active": endpoint.is_active,
        "version": endpoint.version,
    }
    form = WebhookForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        changed = carry_out(
            request,
            lambda: services.webhook_change(
                actor=_actor(request),
                endpoint=endpoint,
                url=d["url"],
                events=d["events"],
                description=d["description"],
                is_active=d["is_active"],
                expected_version=d["version"] if d["version"] is not None else -1,
            ),
            _("Webhook saved."),
            form=form,
        )
        if changed is not None:
            return redirect("notifications:webhook", endpoint.pk)
    page = Paginator(selectors.attempts_of(endpoint), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/webhooks/detail.html",
        {"nav": "webhooks", "endpoint": endpoint, "form": form, "page": page},
    )


@login_required
@require_POST
def webhook_rotate(request: HttpRequest, endpoint_id: int) -> HttpResponse:
    endpoint = selectors.webhook_get(user=request.user, endpoint_id=endpoint_id)
    carry_out(
        request,
        lambda: services.webhook_secret_rotate(actor=_actor(request), endpoint=endpoint),
        _("New secret made. The old one still signs deliveries for 24 hours."),
    )
    return redirect("notifications:webhook", endpoint.pk)


@login_required
@require_POST
def webhook_test(request: HttpRequest, endpoint_id: int) -> HttpResponse:
    endpoint = selectors.webhook_get(user=request.user, endpoint_id=endpoint_id)
    carry_out(
        request,
        lambda: services.webhook_test_send(actor=_actor(request), endpoint=endpoint),
        _("Test delivery queued; its answer appears in the log below within a few seconds."),
    )
    return redirect("notifications:webhook", endpoint.pk)
