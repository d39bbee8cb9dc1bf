"""Sent mail: the outbox as HR admins read it, so a trial install without SMTP settings shows exactly what
candidates and staff would receive (the outbox is the source of truth, not the files under var/sent-mail)."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from rekrut.notifications import selectors
from rekrut.notifications.forms import OutboxFilterForm

PAGE_SIZE = 50


@login_required
def outbox(request: HttpRequest) -> HttpResponse:
    if not selectors.may_read_outbox(request.user):
        raise PermissionDenied
    form = OutboxFilterForm(request.GET or None)
    filters = selectors.OutboxFilters()
    if form.is_bound:
        # A filter that is not valid is left out and said why; the valid ones still apply.
        form.is_valid()
        filters = selectors.OutboxFilters(
            status=form.cleaned_data.get("status") or "",
            recipient=(form.cleaned_data.get("recipient") or "").strip(),
        )
        for name, errors in form.errors.items():
            messages.error(request, f"{form.fields[name].label}: {' '.join(str(error) for error in errors)}")
    page = Paginator(selectors.outbox_for(user=request.user, filters=filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query_string = urlencode({k: v for k, v in request.GET.items() if k != "page" and v})
    return render(
        request,
        "notifications/outbox.html",
        {"nav": "sent_mail", "form": form, "page": page, "query_string": query_string},
    )


@login_required
def outbox_message(request: HttpRequest, message_id: int) -> HttpResponse:
    if not selectors.may_read_outbox(request.user):
        raise PermissionDenied
    message = selectors.outbox_message_get(user=request.user, message_id=message_id)
    return render(request, "notifications/message.html", {"nav": "sent_mail", "message": message})
