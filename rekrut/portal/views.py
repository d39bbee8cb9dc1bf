"""The candidate portal's pages: asking for a sign-in link, opening it, and the candidate's own
applications. Phone first, Bahasa Indonesia unless the candidate switches; no staff data anywhere."""

import uuid

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rekrut.accounts import throttling
from rekrut.accounts.views import rate_limited
from rekrut.candidates.models import Candidate
from rekrut.candidates.sessions import candidate_of, candidate_required, candidate_session_end
from rekrut.core.actions import carry_out
from rekrut.core.errors import SignedLinkRefused, SignedLinkUnknown, SignedLinkWrongPurpose
from rekrut.core.http import client_ip, client_user_agent
from rekrut.core.signed_links import signed_link_verify
from rekrut.interviews.calendar import invitation_build
from rekrut.offers.sending import ANSWER_PURPOSE
from rekrut.onboarding.services import LINK_PURPOSE as ONBOARDING_PURPOSE
from rekrut.portal import assessments as portal_assessments
from rekrut.portal import selectors, services
from rekrut.portal.forms import SignInForm, WithdrawForm
from rekrut.portal.pages import portal_page, portal_render, safe_next
from rekrut.portal.tasks import portal_link_mail_send
from rekrut.scheduling.services.booking import MANAGE_PURPOSE
from rekrut.scheduling.services.offers import PICK_PURPOSE


def _candidate(request: HttpRequest) -> Candidate:
    return request.candidate  # type: ignore[attr-defined, no-any-return]


# --- signing in -----------------------------------------------------------------------------------


@portal_page
def sign_in(request: HttpRequest) -> HttpResponse:
    """Asks for the address applied with and e-mails a link. Known or unknown, the answer is the same
    page, and the worker does the lookup, so neither the words nor the time tell whether it is known."""
    next_path = safe_next(request, request.POST.get("next") or request.GET.get("next"))
    if request.method == "GET" and candidate_of(request) is not None:
        return redirect(next_path or "portal:home")
    form = SignInForm(request.POST or None)
    if request.method == "POST":
        try:
            throttling.rate_limit_hit(
                limit_name="portal_link", idents=[throttling.address_key(client_ip(request))]
            )
        except throttling.RateLimited as limited:
            return rate_limited(request, limited)
        if form.is_valid():
            email = form.cleaned_data["email"]
            try:
                # However many places ask, one mailbox gets a few links an hour at most.
                throttling.rate_limit_hit(limit_name="portal_link_email", idents=[throttling.digest(email)])
            except throttling.RateLimited as limited:
                return rate_limited(request, limited, per_mailbox=True)
            portal_link_mail_send.enqueue(email=email, next_path=next_path, request_key=uuid.uuid4().hex)
            return redirect("portal:sign_in_sent")
    return portal_render(request, "portal/sign_in.html", {"form": form, "next": next_path})


@portal_page
def sign_in_sent(request: HttpRequest) -> HttpResponse:
    return portal_render(request, "portal/sign_in_sent.html", {"minutes": services.SIGN_IN_MINUTES})


def _refused(request: HttpRequest, refused: SignedLinkRefused) -> HttpResponse:
    # Not found for a link that never worked; gone for one that did (expired, used).
    status = 404 if isinstance(refused, SignedLinkUnknown | SignedLinkWrongPurpose) else 410
    return portal_render(request, "portal/link_refused.html", {"message": refused.message}, status=status)


