"""Bulk import pages (candidates and jobs): upload, column mapping with a preview, and progress with the row
report."""

from functools import partial
from typing import Any, cast

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_htmx.http import HttpResponseClientRedirect

from rekrut.accounts.http import AuthedRequest
from rekrut.accounts.models import User
from rekrut.candidates.models import Source
from rekrut.core.errors import DomainError
from rekrut.core.tables import MAX_ROWS
from rekrut.core.uploads import MAX_UPLOAD_BYTES
from rekrut.intake import importing
from rekrut.intake.import_kinds import kind_of
from rekrut.intake.models import CandidateImport, ImportStatus, ImportTarget
from rekrut.intake.tasks import candidate_import_read, candidate_import_run
from rekrut.jobs.access import MANAGING_ROLES
from rekrut.jobs.models import Job, JobStatus
from rekrut.jobs.selectors import jobs_visible_to

REPORT_LIMIT = 500  # rows of the error report shown on the page; the rest are counted


def _user(request: AuthedRequest) -> User:
    return cast(User, request.user)  # every view here is behind login_required


def _is_htmx(request: AuthedRequest) -> bool:
    return bool(getattr(request, "htmx", False))  # set by django_htmx's middleware


def _jobs_managed(user: User) -> QuerySet[Job]:
    jobs = jobs_visible_to(user=user).exclude(status=JobStatus.CLOSED)
    if not user.is_hr_admin:
        jobs = jobs.filter(team__user=user, team__role__in=MANAGING_ROLES)
    return jobs.order_by("title")


class TableUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or Excel (.xlsx) file"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size and upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return upload


