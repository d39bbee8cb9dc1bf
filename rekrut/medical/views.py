"""The MCU pages: an application's check-ups (plan, move, cancel, invite, record the result), the health
details and the report (each opening logged), and the candidate's invitation. Who may see health data is
decided on accounts:specific_data."""

from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rekrut.accounts.http import AuthedRequest
from rekrut.accounts.specific_data import specific_data_openings
from rekrut.core.actions import carry_out, carry_out_form
from rekrut.core.errors import SignedLinkRefused, SignedLinkUnknown, SignedLinkWrongPurpose
from rekrut.core.files import file_response
from rekrut.core.http import client_ip, client_user_agent
from rekrut.core.signed_links import signed_link_verify
from rekrut.core.uploads import SCAN_TYPES, download_filename
from rekrut.medical import selectors, services
from rekrut.medical.access import HEALTH_DATA, MedicalAccess, medical_access_get
from rekrut.medical.forms import CancelForm, PlanForm, RescheduleForm, ResultForm, VersionForm
from rekrut.medical.models import CheckStatus, MedicalCheck

LOCAL_INPUT = "%Y-%m-%dT%H:%M"


def _zone(access: MedicalAccess) -> str:
    return access.application.application.job.location.time_zone


@login_required
def application(request: AuthedRequest, application_id: int) -> HttpResponse:
    """The application's MCU: the current one with what HR can do next, the history, and for HR admins
    who read or changed the health details."""
    access = medical_access_get(user=request.user, application_id=application_id)
    app = access.application.application
    zone = _zone(access)
    form = PlanForm(request.POST or None)
    if request.method == "POST":
        if not access.can_manage:
            raise PermissionDenied
        with timezone.override(ZoneInfo(zone)):
            valid = form.is_valid()
        if valid:
            d = form.cleaned_data
            planned = carry_out(
                request,
                lambda: services.medical_check_plan(
                    actor=request.user,
                    application=app,
                    provider=d["provider"],
                    package=d["package"],
                    scheduled_at=d["scheduled_at"],
                    idempotency_key=d["idempotency_key"],
                ),
                _("The medical check-up is planned. Invite the candidate when you are ready."),
                form=form,
            )
            if planned is not None:
                return redirect("medical:application", application_id=app.pk)
    checks = selectors.checks_of(application_id=app.pk)
    current = selectors.current_check(checks)
    context = {
        "nav": "candidates",
        "application": app,
        "access": access,
        "zone": zone,
        "current": current,
        "history": [check for check in checks if not check.is_current],
        "plan_form": form,
        "can_plan": access.can_manage and (current is None or current.status != CheckStatus.PLANNED),
        "health_audit": specific_data_openings(user=request.user, kind=HEALTH_DATA, subjects=checks),
    }
    if current is not None and access.can_manage:
        local = timezone.localtime(current.scheduled_at, ZoneInfo(zone)).strftime(LOCAL_INPUT)
        context["reschedule_form"] = RescheduleForm(
            initial={
                "provider": current.provider_id,
                "package": current.package_id,
                "scheduled_at": local,
                "version": current.version,
            }
        )
        context["cancel_form"] = CancelForm(initial={"version": current.version})
        context["result_form"] = ResultForm(
            initial={"version": current.version, "conclusion": current.conclusion},
            with_details=access.can_write_details,
        )
    return render(request, "medical/application.html", context)


def _check_access(request: AuthedRequest, check_id: int) -> selectors.CheckAccess:
    found = selectors.check_get(user=request.user, check_id=check_id)
    if not found.access.can_manage:
        raise PermissionDenied
    return found


def _back(check: MedicalCheck) -> HttpResponse:
    return redirect("medical:application", application_id=check.application_id)


@login_required
@require_POST
def reschedule(request: AuthedRequest, check_id: int) -> HttpResponse:
    found = _check_access(request, check_id)
    form = RescheduleForm(request.POST)
    with timezone.override(ZoneInfo(_zone(found.access))):
        form.is_valid()  # the time typed is in the clinic's zone; carry_out_form reads the cleaned result
    carry_out_form(
        request,
        form,
        lambda d: services.medical_check_reschedule(
            actor=request.user,
            check=found.check,
            provider=d["provider"],
            package=d["package"],
            scheduled_at=d["scheduled_at"],
            expected_version=d["version"],
        ),
        _("The medical check-up is moved. Send the candidate a new invitation."),
    )
    return _back(found.check)


