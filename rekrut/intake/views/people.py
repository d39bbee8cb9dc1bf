"""Adding candidates (by form, with a CV read as it is chosen), editing them, and applying them to a job."""

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
from rekrut.candidates.models import Candidate
from rekrut.candidates.services import PossibleDuplicate
from rekrut.core.actions import carry_out
from rekrut.core.errors import DomainError
from rekrut.core.forms import IdempotencyKeyField
from rekrut.core.uploads import UploadRejected
from rekrut.intake.cv.summary import cv_parts
from rekrut.intake.cv_reading import SCANNED_MESSAGE
from rekrut.intake.forms import CandidateForm, cv_upload_read
from rekrut.intake.services import candidate_edit as candidate_edit_save
from rekrut.intake.services import candidate_intake
from rekrut.jobs.models import JobStatus
from rekrut.jobs.selectors import jobs_visible_to
from rekrut.pipeline.access import candidate_access_get, candidate_duplicates_for
from rekrut.pipeline.services import application_create


def _open_jobs(request: AuthedRequest) -> "forms.ModelChoiceField":
    return forms.ModelChoiceField(
        label=gettext_lazy("Apply for job"),
        required=False,
        queryset=jobs_visible_to(user=request.user).exclude(status=JobStatus.CLOSED),
    )


class IntakeForm(CandidateForm):
    allow_duplicate = forms.BooleanField(required=False, widget=forms.HiddenInput)
    idempotency_key = IdempotencyKeyField()


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
                idempotency_key=form.cleaned_data["idempotency_key"],
                resume=form.cv_resume(),
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
            return redirect("desk:candidate", candidate_id=candidate.pk)
    parts = cv_parts(form.cv_reading) if form.cv_reading else []
    return render(
        request, "intake/add.html", {"nav": "candidates", "form": form, "matches": matches, "cv_parts": parts}
    )


@login_required
@require_POST
def cv_read(request: AuthedRequest) -> HttpResponse:
    """HTMX: reads the CV once chosen and fills in the name, e-mail, phone, city and links it finds where
    HR has not typed them yet, and shows the work, education and skills read (the file is sent again on
    save)."""
    if not request.user.is_hr:
        raise PermissionDenied
    upload = request.FILES.get("cv")
    typed = {
        key: request.POST.get(key, "").strip()
        for key in ("full_name", "email", "phone", "city", "links_text")
    }
    # The parts read from a CV chosen before are replaced (or cleared) whatever this one gives.
    context: dict = {"error": None, "email": typed["email"], "phone": typed["phone"], "oob_parts": True}
    if upload is None:
        context["error"] = _("Choose a file first.")
    else:
        try:
            _data, extracted = cv_upload_read(upload)
        except UploadRejected as error:
            context["error"] = error.message
        else:
            reading = extracted.reading
            context["email"] = typed["email"] or (extracted.emails[0] if extracted.emails else "")
            context["phone"] = typed["phone"] or (extracted.phones[0] if extracted.phones else "")
            context["found_text"] = bool(extracted.text)
            context["scanned_message"] = SCANNED_MESSAGE if extracted.scanned else ""
            context["duplicates"], context["hidden_duplicates"] = candidate_duplicates_for(
                user=request.user, email=context["email"], phone=context["phone"]
            )
            # Fields HR already typed are kept; the others are filled from the CV (outside the swapped
            # block, so they come back as out-of-band swaps).
            context["prefill"] = CandidateForm(
                initial={
                    "full_name": typed["full_name"] or reading.name,
                    "city": typed["city"] or reading.city,
                    "links_text": typed["links_text"] or "\n".join(reading.links),
                }
            )
            context["cv_parts"] = cv_parts(reading)
    return render(request, "intake/_contact_fields.html", context)


@login_required
@require_POST
def candidate_apply(request: AuthedRequest, candidate_id: int) -> HttpResponse:
    candidate = candidate_access_get(user=request.user, candidate_id=candidate_id).candidate
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
    return redirect("desk:candidate", candidate_id=candidate.pk)


@login_required
def candidate_edit(request: AuthedRequest, candidate_id: int) -> HttpResponse:
    access = candidate_access_get(user=request.user, candidate_id=candidate_id)
    if not access.can_edit:
        raise PermissionDenied
    candidate = access.candidate
    form = CandidateForm(request.POST or None, request.FILES or None, instance=candidate)
    loaded = request.POST.get("loaded_version") or candidate.updated_at.isoformat()
    if request.method == "POST" and form.is_valid():
        saved = carry_out(
            request,
            lambda: candidate_edit_save(
                actor=request.user,
                candidate=candidate,
                loaded_version=loaded,
                cv=form.cv_upload,
                resume=form.cv_resume(),
                **form.candidate_fields(),
            ),
            _("The candidate is saved."),
            form=form,
        )
        if saved is not None:
            return redirect("desk:candidate", candidate_id=candidate.pk)
    return render(
        request,
        "intake/edit.html",
        {"nav": "candidates", "form": form, "candidate": candidate, "loaded_version": loaded},
    )
