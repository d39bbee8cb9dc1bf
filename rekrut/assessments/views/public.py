"""The candidate's page of one assessment, reached through the signed link in the invitation, on a phone,
without an account: what it is, when and where or the deadline, what it measures, how long it takes and how
the result is used; for a case study, the brief to download and the upload of the work with the consent
(UU 27/2022 Ps 20). An unknown, expired or withdrawn link gets a page saying so."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from rekrut.assessments.forms import WorkForm
from rekrut.assessments.models import Assessment
from rekrut.assessments.services.assessments import LINK_PURPOSE, invitation_context
from rekrut.assessments.services.work import ASSESSMENT_CONSENT, assessment_work_submit, work_can_submit
from rekrut.assessments.views.files import stored_file_response
from rekrut.candidates.consent import consent_is_given
from rekrut.core.actions import carry_out
from rekrut.core.errors import SignedLinkRefused, SignedLinkUnknown, SignedLinkWrongPurpose
from rekrut.core.http import client_ip, client_user_agent
from rekrut.core.signed_links import signed_link_verify


def _opened(request: HttpRequest, token: str) -> Assessment | HttpResponse:
    try:
        link = signed_link_verify(
            token=token, purpose=LINK_PURPOSE, ip=client_ip(request), user_agent=client_user_agent(request)
        )
    except SignedLinkRefused as refused:
        # Gone for a link that once worked (expired, withdrawn, used up); unknown otherwise.
        status = 404 if isinstance(refused, SignedLinkUnknown | SignedLinkWrongPurpose) else 410
        return render(request, "assessments/link_refused.html", {"message": refused.message}, status=status)
    assessment = (
        Assessment.objects.select_related(
            "assessment_type", "application__candidate", "application__job__location"
        )
        .filter(pk=link.subject_id)
        .first()
    )
    if assessment is None:
        raise Http404
    return assessment


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    # The token is in the address: no other site may see it. Same-origin (not no-referrer) keeps the form's
    # Origin header, which Django's CSRF check needs (Chrome sends "null" under no-referrer).
    response["Referrer-Policy"] = "same-origin"
    return response


def page(request: HttpRequest, token: str) -> HttpResponse:
    opened = _opened(request, token)
    if isinstance(opened, HttpResponse):
        return _private(opened)
    assessment = opened
    candidate = assessment.application.candidate
    language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) or candidate.language
    with translation.override(language):
        form = WorkForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            file = form.cleaned_data["file"]
            done = carry_out(
                request,
                lambda: assessment_work_submit(
                    assessment=assessment,
                    name=file.name,
                    data=file.read(),
                    consent=form.cleaned_data["consent"],
                    language=language,
                    ip=client_ip(request),
                    user_agent=client_user_agent(request),
                ),
                _("Thank you: your work is handed in. You may replace it until the deadline."),
                form=form,
            )
            if done is not None:
                return _private(redirect("assessments:page", token=token))
            assessment.refresh_from_db()
        context = {
            **invitation_context(assessment, language=language),
            "assessment_row": assessment,
            "kind": assessment.assessment_type,
            "token": token,
            "form": form,
            "can_submit": work_can_submit(assessment),
            "consented": consent_is_given(candidate=candidate, purpose=ASSESSMENT_CONSENT),
        }
        return _private(render(request, "assessments/public.html", context))


def brief(request: HttpRequest, token: str) -> HttpResponseBase:
    opened = _opened(request, token)
    if isinstance(opened, HttpResponse):
        return _private(opened)
    return stored_file_response(
        request, opened.assessment_type.brief_file, stem=f"brief {opened.assessment_type.name}"
    )