@login_required
@require_POST
def cancel(request: AuthedRequest, check_id: int) -> HttpResponse:
    found = _check_access(request, check_id)
    carry_out_form(
        request,
        CancelForm(request.POST),
        lambda d: services.medical_check_cancel(
            actor=request.user, check=found.check, reason=d["reason"], expected_version=d["version"]
        ),
        _("The medical check-up is cancelled; its invitation link no longer opens."),
    )
    return _back(found.check)


@login_required
@require_POST
def invite(request: AuthedRequest, check_id: int) -> HttpResponse:
    found = _check_access(request, check_id)
    carry_out_form(
        request,
        VersionForm(request.POST),
        lambda d: services.medical_invite(
            actor=request.user, check=found.check, expected_version=d["version"]
        ),
        _("The invitation is on its way to the candidate by e-mail."),
    )
    return _back(found.check)


@login_required
@require_POST
def result(request: AuthedRequest, check_id: int) -> HttpResponse:
    found = _check_access(request, check_id)
    form = ResultForm(request.POST, request.FILES, with_details=found.access.can_write_details)

    def record(d: dict[str, Any]) -> MedicalCheck:
        upload = d.get("report")
        return services.medical_result_record(
            actor=request.user,
            check=found.check,
            conclusion=d["conclusion"],
            expected_version=d["version"],
            # A permission holder's empty note box means "no note"; others send no note at all.
            note=d.get("note") if "note" in form.fields else None,
            report=services.ReportUpload(name=upload.name, data=upload.read()) if upload else None,
        )

    carry_out_form(request, form, record, _("The medical check-up's result is recorded."))
    return _back(found.check)


@login_required
def details(request: AuthedRequest, check_id: int) -> HttpResponse:
    """The doctor's note and the report, to people allowed to see health data; every opening is logged."""
    found = selectors.check_get(user=request.user, check_id=check_id)
    if not found.access.sees_health_details:
        raise PermissionDenied
    health = services.health_details_open(user=request.user, access=found.access, check=found.check)
    return render(
        request,
        "medical/details.html",
        {
            "nav": "candidates",
            "check": found.check,
            "application": found.check.application,
            "health": health,
            "zone": _zone(found.access),
        },
    )


@login_required
def report(request: AuthedRequest, check_id: int) -> HttpResponseBase:
    found = selectors.check_get(user=request.user, check_id=check_id)
    if not found.access.sees_health_details:
        raise PermissionDenied
    health = services.health_report_open(user=request.user, access=found.access, check=found.check)
    if health is None:
        raise Http404
    stem = health.report_name or f"mcu-{found.check.pk}"
    if stem.lower().endswith((".jpg", ".jpeg", ".png", ".pdf")):
        stem = stem.rsplit(".", 1)[0]
    # Named after what the content is (checked when uploaded), never what the clinic called the file.
    return file_response(
        request,
        health.report,
        filename=download_filename(name=stem, kind=health.report_kind),
        content_type=SCAN_TYPES[health.report_kind],
    )


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The candidate's page: where and when, what is checked and what to bring, in their language (unless
    they chose another on the page). An unknown, expired or withdrawn link gets a page saying so."""
    try:
        link = signed_link_verify(
            token=token,
            purpose=services.INVITE_PURPOSE,
            ip=client_ip(request),
            user_agent=client_user_agent(request),
        )
    except SignedLinkRefused as refused:
        # Gone for a link that once worked (expired, withdrawn, used up); unknown otherwise.
        status = 404 if isinstance(refused, SignedLinkUnknown | SignedLinkWrongPurpose) else 410
        return render(request, "medical/link_refused.html", {"message": refused.message}, status=status)
    check = (
        MedicalCheck.objects.select_related(
            "provider", "package", "application__candidate", "application__job__location"
        )
        .filter(pk=link.subject_id)
        .first()
    )
    if check is None:
        raise Http404
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    language = chosen or check.application.candidate.language
    with translation.override(language):
        context = services.invitation_context(check, language=language)
        response = render(request, "medical/invitation.html", {**context, "check": check})
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response
