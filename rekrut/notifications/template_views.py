"""Message templates: HR admins reword what Rekrut sends, per purpose and language, with a live preview."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from rekrut.core.actions import carry_out
from rekrut.notifications import template_selectors as selectors
from rekrut.notifications.selectors import may_read_outbox
from rekrut.notifications.template_forms import MessageTemplateForm
from rekrut.notifications.template_services import message_template_reset, message_template_save

NAV = "message_templates"


def _hr_admin(request: HttpRequest) -> None:
    if not may_read_outbox(request.user):
        raise PermissionDenied


@login_required
def message_templates(request: HttpRequest) -> HttpResponse:
    _hr_admin(request)
    return render(
        request,
        "notifications/templates_list.html",
        {"nav": NAV, "groups": selectors.message_templates_overview()},
    )


@login_required
def message_template_edit(request: HttpRequest, language: str, purpose: str) -> HttpResponse:
    _hr_admin(request)
    found, row = selectors.message_template_get(purpose=purpose, language=language)
    version = row.version if row else 0
    if request.method == "POST":
        form = MessageTemplateForm(request.POST, purpose=found)
        if form.is_valid():
            data = form.cleaned_data
            saved = carry_out(
                request,
                lambda: message_template_save(
                    actor=request.user,
                    purpose=found.key,
                    language=language,
                    subject=data.get("subject", ""),
                    body=data["body"],
                    expected_version=data["version"],
                ),
                _("Saved. Messages queued from now on use this text."),
                form=form,
            )
            if saved is not None:
                return redirect("notifications:template_edit", language=language, purpose=found.key)
    else:
        initial = {"subject": row.subject if row else "", "body": row.body if row else "", "version": version}
        form = MessageTemplateForm(initial=initial, purpose=found)
    bound = form.data if form.is_bound else form.initial
    subject, body = selectors.message_preview(
        purpose=found,
        language=language,
        subject=str(bound.get("subject", "")) if not form.errors else "",
        body=str(bound.get("body", "")) if not form.errors else "",
    )
    return render(
        request,
        "notifications/template_edit.html",
        {
            "nav": NAV,
            "purpose": found,
            "language": language,
            "language_name": dict(settings.LANGUAGES)[language],
            "row": row,
            "version": version,
            "form": form,
            "preview_subject": subject,
            "preview_body": body,
        },
    )


@login_required
@require_POST
def message_template_preview(request: HttpRequest, language: str, purpose: str) -> HttpResponse:
    """The HTMX preview: the text being written with the sample values, or why it cannot be used."""
    _hr_admin(request)
    found, _row = selectors.message_template_get(purpose=purpose, language=language)
    form = MessageTemplateForm(request.POST, purpose=found)
    errors = []
    subject = body = ""
    if form.is_valid():
        subject, body = selectors.message_preview(
            purpose=found,
            language=language,
            subject=form.cleaned_data.get("subject", ""),
            body=form.cleaned_data["body"],
        )
    else:
        errors = [str(error) for name in ("subject", "body") for error in form.errors.get(name, [])]
    return render(
        request,
        "notifications/_template_preview.html",
        {"purpose": found, "preview_subject": subject, "preview_body": body, "preview_errors": errors},
    )


@login_required
@require_POST
def message_template_reset_view(request: HttpRequest, language: str, purpose: str) -> HttpResponse:
    _hr_admin(request)
    found, _row = selectors.message_template_get(purpose=purpose, language=language)
    try:
        expected = int(request.POST.get("version", ""))
    except ValueError:
        expected = -1  # a tampered form: refused as stale, nothing changed
    carry_out(
        request,
        lambda: message_template_reset(
            actor=request.user, purpose=found.key, language=language, expected_version=expected
        ),
        _("Back to Rekrut's default text."),
    )
    return redirect("notifications:template_edit", language=language, purpose=found.key)
