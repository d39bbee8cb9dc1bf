"""Self-scheduling pages: HR offers times (staff), the candidate picks, moves or cancels (public, by signed
link, in the candidate's language, showing no staff data)."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rekrut.accounts.http import AuthedRequest
from rekrut.accounts.models import User
from rekrut.candidates.whatsapp import whatsapp_link
from rekrut.core.actions import carry_out
from rekrut.core.errors import DomainError, SignedLinkRefused, SignedLinkUnknown, SignedLinkWrongPurpose
from rekrut.core.http import client_ip, client_user_agent
from rekrut.core.localization import local_datetime, zone_abbreviation
from rekrut.core.signed_links import signed_link_verify
from rekrut.interviews.calendar import invitation_build
from rekrut.interviews.models import PlanRound
from rekrut.interviews.selectors.interviews import application_get_for_interviews
from rekrut.interviews.selectors.plans import plan_rounds
from rekrut.interviews.services.interviews import Place
from rekrut.jobs.selectors import job_is_managed_by
from rekrut.notifications.wording import anti_scam_line
from rekrut.pipeline.models import Application
from rekrut.scheduling.forms_booking import CancelBookingForm, OfferForm, OfferParamsForm, PickForm
from rekrut.scheduling.models import SlotOffer
from rekrut.scheduling.selectors.slots import (
    by_day,
    offer_for_link,
    offers_of_application,
    slot_starts_proposed,
    slots_open,
)
from rekrut.scheduling.services import booking, offers
from rekrut.scheduling.services.booking import SlotTaken, change_refusal

LINK_SESSION_KEY = "scheduling_offer_links"


def _team(application: Application) -> list[User]:
    return list(User.objects.filter(pk__in=application.job.team.values("user_id"), is_active=True))


def _round_defaults(plan_round: PlanRound | None, team: list[User], application: Application) -> dict:
    if plan_round is None:
        return {}
    on_team = {person.pk for person in team}
    return {
        "round": plan_round,
        "interviewers": [p for p in plan_round.interviewers.all() if p.pk in on_team],
        "duration_minutes": plan_round.duration_minutes,
    }


def _chosen_round(request: HttpRequest, rounds: list[PlanRound], stage_id: int) -> PlanRound | None:
    by_id = {str(r.pk): r for r in rounds}
    wanted = request.GET.get("round", "")
    if wanted in by_id:
        return by_id[wanted]
    return next((r for r in rounds if r.stage_id == stage_id), rounds[0] if rounds else None)


@login_required
def offer_create(request: AuthedRequest, application_id: int) -> HttpResponse:
    """Free times of the chosen interviewers over the next working days; HR ticks the ones to offer."""
    application = application_get_for_interviews(user=request.user, application_id=application_id)
    if not job_is_managed_by(user=request.user, job=application.job):
        raise PermissionDenied
    zone = application.job.location.time_zone
    local = ZoneInfo(zone)
    rounds = plan_rounds(job=application.job)
    team = _team(application)
    defaults = {
        **_round_defaults(_chosen_round(request, rounds, application.stage_id), team, application),
        "days": 5,
        "mode": "on_site",
        "location": application.job.location.name,
    }
    source = (
        request.POST
        if request.method == "POST"
        else request.GET
        if "duration_minutes" in request.GET
        else None
    )
    params = OfferParamsForm(source, rounds=rounds, team=team) if source is not None else None
    chosen = params.cleaned_data if params is not None and params.is_valid() else defaults
    moments: list[datetime] = []
    if chosen.get("interviewers") and chosen.get("duration_minutes"):
        moments = slot_starts_proposed(
            interviewers=list(chosen["interviewers"]),
            duration_minutes=chosen["duration_minutes"],
            zone=zone,
            days=chosen.get("days") or 5,
        )
    if request.method == "POST":
        form = OfferForm(request.POST, rounds=rounds, team=team)
        if form.is_valid():
            data = form.cleaned_data
            done = carry_out(
                request,
                lambda: offers.slot_offer_create(
                    actor=request.user,
                    application=application,
                    plan_round=data["round"],
                    starts=form.chosen_starts(),
                    duration_minutes=data["duration_minutes"],
                    interviewers=list(data["interviewers"]),
                    place=Place(
                        mode=data["mode"],
                        location=data["location"],
                        room=data["room"],
                        meeting_url=data["meeting_url"],
                    ),
                    rules=offers.Rules(
                        change_until_hours=data["change_until_hours"],
                        max_reschedules=data["max_reschedules"],
                        valid_hours=data["valid_hours"],
                    ),
                    idempotency_key=data["idempotency_key"],
                ),
                None,
                form=form,
            )
            if done is not None:
                offer, issued = done
                if issued is None:  # the same form sent twice: the first one offered the times
                    return redirect("scheduling:offer_create", application_id=application.pk)
                # The token is shown once: kept in the session for the next page only, to copy or send.
                links = request.session.get(LINK_SESSION_KEY, {})
                links[str(offer.pk)] = issued.url
                request.session[LINK_SESSION_KEY] = links
                messages.success(
                    request,
                    _("The times are offered; the candidate gets the link by e-mail.")
                    if application.candidate.email
                    else _("The times are offered. The candidate has no e-mail address: send them the link."),
                )
                return redirect("scheduling:offer_create", application_id=application.pk)
    else:
        form = OfferForm(initial={**defaults, **chosen}, rounds=rounds, team=team)
    selected = set(request.POST.getlist("starts")) if request.method == "POST" else set()
    fresh_links: dict = request.session.pop(LINK_SESSION_KEY, {})
    return render(
        request,
        "scheduling/offer_create.html",
        {
            "nav": "candidates",
            "application": application,
            "rounds": rounds,
            "form": form,
            "params_errors": params.errors if params is not None and not params.is_valid() else None,
            "days": [
                (
                    day.day,
                    [
                        (
                            moment.isoformat(),
                            timezone.localtime(moment, local),
                            moment.isoformat() in selected,
                        )
                        for moment in day.moments
                    ],
                )
                for day in by_day(moments, zone)
            ],
            "zone": zone,
            "offers": _offer_rows(application, fresh_links),
        },
    )


def _offer_rows(application: Application, fresh_links: dict) -> list[dict]:
    rows = []
    now = timezone.now()
    candidate = application.candidate
    for offer in offers_of_application(application=application):
        url = fresh_links.get(str(offer.pk), "")
        whatsapp = ""
        if url and candidate.phone:
            with translation.override(candidate.language or settings.LANGUAGE_CODE):
                text = f"{_('Please choose your interview time here:')} {url}\n\n{anti_scam_line()}"
            whatsapp = whatsapp_link(phone=candidate.phone, text=text)
        rows.append(
            {
                "offer": offer,
                "state": _state(offer, now),
                "url": url,
                "whatsapp": whatsapp,
                "can_revoke": offer.revoked_at is None and not offer.is_booked and offer.expires_at > now,
            }
        )
    return rows


def _state(offer: SlotOffer, now: datetime) -> str:
    if offer.cancelled_by_candidate_at:
        return _("Cancelled by the candidate")
    if offer.is_booked and offer.interview is not None:
        zone = offer.application.job.location.time_zone
        return _("Booked for %(when)s") % {"when": local_datetime(offer.interview.starts_at, zone)}
    if offer.revoked_at:
        return _("Withdrawn")
    if offer.expires_at <= now:
        return _("Expired without a choice")
    zone = offer.application.job.location.time_zone
    return _("Open until %(when)s") % {"when": local_datetime(offer.expires_at, zone)}


@login_required
@require_POST
def offer_revoke(request: AuthedRequest, offer_id: int) -> HttpResponse:
    offer = get_object_or_404(SlotOffer.objects.select_related("application"), pk=offer_id)
    # Looked up through the application, so someone off the job's team gets a 404, not a hint.
    application = application_get_for_interviews(user=request.user, application_id=offer.application_id)
    carry_out(
        request,
        lambda: offers.slot_offer_revoke(actor=request.user, offer=offer),
        _("The link is withdrawn; the candidate can no longer choose a time."),
    )
    return redirect("scheduling:offer_create", application_id=application.pk)


# The candidate's side ---------------------------------------------------------------------------------


def _refused(request: HttpRequest, refused: SignedLinkRefused) -> HttpResponse:
    # Gone for a link that once worked (expired, withdrawn); not found for one that never did.
    status = 404 if isinstance(refused, SignedLinkUnknown | SignedLinkWrongPurpose) else 410
    response = render(
        request,
        "scheduling/link_refused.html",
        {"message": refused.message, "contact": settings.ORGANIZER_EMAIL, "company": settings.COMPANY_NAME},
        status=status,
    )
    return _private(response)


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    # The token in the address never leaves the site (a meeting link opened from the page gets no
    # Referer); "no-referrer" would also blank the Origin of the page's own forms, which CSRF refuses.
    response["Referrer-Policy"] = "same-origin"
    return response


def pick(request: HttpRequest, token: str) -> HttpResponse:
    return _candidate_page(request, token, offers.PICK_PURPOSE)


def manage(request: HttpRequest, token: str) -> HttpResponse:
    return _candidate_page(request, token, booking.MANAGE_PURPOSE)


def _candidate_page(request: HttpRequest, token: str, purpose: str) -> HttpResponse:
    """One page for the whole booking: the free times to pick from, then the booking with its calendar
    entry and, within HR's rules, another time or cancelling."""
    try:
        link = signed_link_verify(
            token=token, purpose=purpose, ip=client_ip(request), user_agent=client_user_agent(request)
        )
    except SignedLinkRefused as refused:
        return _refused(request, refused)
    offer = offer_for_link(link.subject_id)
    if offer is None:
        raise Http404
    language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) or offer.application.candidate.language
    with translation.override(language):
        if request.GET.get("calendar") and offer.is_booked and offer.interview is not None:
            return _calendar(offer)
        if request.method == "POST":
            response = _candidate_action(request, offer, purpose)
            if response is not None:
                return response
            offer = offer_for_link(offer.pk) or offer
        return _private(render(request, "scheduling/pick.html", _candidate_context(request, offer, purpose)))


