"""The offer page's actions: submit for approval, approve or return a step, send to the candidate, and the
letter as PDF. Each runs one service through carry_out and comes back to the offer page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rekrut.accounts.http import AuthedRequest
from rekrut.core.actions import carry_out
from rekrut.core.pdf import pdf_language, pdf_response
from rekrut.offers import chain, sending
from rekrut.offers.access import offer_access_get
from rekrut.offers.forms import DecideForm, VersionForm
from rekrut.offers.letter import letter_filename, offer_letter_pdf
from rekrut.offers.models import ApprovalDecision, Offer
from rekrut.offers.selectors import offer_of_application


def _offer(application_id: int, offer_id: int) -> Offer:
    """A version of this application's offer (the caller has checked access to the application)."""
    offer = offer_of_application(application_id=application_id, offer_id=offer_id)
    if offer is None:
        raise Http404
    return offer


@login_required
@require_POST
def submit(request: AuthedRequest, application_id: int, offer_id: int) -> HttpResponse:
    access = offer_access_get(user=request.user, application_id=application_id)
    if not access.can_edit:
        raise PermissionDenied
    offer = _offer(application_id, offer_id)
    form = VersionForm(request.POST)
    expected = form.cleaned_data["lock_version"] if form.is_valid() else None
    carry_out(
        request,
        lambda: chain.offer_submit(actor=request.user, offer=offer, expected_version=expected),
        _("The offer is submitted for approval. The first approvers have been asked."),
    )
    return redirect("offers:detail", application_id=application_id)


@login_required
@require_POST
def decide(request: AuthedRequest, application_id: int, offer_id: int) -> HttpResponse:
    """Approve or return the step waiting for a decision, on the page (who may is the chain's answer)."""
    offer_access_get(user=request.user, application_id=application_id)
    offer = _offer(application_id, offer_id)
    form = DecideForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose to approve or to return the offer."))
        return redirect("offers:detail", application_id=application_id)
    data = form.cleaned_data
    carry_out(
        request,
        lambda: chain.offer_decide(
            actor=request.user,
            offer=offer,
            decision=data["decision"],
            comment=data.get("comment") or "",
            expected_step=(data["round"], data["step"]),
        ),
        _("You approved the offer.")
        if data["decision"] == ApprovalDecision.APPROVED
        else _("You returned the offer to HR with your comment."),
    )
    return redirect("offers:detail", application_id=application_id)


@login_required
@require_POST
def send(request: AuthedRequest, application_id: int, offer_id: int) -> HttpResponse:
    access = offer_access_get(user=request.user, application_id=application_id)
    if not access.can_edit:
        raise PermissionDenied
    offer = _offer(application_id, offer_id)
    form = VersionForm(request.POST)
    expected = form.cleaned_data["lock_version"] if form.is_valid() else None
    carry_out(
        request,
        lambda: sending.offer_send(actor=request.user, offer=offer, expected_version=expected),
        _("The offer is on its way to the candidate by e-mail."),
    )
    return redirect("offers:detail", application_id=application_id)


@login_required
def letter(request: AuthedRequest, application_id: int, offer_id: int) -> HttpResponse:
    """The letter as PDF for those who see the offer: ?lang=en for English, else Bahasa Indonesia."""
    offer_access_get(user=request.user, application_id=application_id)
    offer = _offer(application_id, offer_id)
    language = pdf_language(request) if request.GET.get("lang") else "id"
    return pdf_response(offer_letter_pdf(offer, language=language), filename=letter_filename(offer))
