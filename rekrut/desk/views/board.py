"""The job board: a column per stage, and the moves made from it (move, reject, withdraw, reopen)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from rekrut.accounts.http import AuthedRequest
from rekrut.core.actions import carry_out
from rekrut.desk import board_cards
from rekrut.desk.forms import ActionForm, MoveBackForm, MoveForm, RejectForm
from rekrut.jobs.access import job_access_get
from rekrut.jobs.models import Stage
from rekrut.pipeline import selectors, services
from rekrut.pipeline.access import application_access_get
from rekrut.pipeline.models import Application


def _board_context(request: AuthedRequest, job_id: int) -> dict:
    access = job_access_get(user=request.user, job_id=job_id)
    columns = selectors.board_columns(job=access.job, limit=board_cards.FIRST_CARDS)
    return {
        "nav": "jobs",
        "job": access.job,
        "access": access,
        "columns": board_cards.columns_render(request, access, columns),
        "can_move": access.can_manage_applications,
        "reasons": selectors.reject_reasons(),
    }


@login_required
def board(request: AuthedRequest, job_id: int) -> HttpResponse:
    context = _board_context(request, job_id)
    template = "desk/_board.html" if request.htmx else "desk/board.html"
    return render(request, template, context)


@login_required
def board_more(request: AuthedRequest, job_id: int, stage_id: int) -> HttpResponse:
    """A column's next cards, asked for by the board as the user scrolls to the end of what it shows."""
    access = job_access_get(user=request.user, job_id=job_id)
    stage = get_object_or_404(Stage, pk=stage_id, job=access.job, is_active=True)
    offset = _number(request.GET.get("offset"))
    skip = _number(request.GET.get("skip")) or None
    return HttpResponse(board_cards.cards_render(request, access, stage, offset, skip=skip))


def _number(text: str | None) -> int:
    return int(text) if text and text.isdigit() and len(text) < 9 else 0


def _after_action(request: AuthedRequest, job_id: int) -> HttpResponse:
    """HTMX gets the refreshed board (with any message); a plain form post goes back where it came from."""
    if request.htmx:
        return render(request, "desk/_board.html", _board_context(request, job_id))
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return redirect(next_url)
    return redirect("desk:board", job_id=job_id)


def _after_move(request: AuthedRequest, moved: Application, from_stage_id: int) -> HttpResponse:
    """A card moved by HTMX: only the two columns it left and joined are rendered again (with the message),
    the moved card shown in its new column even when older cards fill that column's first places. A move
    that was refused gets the whole board, since others may have changed it meanwhile."""
    if not request.htmx:
        return _after_action(request, moved.job_id)
    access = job_access_get(user=request.user, job_id=moved.job_id)
    columns = selectors.board_columns(
        job=access.job, limit=board_cards.FIRST_CARDS, stage_ids={from_stage_id, moved.stage_id}
    )
    views = board_cards.columns_render(request, access, columns, pinned=moved.pk)
    # Each column replaces the one with its id, out of band.
    swaps = [mark_safe(v.html.replace("<section ", '<section hx-swap-oob="true" ', 1)) for v in views]  # noqa: S308
    response = render(request, "desk/_columns_swap.html", {"columns": swaps})
    response["HX-Reswap"] = "none"  # only the out-of-band columns and messages change
    return response


@login_required
@require_POST
def application_move(request: AuthedRequest, application_id: int) -> HttpResponse:
    application = application_access_get(user=request.user, application_id=application_id).application
    was_in = application.stage_id  # the service moves this very object
    form = MoveForm(request.POST)
    if form.is_valid():
        stage = get_object_or_404(Stage, pk=form.cleaned_data["to_stage"] or 0, job=application.job)
        moved = carry_out(
            request,
            lambda: services.application_move(
                application=application,
                to_stage=stage,
                actor=request.user,
                expected_version=form.cleaned_data["version"],
                note=form.cleaned_data["note"],
                override=form.cleaned_data["override"],
                override_reason=form.cleaned_data["override_reason"],
            ),
            lambda moved: (
                _("%(name)s moved to %(stage)s.")
                % {"name": moved.candidate.full_name, "stage": moved.stage.name}
            ),
        )
        if moved is not None:
            return _after_move(request, moved, was_in)
    else:
        messages.error(request, _("The move could not be read; reload the page and try again."))
    return _after_action(request, application.job_id)


@login_required
@require_POST
def application_move_back(request: AuthedRequest, application_id: int) -> HttpResponse:
    """HR undoes a mistaken move: back to the stage the application came from, with a reason."""
    application = application_access_get(user=request.user, application_id=application_id).application
    was_in = application.stage_id  # the service moves this very object
    form = MoveBackForm(request.POST)
    if form.is_valid():
        moved = carry_out(
            request,
            lambda: services.application_move_back(
                application=application,
                actor=request.user,
                expected_version=form.cleaned_data["version"],
                reason=form.cleaned_data["reason"],
            ),
            lambda moved: (
                _("%(name)s moved back to %(stage)s.")
                % {"name": moved.candidate.full_name, "stage": moved.stage.name}
            ),
        )
        if moved is not None:
            return _after_move(request, moved, was_in)
    else:
        messages.error(request, _("Say why the application moves back."))
    return _after_action(request, application.job_id)


@login_required
@require_http_methods(["GET", "POST"])
def application_reject(request: AuthedRequest, application_id: int) -> HttpResponse:
    """POST rejects; GET shows the same form as a page (the board opens it in a dialog when it can)."""
    access = application_access_get(user=request.user, application_id=application_id)
    application = access.application
    if request.method == "GET":
        if not access.job.can_manage_applications:
            raise PermissionDenied
        return render(
            request,
            "desk/reject.html",
            {"application": application, "reasons": selectors.reject_reasons()},
        )
    form = RejectForm(request.POST)
    if form.is_valid():
        carry_out(
            request,
            lambda: services.application_reject(
                application=application,
                reason=form.cleaned_data["reason"],
                actor=request.user,
                expected_version=form.cleaned_data["version"],
                note=form.cleaned_data["note"],
                notify_candidate=form.cleaned_data["notify_candidate"],
            ),
            lambda rejected: _("%(name)s was rejected.") % {"name": rejected.candidate.full_name},
        )
    else:
        messages.error(request, _("Choose a reason for the rejection."))
    return _after_action(request, application.job_id)


@login_required
@require_POST
def application_withdraw(request: AuthedRequest, application_id: int) -> HttpResponse:
    application = application_access_get(user=request.user, application_id=application_id).application
    form = ActionForm(request.POST)
    if form.is_valid():
        carry_out(
            request,
            lambda: services.application_withdraw(
                application=application,
                actor=request.user,
                expected_version=form.cleaned_data["version"],
                note=form.cleaned_data["note"],
            ),
            lambda _withdrawn: _("The withdrawal is recorded."),
        )
    return redirect("desk:candidate", candidate_id=application.candidate_id)


@login_required
@require_POST
def application_reopen(request: AuthedRequest, application_id: int) -> HttpResponse:
    access = application_access_get(user=request.user, application_id=application_id)
    application = access.application
    if not access.job.is_hr_owner:
        raise PermissionDenied
    form = ActionForm(request.POST)
    if form.is_valid():
        carry_out(
            request,
            lambda: services.application_reopen(
                application=application,
                actor=request.user,
                expected_version=form.cleaned_data["version"],
                note=form.cleaned_data["note"],
            ),
            lambda _reopened: _("The application is open again."),
        )
    else:
        messages.error(request, _("Say why the application is reopened."))
    return redirect("desk:candidate", candidate_id=application.candidate_id)
