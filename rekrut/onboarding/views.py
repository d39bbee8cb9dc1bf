"""The onboarding pages: the list of onboardings, an application's checklist (start, tick, send the link,
hand off), the specific data and the documents (each opening logged), the export, and the new employee's
own page (the signed link, no account)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rekrut.accounts.http import AuthedRequest
from rekrut.accounts.specific_data import specific_data_openings
from rekrut.core.actions import carry_out
from rekrut.core.errors import SignedLinkRefused, SignedLinkUnknown, SignedLinkWrongPurpose
from rekrut.core.files import file_response
from rekrut.core.http import client_ip, client_user_agent
from rekrut.core.signed_links import signed_link_open, signed_link_verify
from rekrut.core.uploads import SCAN_TYPES
from rekrut.onboarding import privacy, selectors, services
from rekrut.onboarding.access import FINANCIAL_DATA, onboarding_access_get
from rekrut.onboarding.banks import bank_name
from rekrut.onboarding.candidate import Upload, employee_details_give
from rekrut.onboarding.forms import EmployeeForm, StartForm, TickForm, VersionForm
from rekrut.onboarding.identity import masked
from rekrut.onboarding.models import FILE_DOCUMENTS, Onboarding


@login_required
def onboarding_list(request: AuthedRequest) -> HttpResponse:
    """Everyone being onboarded on the jobs the user sees: progress, overdue items, handed off or not."""
    return render(
        request,
        "onboarding/list.html",
        {"nav": "onboarding", "onboardings": list(selectors.onboardings_for(user=request.user))},
    )


@login_required
def application(request: AuthedRequest, application_id: int) -> HttpResponse:
    """An application's onboarding: the checklist with owners and due dates (overdue flagged), what the new
    employee gave (numbers masked), and what HR can do next. Before it starts: the start form."""
    access = onboarding_access_get(user=request.user, application_id=application_id)
    app = access.application.application
    onboarding = selectors.onboarding_of(application_id=app.pk)
    form = StartForm(request.POST or None)
    if request.method == "POST":
        if not access.can_manage:
            raise PermissionDenied
        if onboarding is None and form.is_valid():
            started = carry_out(
                request,
                lambda: services.onboarding_start(
                    actor=request.user,
                    application=app,
                    start_date=form.cleaned_data["start_date"],
                    template=form.cleaned_data["template"],
                ),
                _("The onboarding has started. Send the new employee their link."),
                form=form,
            )
            if started is not None:
                return redirect("onboarding:application", application_id=app.pk)
    context: dict[str, object] = {
        "nav": "onboarding",
        "application": app,
        "access": access,
        "start_form": form,
    }
    if onboarding is not None:
        onboarding.application = app
        tasks = selectors.tasks_of(onboarding)
        context.update(
            onboarding=onboarding,
            rows=[
                {
                    "task": task,
                    "overdue": selectors.is_overdue(task),
                    "can_tick": access.can_tick(task),
                    "has_file": hasattr(task, "upload"),
                }
                for task in tasks
            ],
            open_required=sum(1 for task in tasks if task.is_required and not task.is_done),
            employee=selectors.employee_summary(onboarding),
            audit=specific_data_openings(user=request.user, kind=FINANCIAL_DATA, subjects=[onboarding]),
        )
    return render(request, "onboarding/application.html", context)


def _back(onboarding: Onboarding) -> HttpResponse:
    return redirect("onboarding:application", application_id=onboarding.application_id)


@login_required
@require_POST
def tick(request: AuthedRequest, task_id: int) -> HttpResponse:
    found = selectors.task_get(user=request.user, task_id=task_id)
    if not found.access.can_tick(found.task):
        raise PermissionDenied
    form = TickForm(request.POST)
    done = form.is_valid() and form.cleaned_data["done"]
    carry_out(request, lambda: services.task_tick(actor=request.user, task=found.task, done=done), None)
    return _back(found.task.onboarding)


@login_required
@require_POST
def send_link(request: AuthedRequest, onboarding_id: int) -> HttpResponse:
    onboarding, access = selectors.onboarding_get(user=request.user, onboarding_id=onboarding_id)
    if not access.can_manage:
        raise PermissionDenied
    issued = carry_out(
        request, lambda: services.onboarding_link_send(actor=request.user, onboarding=onboarding), None
    )
    if issued is not None:
        sent = _("It is on its way by e-mail too.") if onboarding.application.candidate.email else ""
        # Shown once (only its hash is stored), so HR can also pass it on by WhatsApp.
        messages.success(
            request,
            _("A new link for the new employee (earlier links no longer open): %(url)s %(sent)s")
            % {"url": issued.url, "sent": sent},
        )
    return _back(onboarding)


@login_required
@require_POST
def hand_off(request: AuthedRequest, onboarding_id: int) -> HttpResponse:
    onboarding, access = selectors.onboarding_get(user=request.user, onboarding_id=onboarding_id)
    if not access.can_manage:
        raise PermissionDenied
    form = VersionForm(request.POST)
    version = form.cleaned_data["version"] if form.is_valid() else None
    carry_out(
        request,
        lambda: services.onboarding_hand_off(
            actor=request.user, onboarding=onboarding, expected_version=version
        ),
        _("Hired: the new employee's record is on its way to payroll."),
    )
    return _back(onboarding)


@login_required
def financial(request: AuthedRequest, onboarding_id: int) -> HttpResponse:
    """The full numbers, the bank account and the pay, to people allowed to see them; each opening logged."""
    onboarding, access = selectors.onboarding_get(user=request.user, onboarding_id=onboarding_id)
    if not access.sees_financial_details:
        raise PermissionDenied
    view = privacy.financial_details_open(user=request.user, access=access, onboarding=onboarding)
    return render(
        request,
        "onboarding/financial.html",
        {
            "nav": "onboarding",
            "onboarding": onboarding,
            "application": onboarding.application,
            "access": access,
            "view": view,
            "bank_name": bank_name(view.financial.bank) if view.financial else "",
        },
    )


@login_required
def document(request: AuthedRequest, task_id: int) -> HttpResponseBase:
    found = selectors.task_get(user=request.user, task_id=task_id)
    upload = carry_out(
        request, lambda: privacy.document_open(user=request.user, access=found.access, task=found.task), None
    )
    if upload is None:
        raise Http404
    # Named after the item and what the content is (checked when uploaded), never the uploader's name.
    name = f"{found.task.document}-{found.task.onboarding.application_id}.{upload.file_kind}"
    return file_response(request, upload.file, filename=name, content_type=SCAN_TYPES[upload.file_kind])


@login_required
def export(request: AuthedRequest, onboarding_id: int, fmt: str) -> HttpResponse:
    onboarding, access = selectors.onboarding_get(user=request.user, onboarding_id=onboarding_id)
    if fmt not in privacy.FORMATS:
        raise Http404
    content = carry_out(
        request,
        lambda: privacy.record_export(user=request.user, access=access, onboarding=onboarding, fmt=fmt),
        None,
    )
    if content is None:
        return _back(onboarding)
    response = HttpResponse(content, content_type=privacy.FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="karyawan-{onboarding.application_id}.{fmt}"'
    response["Cache-Control"] = "private, no-store"
    return response


# ---- the new employee's page -------------------------------------------------------------------------


def _refused(request: HttpRequest, refused: SignedLinkRefused) -> HttpResponse:
    # Gone for a link that once worked (expired, withdrawn); unknown otherwise.
    status = 404 if isinstance(refused, SignedLinkUnknown | SignedLinkWrongPurpose) else 410
    return render(request, "onboarding/link_refused.html", {"message": refused.message}, status=status)


def candidate(request: HttpRequest, token: str) -> HttpResponse:
    """The new employee gives their numbers, bank account and documents, in their language (unless they
    chose another on the page), on a phone. What they gave shows masked: a forwarded link reveals nothing."""
    check = signed_link_open if request.method == "POST" else signed_link_verify
    try:
        link = check(
            token=token,
            purpose=services.LINK_PURPOSE,
            ip=client_ip(request),
            user_agent=client_user_agent(request),
        )
    except SignedLinkRefused as refused:
        return _refused(request, refused)
    onboarding = (
        Onboarding.objects.select_related("application__candidate", "application__job")
        .filter(pk=link.subject_id)
        .first()
    )
    if onboarding is None:
        raise Http404
    language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) or onboarding.application.candidate.language
    with translation.override(language):
        response = _candidate_page(request, onboarding, language)
    response["Cache-Control"] = "private, no-store"
    # The token is in the address: no other site may see it. Not "no-referrer": Chromium then sends the
    # page's own form as "Origin: null", which CSRF protection rightly refuses.
    response["Referrer-Policy"] = "same-origin"
    return response


def _candidate_page(request: HttpRequest, onboarding: Onboarding, language: str) -> HttpResponse:
    tasks = selectors.tasks_of(onboarding)
    documents = [task for task in tasks if task.document in FILE_DOCUMENTS and not task.is_done]
    posted = request.method == "POST"
    form = EmployeeForm(
        request.POST if posted else None, request.FILES if posted else None, documents=documents
    )
    if posted and form.is_valid():
        uploads = {
            task.pk: Upload(name=upload.name, data=upload.read())
            for task in documents
            if (upload := form.cleaned_data.get(f"file_{task.pk}")) is not None
        }
        given = carry_out(
            request,
            lambda: employee_details_give(onboarding=onboarding, entry=form.entry(), uploads=uploads),
            _("Thank you: your details are saved."),
            form=form,
        )
        if given is not None:
            for warning in given.warnings:
                messages.warning(request, warning)
            return redirect(request.get_full_path())
    summary = selectors.employee_summary(onboarding)
    context = {
        **services.link_context(onboarding, language=language),
        "onboarding": onboarding,
        "form": form,
        "mine": [task for task in tasks if task.document],
        "summary": summary,
        "handed_off": onboarding.handed_off_at is not None,
        "masked": masked,
    }
    return render(request, "onboarding/candidate.html", context)
