"""An application's assessments: assign (or reuse an earlier result), invite, cancel, record the result,
and the report and note (each reading of a restricted one logged). Everyone who sees the application reads
the results and conclusions; HR acts."""

from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rekrut.accounts.http import AuthedRequest
from rekrut.accounts.specific_data import specific_data_openings
from rekrut.assessments import selectors
from rekrut.assessments.access import REPORTS_DATA, AssessmentAccess, assessment_access_get
from rekrut.assessments.forms import AssignForm, CancelForm, InviteForm, ResultForm, ReuseForm
from rekrut.assessments.models import Assessment, AssessmentMode, AssessmentStatus, Delivery
from rekrut.assessments.services import assessments as services
from rekrut.assessments.services import reports
from rekrut.assessments.views.files import stored_file_response
from rekrut.core.actions import carry_out, carry_out_form, form_errors_as_messages

LOCAL_INPUT = "%Y-%m-%dT%H:%M"


def _zone(access: AssessmentAccess) -> str:
    return access.application.application.job.location.time_zone


def _local(moment: Any, zone: str) -> str:
    return timezone.localtime(moment, ZoneInfo(zone)).strftime(LOCAL_INPUT) if moment else ""


@login_required
def application(request: AuthedRequest, application_id: int) -> HttpResponse:
    access = assessment_access_get(user=request.user, application_id=application_id)
    app = access.application.application
    zone = _zone(access)
    form = AssignForm(request.POST or None)
    if request.method == "POST":
        if not access.can_manage:
            raise PermissionDenied
        if form.is_valid():
            done = carry_out(
                request,
                lambda: services.assessment_assign(
                    actor=request.user,
                    application=app,
                    assessment_type=form.cleaned_data["assessment_type"],
                    idempotency_key=form.cleaned_data["idempotency_key"],
                ),
                _("The assessment is assigned. Invite the candidate when you are ready."),
                form=form,
            )
            if done is not None:
                return redirect("assessments:application", application_id=app.pk)
    rows = selectors.assessments_of(application_id=app.pk)
    items = []
    for row in rows:
        item: dict[str, Any] = {"assessment": row, "sees_report": access.sees_report(row)}
        if access.can_manage and row.status in services.OPEN_STATUSES:
            item["cancel_form"] = CancelForm(initial={"version": row.version}, prefix=f"c{row.pk}")
        # An online test is sent from its own page (its link, deadline and clock); the generic invitation
        # would mislead, so only other types get it.
        item["is_online_test"] = row.assessment_type.delivery == Delivery.ONLINE
        if "cancel_form" in item and not item["is_online_test"]:
            item["invite_form"] = InviteForm(
                initial={
                    "version": row.version,
                    "scheduled_at": _local(row.scheduled_at, zone),
                    "deadline": _local(row.deadline, zone),
                    "mode": row.mode or AssessmentMode.ON_SITE,
                    "location": row.location,
                    "meeting_url": row.meeting_url,
                    "note": row.note_to_candidate,
                },
                prefix=f"i{row.pk}",
            )
        if access.can_manage and row.status != AssessmentStatus.CANCELLED and row.result_source != "reused":
            item["result_form"] = ResultForm(
                initial={
                    "version": row.version,
                    "score": row.score,
                    "category": row.category,
                    "conclusion": row.conclusion,
                    **{f"rating_{k}": v for k, v in (row.rubric_ratings or {}).items()},
                },
                kind=row.assessment_type,
                with_report=access.can_write_report(row),
                prefix=f"r{row.pk}",
            )
        items.append(item)
    context = {
        "nav": "candidates",
        "application": app,
        "access": access,
        "zone": zone,
        "items": items,
        "assign_form": form,
        "reusable": services.reusable_results(application=app) if access.can_manage else [],
        "reports_audit": specific_data_openings(user=request.user, kind=REPORTS_DATA, subjects=rows),
    }
    return render(request, "assessments/application.html", context)


def _found(request: AuthedRequest, assessment_id: int, *, manage: bool = True) -> selectors.Found:
    found = selectors.assessment_get(user=request.user, assessment_id=assessment_id)
    if manage and not found.access.can_manage:
        raise PermissionDenied
    return found


def _back(assessment: Assessment) -> HttpResponse:
    url = reverse("assessments:application", args=[assessment.application_id])
    return redirect(f"{url}#assessment-{assessment.pk}")


