"""Importing a provider's results: upload, the row-by-row preview, then save (all good rows, once)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from rekrut.accounts.http import AuthedRequest
from rekrut.assessments import importing
from rekrut.assessments.forms import ImportForm
from rekrut.assessments.models import ImportStatus
from rekrut.assessments.selectors import import_get
from rekrut.core.actions import carry_out


def _hr(request: AuthedRequest) -> None:
    if not request.user.is_hr:
        raise PermissionDenied


@login_required
def upload(request: AuthedRequest) -> HttpResponse:
    _hr(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        checked = carry_out(
            request,
            lambda: importing.import_check(
                user=request.user, kind=form.cleaned_data["assessment_type"], name=file.name, data=file.read()
            ),
            None,
            form=form,
        )
        if checked is not None:
            return redirect("assessments:import_preview", import_id=checked.pk)
    return render(
        request,
        "assessments/import.html",
        {"nav": "assessments", "form": form, "columns": importing.COLUMNS},
    )


@login_required
def preview(request: AuthedRequest, import_id: int) -> HttpResponse:
    _hr(request)
    found = import_get(user=request.user, import_id=import_id)
    problems = [{"line": p["line"], "text": importing.problem_text(p)} for p in found.problems]
    lines = sorted([*({"line": r["line"], "row": r} for r in found.rows), *problems], key=lambda x: x["line"])
    return render(
        request,
        "assessments/import_preview.html",
        {"nav": "assessments", "found": found, "lines": lines, "saved": found.status == ImportStatus.SAVED},
    )


@login_required
@require_POST
def save(request: AuthedRequest, import_id: int) -> HttpResponse:
    _hr(request)
    found = import_get(user=request.user, import_id=import_id)
    done = carry_out(
        request,
        lambda: importing.import_save(actor=request.user, result_import=found),
        importing.saved_message,
    )
    if done is None:
        return redirect("assessments:import_preview", import_id=found.pk)
    return redirect("assessments:types")