def _candidate_action(request: HttpRequest, offer: SlotOffer, purpose: str) -> HttpResponse | None:
    action = request.POST.get("action", "pick")
    try:
        if action == "cancel":
            form = CancelBookingForm(request.POST)
            reason = form.cleaned_data["reason"] if form.is_valid() else ""
            booking.booking_cancel(offer=offer, reason=reason)
            messages.success(request, _("Your interview is cancelled. Thank you for letting us know."))
            return redirect(request.path)
        pick_form = PickForm(request.POST)
        if not pick_form.is_valid():
            messages.error(request, _("Choose a time."))
            return None
        slot_id = pick_form.cleaned_data["slot"]
        if action == "move":
            booking.booking_reschedule(offer=offer, slot_id=slot_id)
            messages.success(request, _("Your interview is moved. The new invitation is on its way."))
            return redirect(request.path)
        _booked, issued = booking.slot_book(offer=offer, slot_id=slot_id)
    except SlotTaken as taken:
        messages.error(request, taken.message)
        return None
    except DomainError as refused:
        messages.error(request, refused.message)
        return None
    messages.success(request, _("Your interview time is confirmed."))
    # From now on the booking is changed through its own link, valid until the interview. A path, not the
    # absolute URL of the e-mails: the browser stays on the host it came by (CSP form-action 'self').
    return redirect(reverse("scheduling:manage", args=[issued.token]) if issued is not None else request.path)


