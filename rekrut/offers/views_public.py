"""Pages reached by signed link, without an account: an approver's decision from their e-mail, and the
candidate's offer (read it, download it, answer). The token is the credential; a refused link gets a page
that says why without naming the offer. Pages are private (no cache, no referrer)."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from rekrut.core.errors import DomainError, SignedLinkRefused, SignedLinkUnknown, SignedLinkWrongPurpose
from rekrut.core.http import client_ip, client_user_agent
from rekrut.core.pdf import document_language, pdf_response
from rekrut.core.signed_links import signed_link_open, signed_link_verify
from rekrut.offers import chain, sending
from rekrut.offers.letter import letter_context, letter_filename, offer_letter_pdf
from rekrut.offers.models import ApprovalDecision, ApprovalRequest, ApprovalVia, Offer, OfferStatus
from rekrut.offers.selectors import offer_for_link, offer_policy


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    # "same-origin": the page's own forms keep their Origin for CSRF; nothing leaks to other sites.
    response["Referrer-Policy"] = "same-origin"
    return response


def _refused(request: HttpRequest, refused: SignedLinkRefused) -> HttpResponse:
    # Gone for a link that once worked (expired, withdrawn, used up); unknown otherwise.
    status = 404 if isinstance(refused, SignedLinkUnknown | SignedLinkWrongPurpose) else 410
    return _private(render(request, "offers/link_refused.html", {"message": refused.message}, status=status))


def _check(request: HttpRequest, token: str, purpose: str, *, use: bool = False) -> object:
    resolve = signed_link_open if use else signed_link_verify
    return resolve(token=token, purpose=purpose, ip=client_ip(request), user_agent=client_user_agent(request))


# ---- an approver's e-mail link --------------------------------------------------------------------


def approval_link(request: HttpRequest, token: str) -> HttpResponse:
    """The offer's summary and the two answers, for the approver the link was made for. Showing it does
    not use the link; deciding does (once)."""
    try:
        link = _check(request, token, chain.APPROVE_PURPOSE)
    except SignedLinkRefused as refused:
        return _refused(request, refused)
    asked = (
        ApprovalRequest.objects.select_related("approver", "offer").filter(pk=link.subject_id).first()  # type: ignore[attr-defined]
    )
    if asked is None:
        raise Http404
    offer = offer_for_link(asked.offer_id)
    assert offer is not None
    approver = asked.approver
    language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) or approver.language
    with translation.override(language):
        is_current = (
            offer.status == OfferStatus.IN_APPROVAL
            and offer.approval_round == asked.round
            and chain.current_step(offer) == asked.step
            and chain.may_decide(
                user=approver, step=asked.step, job=offer.application.job, submitter_id=offer.submitted_by_id
            )
        )
        error = ""
        if request.method == "POST" and is_current:
            decision = request.POST.get("decision", "")
            comment = request.POST.get("comment", "")
            if decision == ApprovalDecision.RETURNED and not comment.strip():
                error = _("Say what needs to change before you return the offer.")
            else:
                try:
                    _check(request, token, chain.APPROVE_PURPOSE, use=True)
                    chain.offer_decide(
                        actor=approver,
                        offer=offer,
                        decision=decision,
                        comment=comment,
                        via=ApprovalVia.EMAIL,
                        expected_step=(asked.round, asked.step),
                    )
                except SignedLinkRefused as refused:
                    return _refused(request, refused)
                except DomainError as refusal:
                    error = str(refusal.message)
                else:
                    done = (
                        _("Thank you: you approved the offer.")
                        if decision == ApprovalDecision.APPROVED
                        else _("Thank you: the offer went back to HR with your comment.")
                    )
                    return _private(
                        render(
                            request,
                            "offers/approval_link.html",
                            {"done": done, "offer": offer, "asked": asked},
                        )
                    )
        context = {
            **letter_context(offer),
            "asked": asked,
            "is_current": is_current,
            "error": error,
            "reasons": chain.reasons_text(offer.director_reasons, offer_policy()),
            "company": settings.COMPANY_NAME,
        }
        return _private(render(request, "offers/approval_link.html", context))


# ---- the candidate's offer ------------------------------------------------------------------------


def _candidate_offer(request: HttpRequest, token: str) -> Offer | HttpResponse:
    try:
        link = _check(request, token, sending.ANSWER_PURPOSE)
    except SignedLinkRefused as refused:
        return _refused(request, refused)
    offer = offer_for_link(link.subject_id)  # type: ignore[attr-defined]
    if offer is None:
        raise Http404
    return offer


def answer(request: HttpRequest, token: str) -> HttpResponse:
    """The offer letter on a phone-sized page with accept, decline (with a reason) and ask to discuss."""
    found = _candidate_offer(request, token)
    if isinstance(found, HttpResponse):
        return found
    offer = found
    candidate = offer.application.candidate
    language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) or candidate.language
    with translation.override(language):
        if request.method == "POST":
            response = _answer_action(request, token, offer)
            if response is not None:
                return response
        expired = offer.status == OfferStatus.EXPIRED or (
            offer.status == OfferStatus.SENT and sending.offer_is_past_expiry(offer)
        )
        context = {
            **letter_context(offer),
            "company": settings.COMPANY_NAME,
            "contact": settings.ORGANIZER_EMAIL,
            "expired": expired,
            "answer": offer.answers.exclude(kind="discuss").order_by("-answered_at").first(),
            "discussed": offer.answers.filter(kind="discuss").count(),
            "token": token,
            "posted": request.POST if request.method == "POST" else {},
        }
        return _private(render(request, "offers/answer.html", context))


def _answer_action(request: HttpRequest, token: str, offer: Offer) -> HttpResponse | None:
    action = request.POST.get("action", "")
    seen = request.POST.get("terms", "")
    ip, agent = client_ip(request), client_user_agent(request)
    try:
        if action == "accept" and not request.POST.get("confirm"):
            raise DomainError(_("Tick the box to confirm that you accept the offer."))
        _check(request, token, sending.ANSWER_PURPOSE, use=True)
        if action == "accept":
            sending.offer_accept(offer=offer, seen_hash=seen, ip=ip, user_agent=agent)
            done = _("Thank you! You accepted the offer. We will contact you about the contract.")
        elif action == "decline":
            sending.offer_decline(
                offer=offer, seen_hash=seen, reason=request.POST.get("reason", ""), ip=ip, user_agent=agent
            )
            done = _("You declined the offer. Thank you for letting us know.")
        elif action == "discuss":
            sending.offer_discuss(
                offer=offer, seen_hash=seen, message=request.POST.get("message", ""), ip=ip, user_agent=agent
            )
            done = _("Your message is sent. We will get back to you soon.")
        else:
            raise DomainError(_("Choose to accept, decline or discuss the offer."))
    except SignedLinkRefused as refused:
        return _refused(request, refused)
    except DomainError as refusal:
        messages.error(request, refusal.message)
        return None
    messages.success(request, done)
    return redirect(request.path)


def answer_letter(request: HttpRequest, token: str) -> HttpResponse:
    """The letter as PDF from the candidate's page, in their language (or ?lang=)."""
    found = _candidate_offer(request, token)
    if isinstance(found, HttpResponse):
        return found
    offer = found
    if offer.status == OfferStatus.SUPERSEDED:
        return redirect("offers:answer", token=token)
    language = document_language(request.GET.get("lang") or offer.application.candidate.language)
    return pdf_response(offer_letter_pdf(offer, language=language), filename=letter_filename(offer))
