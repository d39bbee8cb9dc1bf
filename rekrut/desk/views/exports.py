"""Downloads for HR: the candidates list (with the filters on screen) and a job's applications, as CSV or
XLSX (desk.exporting decides what is in them)."""

from collections.abc import Iterator

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.text import slugify

from rekrut.accounts.http import AuthedRequest
from rekrut.core.errors import AccessDenied
from rekrut.core.exports import Cell, csv_export, xlsx_export
from rekrut.desk import exporting
from rekrut.desk.forms import SearchForm
from rekrut.jobs.access import job_access_get
from rekrut.pipeline.search import CandidateFilters

EXPORT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _filters(request: AuthedRequest) -> CandidateFilters:
    """The list's filters from the query string; an invalid one is left out, as the list page does."""
    form = SearchForm(request.GET)
    form.is_valid()
    d = form.cleaned_data
    return CandidateFilters(
        query=d.get("q") or "",
        job_id=d.get("job"),
        stage_id=d.get("stage"),
        source=d.get("source") or "",
        applied_from=d.get("applied_from"),
        applied_to=d.get("applied_to"),
    )


def _download(name: str, file_type: str, headers: list[str], rows: Iterator[list[Cell]]) -> HttpResponse:
    if file_type == "csv":
        content = csv_export(headers=headers, rows=rows)
    else:
        content = xlsx_export(headers=headers, rows=rows, title=name)
    response = HttpResponse(content, content_type=EXPORT_TYPES[file_type])
    stem = slugify(f"rekrut-{name}-{timezone.localdate().isoformat()}")
    response["Content-Disposition"] = f'attachment; filename="{stem}.{file_type}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def candidates_export(request: AuthedRequest, file_type: str) -> HttpResponse:
    if file_type not in EXPORT_TYPES:
        raise Http404
    try:
        headers, rows = exporting.candidates_export(user=request.user, filters=_filters(request))
    except AccessDenied:
        raise PermissionDenied from None
    return _download("candidates", file_type, headers, rows)


@login_required
def applications_export(request: AuthedRequest, job_id: int, file_type: str) -> HttpResponse:
    if file_type not in EXPORT_TYPES:
        raise Http404
    access = job_access_get(user=request.user, job_id=job_id)
    try:
        headers, rows = exporting.applications_export(user=request.user, access=access)
    except AccessDenied:
        raise PermissionDenied from None
    return _download(f"applications-{access.job.title}", file_type, headers, rows)
