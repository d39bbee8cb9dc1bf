"""HR's assessment types: the list (with "add the usual types" while it is empty), create, edit, retire."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rekrut.accounts.http import AuthedRequest
from rekrut.assessments.forms import TypeForm, VersionForm
from rekrut.assessments.models import AssessmentType
from rekrut.assessments.selectors import types_all
from rekrut.assessments.services import types as services
from rekrut.assessments.views.files import stored_file_response
from rekrut.core.actions import carry_out, carry_out_form


def _hr(request: AuthedRequest) -> None:
    if not request.user.is_hr:
        raise PermissionDenied


@login_required
def type_list(request: AuthedRequest) -> HttpResponse:
    _hr(request)
    return render(request, "assessments/types.html", {"nav": "assessments", "types": list(types_all())})


def _save(request: AuthedRequest, form: TypeForm, kind: AssessmentType | None) -> AssessmentType | None:
    def run() -> AssessmentType:
        data = form.service_data()
        if kind is None:
            saved = services.assessment_type_create(actor=request.user, data=data)
        else:
            saved = services.assessment_type_update(
                actor=request.user, kind=kind, data=data, expected_version=form.cleaned_data.get("version")
            )
        upload = form.cleaned_data.get("brief_file")
        if upload:
            services.assessment_type_brief_file_set(
                actor=request.user, kind=saved, name=upload.name, data=upload.read()
            )
        return saved

    # One transaction: a brief file refused leaves the type as it was.
    def atomic() -> AssessmentType:
        with transaction.atomic():
            return run()

    return carry_out(request, atomic, _("The assessment type is saved."), form=form)


@login_required
def type_create(request: AuthedRequest) -> HttpResponse:
    _hr(request)
    form = TypeForm(request.POST or None, request.FILES or None, initial={"shape": "score"})
    if request.method == "POST" and form.is_valid() and _save(request, form, None) is not None:
        return redirect("assessments:types")
    return render(request, "assessments/type_form.html", {"nav": "assessments", "form": form, "kind": None})


@login_required
def type_edit(request: AuthedRequest, type_id: int) -> HttpResponse:
    _hr(request)
    kind = get_object_or_404(AssessmentType, pk=type_id)
    form = TypeForm(request.POST or None, request.FILES or None, initial=TypeForm.initial_of(kind))
    if request.method == "POST" and form.is_valid() and _save(request, form, kind) is not None:
        return redirect("assessments:types")
    return render(request, "assessments/type_form.html", {"nav": "assessments", "form": form, "kind": kind})


@login_required
@require_POST
def type_retire(request: AuthedRequest, type_id: int) -> HttpResponse:
    _hr(request)
    kind = get_object_or_404(AssessmentType, pk=type_id)
    restore = request.POST.get("restore") == "1"
    carry_out_form(
        request,
        VersionForm(request.POST),
        lambda d: services.assessment_type_retire(
            actor=request.user, kind=kind, expected_version=d["version"], active=restore
        ),
        _("The assessment type is in use again.") if restore else _("The assessment type is retired."),
    )
    return redirect("assessments:types")


@login_required
@require_POST
def types_usual(request: AuthedRequest) -> HttpResponse:
    _hr(request)
    carry_out(
        request,
        lambda: services.assessment_types_usual_add(actor=request.user),
        lambda added: _("%(count)s assessment types added. Check each before use.") % {"count": len(added)},
    )
    return redirect("assessments:types")


@login_required
def type_brief(request: AuthedRequest, type_id: int) -> HttpResponseBase:
    """The brief file, for staff (the candidate gets it through their assessment's page)."""
    kind = get_object_or_404(AssessmentType, pk=type_id)
    return stored_file_response(request, kind.brief_file, stem=f"brief {kind.name}")