@portal_page
def open_link(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the e-mail. Opening it shows one button; pressing it signs in. Mail programs that
    check links by fetching them would otherwise use up the single use before the candidate clicks."""
    next_path = safe_next(request, request.POST.get("next") or request.GET.get("next"))
    if request.method == "POST":
        try:
            services.portal_sign_in(request=request, token=token)
        except SignedLinkRefused as refused:
            return _refused(request, refused)
        return redirect(next_path or "portal:home")
    try:
        signed_link_verify(
            token=token,
            purpose=services.SIGN_IN_PURPOSE,
            ip=client_ip(request),
            user_agent=client_user_agent(request),
        )
    except SignedLinkRefused as refused:
        return _refused(request, refused)
    return portal_render(request, "portal/open.html", {"next": next_path})


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    # Only a candidate's session ends here: a staff login in this browser is not the portal's to end.
    if candidate_of(request) is not None:
        candidate_session_end(request)
    return redirect("portal:sign_in")


# --- the candidate's own pages ----------------------------------------------------------------------


@portal_page
@candidate_required
def home(request: HttpRequest) -> HttpResponse:
    candidate = _candidate(request)
    cards = selectors.cards_of(candidate)
    return portal_render(
        request,
        "portal/home.html",
        {
            "portal_nav": "home",
            "cards": cards,
            "assessments": portal_assessments.assessments_of(candidate),
            "messages_received": selectors.portal_messages(candidate)[:5],
        },
    )


@portal_page
@candidate_required
def withdraw(request: HttpRequest, application_id: int) -> HttpResponse:
    application = selectors.application_of(candidate=_candidate(request), application_id=application_id)
    form = WithdrawForm(request.POST or None, initial={"version": application.version})
    if request.method == "POST" and form.is_valid():
        application.version = form.cleaned_data["version"]  # a change by HR meanwhile is caught
        done = carry_out(
            request,
            lambda: services.portal_application_withdraw(
                application=application, reason=form.cleaned_data["reason"]
            ),
            _("Your application is withdrawn. Thank you for letting us know."),
            form=form,
        )
        if done is not None:
            return redirect("portal:home")
        # Refused (HR moved it meanwhile): show the application as it is now, ready to try again.
        application.refresh_from_db()
        form.data = {**request.POST.dict(), "version": str(application.version)}
    return portal_render(request, "portal/withdraw.html", {"application": application, "form": form})


@portal_page
@candidate_required
def interview_calendar(request: HttpRequest, interview_id: int) -> HttpResponse:
    """The interview's invitation (.ics), the same event the e-mail carried: adding it again updates the
    one entry a calendar holds rather than adding a second."""
    interview = selectors.interview_of(candidate=_candidate(request), interview_id=interview_id)
    response = HttpResponse(
        invitation_build(interview=interview, for_candidate=True), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="interview.ics"'
    return response


def _hop(request: HttpRequest, *, purpose: str, subject: object, url_name: str) -> HttpResponse:
    issued = services.portal_hop_issue(purpose=purpose, subject=subject, url_name=url_name)  # type: ignore[arg-type]
    # A path, not the absolute URL of e-mails: the browser stays on the host it came by.
    return redirect(reverse(url_name, args=[issued.token]))


@require_POST
@portal_page
@candidate_required
def interview_times(request: HttpRequest, slot_offer_id: int) -> HttpResponse:
    """To the page where the candidate picks a time, or moves or cancels the one booked."""
    slot_offer = selectors.slot_offer_of(candidate=_candidate(request), slot_offer_id=slot_offer_id)
    if slot_offer.is_booked:
        return _hop(request, purpose=MANAGE_PURPOSE, subject=slot_offer, url_name="scheduling:manage")
    return _hop(request, purpose=PICK_PURPOSE, subject=slot_offer, url_name="scheduling:pick")


@require_POST
@portal_page
@candidate_required
def offer(request: HttpRequest, offer_id: int) -> HttpResponse:
    found = selectors.offer_of(candidate=_candidate(request), offer_id=offer_id)
    return _hop(request, purpose=ANSWER_PURPOSE, subject=found, url_name="offers:answer")


@require_POST
@portal_page
@candidate_required
def documents(request: HttpRequest, onboarding_id: int) -> HttpResponse:
    onboarding = selectors.onboarding_of(candidate=_candidate(request), onboarding_id=onboarding_id)
    return _hop(request, purpose=ONBOARDING_PURPOSE, subject=onboarding, url_name="onboarding:candidate")


@portal_page
@candidate_required
def messages_list(request: HttpRequest) -> HttpResponse:
    candidate = _candidate(request)
    return portal_render(
        request,
        "portal/messages.html",
        {"portal_nav": "messages", "messages_received": selectors.portal_messages(candidate)[:100]},
    )


@portal_page
@candidate_required
def message(request: HttpRequest, message_id: int) -> HttpResponse:
    found = selectors.portal_message(candidate=_candidate(request), message_id=message_id)
    return portal_render(request, "portal/message.html", {"message": found})