def _candidate_context(request: HttpRequest, offer: SlotOffer, purpose: str) -> dict:
    application = offer.application
    zone = application.job.location.time_zone
    open_slots = slots_open(offer=offer)
    interview = offer.interview if offer.is_booked else None
    local = ZoneInfo(zone)
    return {
        "offer": offer,
        "company": settings.COMPANY_NAME,
        "contact": settings.ORGANIZER_EMAIL,
        "person": application.candidate.full_name,
        "job": application.job.title,
        "round_name": offer.round.stage.name,
        "round_type": offer.round.round_type,
        "mode": offer.mode,
        "zone": zone_abbreviation(zone),
        "days": [
            (
                day.day,
                [
                    (slot, timezone.localtime(slot.starts_at, local))
                    for slot in _slots_on(open_slots, day.moments)
                ],
            )
            for day in by_day([slot.starts_at for slot in open_slots], zone)
        ],
        "interview": interview,
        "when": local_datetime(interview.starts_at, zone) if interview else "",
        "expired": offer.expires_at <= timezone.now(),
        "cancelled": offer.cancelled_by_candidate_at is not None,
        "withdrawn": offer.revoked_at is not None,
        "is_manage": purpose == booking.MANAGE_PURPOSE,
        "move_refusal": change_refusal(offer, rescheduling=True) if interview else "",
        "cancel_refusal": change_refusal(offer, rescheduling=False) if interview else "",
        "closes": local_datetime(offer.changes_close_at(interview.starts_at), zone) if interview else "",
        "reschedules_left": max(offer.max_reschedules - offer.reschedules_used, 0),
        "cancel_form": CancelBookingForm(),
        # The same words as the invitation e-mail (a plain-text template, escaped here as any text).
        "preparation": render_to_string(
            "interviews/email/_candidate_preparation.txt",
            {"round_type": offer.round.round_type, "mode": offer.mode},
            using="text",
        ).strip(),
    }


def _slots_on(slots: list, moments: list[datetime]) -> list:
    wanted = set(moments)
    return [slot for slot in slots if slot.starts_at in wanted]


def _calendar(offer: SlotOffer) -> HttpResponse:
    assert offer.interview is not None
    interview = offer.interview
    response = HttpResponse(
        invitation_build(interview=interview, for_candidate=True), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="interview.ics"'
    return _private(response)