@login_required
@require_POST
def reuse(request: AuthedRequest, application_id: int) -> HttpResponse:
    access = assessment_access_get(user=request.user, application_id=application_id)
    if not access.can_manage:
        raise PermissionDenied
    form = ReuseForm(request.POST)

    def run(d: dict[str, Any]) -> Assessment:
        # Only the number: the service finds it among the results it may offer, or refuses.
        source = Assessment(pk=d["source"])
        return services.assessment_reuse(
            actor=request.user,
            application=access.application.application,
            source=source,
            idempotency_key=d["idempotency_key"],
        )

    carry_out_form(request, form, run, _("The earlier result is reused for this application."))
    return redirect("assessments:application", application_id=application_id)


@login_required
@require_POST
def invite(request: AuthedRequest, assessment_id: int) -> HttpResponse:
    found = _found(request, assessment_id)
    form = InviteForm(request.POST, prefix=f"i{found.assessment.pk}")
    with timezone.override(ZoneInfo(_zone(found.access))):
        valid = form.is_valid()  # times typed are in the job location's zone
    if not valid:
        form_errors_as_messages(request, form)
        return _back(found.assessment)
    d = form.cleaned_data
    carry_out(
        request,
        lambda: services.assessment_invite(
            actor=request.user,
            assessment=found.assessment,
            expected_version=d["version"],
            scheduled_at=d["scheduled_at"],
            deadline=d["deadline"],
            mode=d["mode"],
            location=d["location"],
            meeting_url=d["meeting_url"],
            note=d["note"],
        ),
        _("The invitation is on its way to the candidate by e-mail."),
    )
    return _back(found.assessment)


@login_required
@require_POST
def cancel(request: AuthedRequest, assessment_id: int) -> HttpResponse:
    found = _found(request, assessment_id)
    carry_out_form(
        request,
        CancelForm(request.POST, prefix=f"c{found.assessment.pk}"),
        lambda d: services.assessment_cancel(
            actor=request.user, assessment=found.assessment, reason=d["reason"], expected_version=d["version"]
        ),
        _("The assessment is cancelled; its link no longer opens."),
    )
    return _back(found.assessment)


@login_required
@require_POST
def result(request: AuthedRequest, assessment_id: int) -> HttpResponse:
    found = _found(request, assessment_id)
    assessment = found.assessment
    form = ResultForm(
        request.POST,
        request.FILES,
        kind=assessment.assessment_type,
        with_report=found.access.can_write_report(assessment),
        prefix=f"r{assessment.pk}",
    )

    def record(d: dict[str, Any]) -> Assessment:
        with transaction.atomic():
            saved = services.assessment_result_record(
                actor=request.user,
                assessment=assessment,
                expected_version=d["version"],
                score=d.get("score"),
                category=d.get("category", ""),
                ratings=form.ratings(),
                conclusion=d.get("conclusion", ""),
                taken_on=d.get("taken_on"),
            )
            upload = d.get("report")
            if "note" in form.fields and (d.get("note") or upload):
                reports.assessment_report_save(
                    actor=request.user,
                    assessment=saved,
                    expected_version=saved.version,
                    note=d.get("note") or None,
                    report=reports.ReportUpload(name=upload.name, data=upload.read()) if upload else None,
                )
            return saved

    carry_out_form(request, form, record, _("The result is recorded."))
    return _back(assessment)


@login_required
def report(request: AuthedRequest, assessment_id: int) -> HttpResponse:
    """The report and the assessor's note; for a restricted type, only with the permission, logged."""
    found = _found(request, assessment_id, manage=False)
    if not found.access.sees_report(found.assessment):
        raise PermissionDenied
    details = carry_out(
        request,
        lambda: reports.assessment_report_open(
            user=request.user, access=found.access, assessment=found.assessment
        ),
        None,
    )
    return render(
        request,
        "assessments/report.html",
        {
            "nav": "candidates",
            "assessment": found.assessment,
            "application": found.assessment.application,
            "details": details,
        },
    )


@login_required
def report_file(request: AuthedRequest, assessment_id: int) -> HttpResponseBase:
    found = _found(request, assessment_id, manage=False)
    if not found.access.sees_report(found.assessment):
        raise PermissionDenied
    details = reports.assessment_report_open(
        user=request.user, access=found.access, assessment=found.assessment, download=True
    )
    if details is None:
        raise Http404
    return stored_file_response(
        request, details.report, stem=f"report {found.assessment.assessment_type.name}"
    )


@login_required
def work(request: AuthedRequest, assessment_id: int) -> HttpResponseBase:
    """The work the candidate handed in, for everyone who sees the application (interviewers in the kit)."""
    found = _found(request, assessment_id, manage=False)
    stem = f"{found.assessment.assessment_type.name} {found.assessment.application.candidate.full_name}"
    return stored_file_response(request, found.assessment.work_sample, stem=stem)
