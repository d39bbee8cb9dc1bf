"""Report pages: the dashboard, each report, its tables as CSV/XLSX, a job's PDF summary, the settings.

Every view starts from `_scope`: the viewer's scope is decided once (reports.scope) and every figure below
is computed within it.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from rekrut.accounts.http import AuthedRequest
from rekrut.core.actions import carry_out
from rekrut.core.exports import csv_export, xlsx_export
from rekrut.core.pdf import pdf_language, pdf_render, pdf_response
from rekrut.jobs.access import job_access_get
from rekrut.jobs.models import Level
from rekrut.reports import services
from rekrut.reports.charts import chart_draw
from rekrut.reports.filters import filters_read
from rekrut.reports.forms import ReportSettingsForm
from rekrut.reports.models import SpeedTarget
from rekrut.reports.registry import REPORTS
from rekrut.reports.scope import ReportScope, ReportsRefused, report_scope
from rekrut.reports.selectors.speed import report_settings
from rekrut.reports.tables import Report

EXPORT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _refused(request: HttpRequest, error: ReportsRefused) -> HttpResponse:
    return render(request, "reports/refused.html", {"message": error.message, "nav": "reports"}, status=403)


def _scope(request: AuthedRequest) -> ReportScope:
    return report_scope(user=request.user)


def _filters(request: HttpRequest, scope: ReportScope, *, warn: bool = True):
    form, filters, problems = filters_read(request.GET, scope=scope)
    if warn:
        for problem in problems:
            messages.warning(request, _("This filter was left out: %(problem)s") % {"problem": problem})
    return form, filters


def _drawn(report: Report) -> list[tuple]:
    """Each table with its chart (or None), in the report's order."""
    sections = []
    for table in report.tables:
        chart = report.chart_for(table)
        sections.append((table, chart_draw(chart) if chart else None))
    return sections


@login_required
def dashboard(request: AuthedRequest) -> HttpResponse:
    try:
        scope = _scope(request)
    except ReportsRefused as error:
        return _refused(request, error)
    form, filters = _filters(request, scope)
    funnel = REPORTS["funnel"].run(scope, filters)
    return render(
        request,
        "reports/dashboard.html",
        {
            "nav": "reports",
            "form": form,
            "filters": filters,
            "scope": scope,
            "report": funnel,
            "sections": _drawn(funnel)[:1],
            "reports": REPORTS.values(),
        },
    )


@login_required
def report(request: AuthedRequest, key: str) -> HttpResponse:
    kind = REPORTS.get(key)
    if kind is None:
        raise Http404
    try:
        scope = _scope(request)
    except ReportsRefused as error:
        return _refused(request, error)
    form, filters = _filters(request, scope)
    built = kind.run(scope, filters)
    return render(
        request,
        "reports/report.html",
        {
            "nav": "reports",
            "form": form,
            "filters": filters,
            "scope": scope,
            "kind": kind,
            "report": built,
            "sections": _drawn(built),
            "reports": REPORTS.values(),
        },
    )


@login_required
def export(request: AuthedRequest, key: str, table: str, file_type: str) -> HttpResponse:
    kind = REPORTS.get(key)
    if kind is None or file_type not in EXPORT_TYPES:
        raise Http404
    try:
        scope = _scope(request)
    except ReportsRefused as error:
        return _refused(request, error)
    _form, filters = _filters(request, scope, warn=False)
    found = kind.run(scope, filters).table(table)
    if found is None:
        raise Http404
    headers = [str(header) for header in found.headers]
    if file_type == "csv":
        content = csv_export(headers=headers, rows=found.rows)
    else:
        content = xlsx_export(headers=headers, rows=found.rows, title=str(found.caption))
    stem = slugify(f"rekrut-{key}-{table}-{filters.period.first_day}-{filters.period.last_day}")
    response = HttpResponse(content, content_type=EXPORT_TYPES[file_type])
    response["Content-Disposition"] = f'attachment; filename="{stem}.{file_type}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def job_summary(request: AuthedRequest, job_id: int) -> HttpResponse:
    """A printable PDF of one job's figures for the directors: funnel, speed, sources, offers."""
    try:
        scope = _scope(request)
    except ReportsRefused as error:
        return _refused(request, error)
    job = job_access_get(user=request.user, job_id=job_id).job
    query = request.GET.copy()
    query["job"] = str(job.pk)
    for name in ("department", "location", "level"):
        query.pop(name, None)
    _form, filters, _problems = filters_read(query, scope=scope)
    if filters.job is None:
        raise Http404
    language = pdf_language(request)
    with translation.override(language):
        reports = [REPORTS[key].run(scope, filters) for key in ("funnel", "speed", "sources", "offers")]
        content = pdf_render(
            template="reports/job_summary_pdf.html",
            context={"job": job, "filters": filters, "reports": [(r, _drawn(r)) for r in reports]},
            language=language,
        )
    return pdf_response(content, filename=f"{job.title}-{filters.period.first_day}")


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request: AuthedRequest) -> HttpResponse:
    try:
        scope = _scope(request)
    except ReportsRefused as error:
        return _refused(request, error)
    if not scope.may_set_targets:
        return _refused(request, ReportsRefused(_("Only HR admins change the report settings.")))
    current = report_settings()
    targets = {target.level: target for target in SpeedTarget.objects.all()}
    initial: dict[str, object] = {
        "stalled_after_days": current.stalled_after_days,
        "calibration_min_applications": current.calibration_min_applications,
    }
    for level in Level.values:
        target = targets.get(level)
        initial[f"hire_{level}"] = target.days_to_hire if target else None
        initial[f"fill_{level}"] = target.days_to_fill if target else None
    form = ReportSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = carry_out(
            request,
            lambda: services.report_settings_update(
                actor=request.user,
                stalled_after_days=data["stalled_after_days"],
                calibration_min_applications=data["calibration_min_applications"],
                targets=[
                    services.TargetInput(level, data.get(f"hire_{level}"), data.get(f"fill_{level}"))
                    for level in Level.values
                ],
            ),
            _("Report settings saved."),
            form=form,
        )
        if done is not None:
            return redirect("reports:settings")
    return render(request, "reports/settings.html", {"nav": "reports", "form": form, "now": timezone.now()})
