from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from rekrut.events import selectors
from rekrut.events.forms import AuditFilterForm

PAGE_SIZE = 50


@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    """The audit log for HR admins: newest first, filtered by action and by person."""
    if not selectors.may_read_audit_log(request.user):
        raise PermissionDenied
    form = AuditFilterForm(request.GET or None, actors=selectors.audit_actors_for(user=request.user))
    filters = selectors.AuditFilters()
    if form.is_valid():
        actor = form.cleaned_data["actor"]
        filters = selectors.AuditFilters(
            action=form.cleaned_data["action"], actor_id=actor.pk if actor else None
        )
    events = selectors.audit_events_for(user=request.user, filters=filters)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    query_string = urlencode({k: v for k, v in request.GET.items() if k != "page" and v})
    return render(
        request,
        "events/log.html",
        {"nav": "audit", "form": form, "page": page, "query_string": query_string},
    )