class ImportStartForm(TableUploadForm):
    job = forms.ModelChoiceField(
        label=_("Apply everyone to this job (optional)"), required=False, queryset=Job.objects.none()
    )
    source = forms.ChoiceField(label=_("Where these candidates came from"), choices=Source.choices)

    def __init__(self, *args: Any, jobs: QuerySet[Job], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        job_field = cast(forms.ModelChoiceField, self.fields["job"])
        job_field.queryset = jobs


@login_required
def import_start(request: AuthedRequest) -> HttpResponse:
    user = _user(request)
    if not user.is_hr:
        raise PermissionDenied
    initial = {"source": request.GET.get("source") or Source.IMPORT, "job": request.GET.get("job")}
    form = ImportStartForm(
        request.POST or None, request.FILES or None, initial=initial, jobs=_jobs_managed(user)
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            candidate_import = importing.import_upload(
                actor=user,
                name=upload.name or "",
                data=upload.read(),
                job=form.cleaned_data["job"],
                source=form.cleaned_data["source"],
            )
        except DomainError as error:
            form.add_error("file", str(error.message))
        else:
            # Reading a large sheet takes seconds: the worker does it, and the status page waits for it.
            transaction.on_commit(partial(candidate_import_read.enqueue, import_id=candidate_import.pk))
            return redirect("intake:import_status", import_id=candidate_import.pk)
    return render(
        request, "intake/import/start.html", {"nav": "candidates", "form": form, "max_rows": MAX_ROWS}
    )


@login_required
def job_import_start(request: AuthedRequest) -> HttpResponse:
    """Upload a job-listings file; the columns page and the run are the candidates import's."""
    user = _user(request)
    if not user.is_hr:
        raise PermissionDenied
    form = TableUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            job_import = importing.import_upload(
                actor=user, name=upload.name or "", data=upload.read(), kind=ImportTarget.JOBS
            )
        except DomainError as error:
            form.add_error("file", str(error.message))
        else:
            transaction.on_commit(partial(candidate_import_read.enqueue, import_id=job_import.pk))
            return redirect("intake:import_status", import_id=job_import.pk)
    return render(
        request, "intake/import/start_jobs.html", {"nav": "jobs", "form": form, "max_rows": MAX_ROWS}
    )


def _posted_mapping(request: AuthedRequest, candidate_import: CandidateImport) -> tuple[dict, dict]:
    """The mapping and options the columns form sent: a field's column, the columns joined after it and
    their separator, the unmapped columns HR unticked (dropped), and the mojibake switch."""
    fields = kind_of(candidate_import).fields
    mapping = {name: request.POST.get(name) or None for name in fields}
    joins = {name: [c for c in request.POST.getlist(f"{name}__join") if c] for name in fields}
    listed, kept = request.POST.getlist("listed"), set(request.POST.getlist("keep"))
    options = {
        "joins": {name: columns for name, columns in joins.items() if columns},
        "separators": {name: request.POST.get(f"{name}__sep", " ") for name in fields if joins.get(name)},
        "dropped": [column for column in listed if column not in kept],
        "repair": "repair" in request.POST if "repair_shown" in request.POST else True,
    }
    return mapping, options


def _nav(candidate_import: CandidateImport) -> str:
    return "jobs" if candidate_import.kind == ImportTarget.JOBS else "candidates"


@login_required
def import_map(request: AuthedRequest, import_id: int) -> HttpResponse:
    """GET: the guessed mapping and a preview. POST: a changed mapping (HTMX: the preview again), or start."""
    user = _user(request)
    candidate_import = importing.import_get(user=user, import_id=import_id)
    if candidate_import.status not in (ImportStatus.MAPPING, ImportStatus.FAILED):
        return redirect("intake:import_status", import_id=candidate_import.pk)
    kind = kind_of(candidate_import)
    mapping, options = candidate_import.mapping, candidate_import.options
    error = None
    if request.method == "POST":
        mapping, options = _posted_mapping(request, candidate_import)
        try:
            candidate_import = importing.import_map(
                actor=user, candidate_import=candidate_import, mapping=mapping, options=options
            )
            if request.POST.get("action") == "start":
                candidate_import = importing.import_queue(actor=user, candidate_import=candidate_import)
                transaction.on_commit(partial(candidate_import_run.enqueue, import_id=candidate_import.pk))
                return redirect("intake:import_status", import_id=candidate_import.pk)
        except DomainError as refused:
            error = refused.message
    shown = importing.import_fields_shown(candidate_import)
    joins = options.get("joins") or {}
    separators = options.get("separators") or {}
    repairs, repair_count = importing.import_repairs(candidate_import)
    context = {
        "nav": _nav(candidate_import),
        "candidate_import": candidate_import,
        "is_jobs": candidate_import.kind == ImportTarget.JOBS,
        "selects": [
            (
                name,
                label,
                mapping.get(name),
                [*joins.get(name, []), None, None][:2],
                separators.get(name, " "),
            )
            for name, label in kind.fields.items()
        ],
        "required": kind.required,
        "error": error,
        # A refused mapping was not saved: previewing the saved one would show something else.
        "preview": [] if error else importing.import_preview(candidate_import),
        "accounted": importing.import_columns_accounted(candidate_import),
        "has_notes": kind.notes_field is not None,
        "repair": candidate_import.options.get("repair", True),
        "repairs": repairs,
        "repair_count": repair_count,
        "shown": shown,
        "columns": [(name, kind.fields[name]) for name in shown],
    }
    template = "intake/import/_preview.html" if _is_htmx(request) else "intake/import/map.html"
    return render(request, template, context)


@login_required
def import_status(request: AuthedRequest, import_id: int) -> HttpResponse:
    """The progress page; HTMX polls it for the bar until the import is done or failed."""
    candidate_import = importing.import_get(user=_user(request), import_id=import_id, with_table=False)
    if candidate_import.status == ImportStatus.MAPPING:
        if _is_htmx(request):  # the poll saw the file read: the whole page moves on, not the fragment
            return HttpResponseClientRedirect(reverse("intake:import_map", args=[candidate_import.pk]))
        return redirect("intake:import_map", import_id=candidate_import.pk)
    context = {
        "nav": _nav(candidate_import),
        "candidate_import": candidate_import,
        "is_jobs": candidate_import.kind == ImportTarget.JOBS,
        "finished": candidate_import.status
        in (ImportStatus.DONE, ImportStatus.FAILED, ImportStatus.UNREADABLE),
        "report": candidate_import.errors[:REPORT_LIMIT],
        "report_rest": max(0, len(candidate_import.errors) - REPORT_LIMIT),
    }
    template = "intake/import/_status.html" if _is_htmx(request) else "intake/import/status.html"
    return render(request, template, context)
