"""Adding candidates (by form, with a CV read as it is chosen) and applying existing ones to a job."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from rekrut.accounts.http import AuthedRequest
from rekrut.candidates.cv_extract import UploadRejected
from rekrut.candidates.forms import CandidateForm, cv_from_upload
from rekrut.candidates.models import Candidate
from rekrut.candidates.selectors import candidate_duplicates_for, candidate_get
from rekrut.candidates.services import PossibleDuplicate
from rekrut.core.actions import carry_out
from rekrut.core.errors import DomainError
from rekrut.jobs.models import JobStatus
from rekrut.jobs.selectors import jobs_visible_to
from rekrut.pipeline.intake import candidate_intake
from rekrut.pipeline.services import application_create


def _open_jobs(request: AuthedRequest) -> "forms.ModelChoiceField":
    return forms.ModelChoiceField(
        label=gettext_lazy("Apply for job"),
        required=False,
        queryset=jobs_visible_to(user=request.user).exclude(status=JobStatus.CLOSED),
    )


class IntakeForm(CandidateForm):
    allow_duplicate = forms.BooleanField(required=False, widget=forms.HiddenInput)


@login_required
def candidate_add(request: AuthedRequest) -> HttpResponse:
    if not request.user.is_hr:
        raise PermissionDenied
    form = IntakeForm(
        request.POST or None, request.FILES or None, initial={"source": request.GET.get("source", "other")}
    )
    form.fields["job"] = _open_jobs(request)
    if request.GET.get("job"):
        form.initial["job"] = request.GET["job"]
    matches: list[Candidate] = []
    if request.method == "POST" and form.is_valid():
        fields = form.candidate_fields()
        try:
            candidate = candidate_intake(
                actor=request.user,
                job=form.cleaned_data["job"],
                cv=form.cv_upload,
                allow_duplicate=form.cleaned_data["allow_duplicate"],
                **fields,
            )
        except PossibleDuplicate as duplicate:
            matches, hidden = candidate_duplicates_for(
                user=request.user, email=fields["email"], phone=fields["phone"]
            )
            if hidden:
                form.add_error(None, _("This person also applied to a job of another team. Ask an HR admin."))
            form.add_error(None, duplicate.message)
            resubmit = request.POST.copy()
            resubmit["allow_duplicate"] = "True"  # a second save confirms it is someone else
            form.data = resubmit
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("%(name)s is added.") % {"name": candidate.full_name})
            return redirect("candidates:detail", candidate_id=candidate.pk)
    return render(request, "candidates/add.html", {"nav": "candidates", "form": form, "matches": matches})


@login_required
@require_POST
def cv_read(request: AuthedRequest) -> HttpResponse:
    """HTMX: reads the CV once chosen and fills in e-mail and phone (the file is sent again on save)."""
    if not request.user.is_hr:
        raise PermissionDenied
    upload = request.FILES.get("cv")
    context: dict = {
        "error": None,
        "email": request.POST.get("email", ""),
        "phone": request.POST.get("phone", ""),
    }
    if upload is None:
        context["error"] = _("Choose a file first.")
    else:
        try:
            cv = cv_from_upload(upload)
        except UploadRejected as error:
            context["error"] = error.message
        else:
            extracted = cv.extracted
            context["email"] = context["email"] or (extracted.emails[0] if extracted.emails else "")
            context["phone"] = context["phone"] or (extracted.phones[0] if extracted.phones else "")
            context["found_text"] = bool(extracted.text)
            context["duplicates"], context["hidden_duplicates"] = candidate_duplicates_for(
                user=request.user, email=context["email"], phone=context["phone"]
            )
    return render(request, "candidates/_contact_fields.html", context)


@login_required
@require_POST
def candidate_apply(request: AuthedRequest, candidate_id: int) -> HttpResponse:
    candidate = candidate_get(user=request.user, candidate_id=candidate_id)
    job_id = request.POST.get("job", "")
    job = jobs_visible_to(user=request.user).filter(pk=int(job_id)).first() if job_id.isdigit() else None
    if job is None:
        messages.error(request, _("Choose a job."))
    else:
        carry_out(
            request,
            lambda: application_create(actor=request.user, candidate=candidate, job=job),
            _("%(name)s now applies for %(job)s.") % {"name": candidate.full_name, "job": job.title},
        )
    return redirect("candidates:detail", candidate_id=candidate.pk)
