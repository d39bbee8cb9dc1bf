"""Each signed-in person's own working hours and blocked time, in their own zone."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rekrut.accounts.http import AuthedRequest
from rekrut.core.actions import carry_out
from rekrut.scheduling.availability import week_of
from rekrut.scheduling.forms_availability import BlockedTimeForm, WorkingHoursForm
from rekrut.scheduling.models import BlockedTime, WorkingHours
from rekrut.scheduling.services import availability as services


@login_required
def availability(request: AuthedRequest) -> HttpResponse:
    """GET shows the week and the blocked times ahead; POST saves the week (or resets it to the default)."""
    user = request.user
    hours_form = WorkingHoursForm(request.POST or None, week=week_of(user))
    blocked_form = BlockedTimeForm()
    if request.method == "POST":
        if "reset" in request.POST:
            carry_out(
                request,
                lambda: services.working_hours_set(actor=user, user=user, week=None),
                _("Your working hours are back to the standard office hours."),
            )
            return redirect("scheduling:availability")
        if hours_form.is_valid():
            saved = carry_out(
                request,
                lambda: services.working_hours_set(
                    actor=user, user=user, week=hours_form.cleaned_data["week"]
                ),
                _("Your working hours are saved."),
                form=hours_form,
            )
            if saved is not None:
                return redirect("scheduling:availability")
    return _page(request, hours_form, blocked_form)


def _page(
    request: AuthedRequest, hours_form: WorkingHoursForm, blocked_form: BlockedTimeForm
) -> HttpResponse:
    user = request.user
    return render(
        request,
        "scheduling/availability.html",
        {
            "nav": "availability",
            "hours_form": hours_form,
            "blocked_form": blocked_form,
            "is_default": not WorkingHours.objects.filter(user=user).exists(),
            "blocked": BlockedTime.objects.filter(user=user, ends_at__gt=timezone.now()).order_by(
                "starts_at"
            ),
        },
    )


@login_required
@require_POST
def blocked_add(request: AuthedRequest) -> HttpResponse:
    form = BlockedTimeForm(request.POST)
    if form.is_valid():
        added = carry_out(
            request,
            lambda: services.blocked_time_add(
                actor=request.user,
                starts_at=form.cleaned_data["starts_at"],
                ends_at=form.cleaned_data["ends_at"],
                reason=form.cleaned_data["reason"],
            ),
            _("The time is blocked: no interview times are offered then."),
            form=form,
        )
        if added is not None:
            return redirect("scheduling:availability")
    messages.error(request, _("The blocked time was not added; see the form below."))
    return _page(request, WorkingHoursForm(week=week_of(request.user)), form)


@login_required
@require_POST
def blocked_remove(request: AuthedRequest, blocked_id: int) -> HttpResponse:
    # Only one's own: someone else's id is simply not found.
    blocked = get_object_or_404(BlockedTime, pk=blocked_id, user=request.user)
    carry_out(
        request,
        lambda: services.blocked_time_remove(actor=request.user, blocked=blocked),
        _("The blocked time is removed."),
    )
    return redirect("scheduling:availability")
