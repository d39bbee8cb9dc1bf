"""An application's offer: its page (versions and totals) and the builder for HR."""

from datetime import timedelta
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from rekrut.accounts.http import AuthedRequest
from rekrut.core.actions import carry_out
from rekrut.core.errors import DomainError
from rekrut.jobs.models import EmploymentType, Job
from rekrut.offers import chain, selectors, services
from rekrut.offers.access import offer_access_get
from rekrut.offers.forms import AllowanceFormSet, OfferForm, allowance_lines, offer_initial
from rekrut.offers.models import Offer, OfferEmployment, WorkingPattern
from rekrut.offers.pay import PayTotals, pay_totals
from rekrut.offers.rules import Refusal
from rekrut.offers.services import OfferData, OfferRefused, offer_data_of

# A new offer's dates when HR opens the builder: a week to answer, a month's notice before starting.
ANSWER_DAYS = 7
NOTICE_DAYS = 30


def _totals(data: OfferData) -> PayTotals:
    terms = data.terms()
    return pay_totals(
        base=max(terms.base_salary, 0),
        fixed=[max(a, 0) for a in terms.fixed_allowances],
        variable=[max(a, 0) for a in terms.variable_allowances],
        rates=selectors.bpjs_rates_on(day=data.start_date),
    )


@login_required
def offer_detail(request: AuthedRequest, application_id: int) -> HttpResponse:
    access = offer_access_get(user=request.user, application_id=application_id)
    application = access.application.application
    offers = list(selectors.offers_of(application=application))
    context: dict[str, Any] = {
        "nav": "candidates",
        "access": access,
        "application": application,
        "offers": offers,
    }
    if offers:
        latest = offers[0]
        data = offer_data_of(latest)
        check = services.offer_check(
            job=application.job, data=data, today=timezone.localdate(latest.updated_at)
        )
        context.update(offer=latest, totals=_totals(data), check=check)
        steps = chain.chain_state(latest)
        waiting = chain.current_step(latest)
        may_decide = waiting is not None and chain.may_decide(
            user=request.user, step=waiting, job=application.job, submitter_id=latest.submitted_by_id
        )
        context.update(
            steps=steps,
            waiting=waiting,
            may_decide=may_decide,
            reasons=chain.reasons_text(latest.director_reasons, selectors.offer_policy()),
            history=selectors.approvals_of(offer=latest),
        )
    return render(request, "offers/detail.html", context)


def _initial_for_new(job: Job, user: Any) -> dict[str, Any]:
    today = timezone.localdate()
    return {
        "position": job.title,
        "department": job.department_id,
        "work_location": job.location_id,
        "employment_type": OfferEmployment.PKWT
        if job.employment_type == EmploymentType.PKWT
        else OfferEmployment.PKWTT,
        "working_pattern": WorkingPattern.FIVE_DAYS,
        "annual_leave_days": 12,
        "start_date": today + timedelta(days=NOTICE_DAYS),
        "expires_on": today + timedelta(days=ANSWER_DAYS),
        "signatory": user.pk,
    }


def _refusals_show(form: OfferForm, line_refusals: list[str], refusals: list[Refusal]) -> None:
    """Each refusal beside its field; those about the allowance lines above the lines."""
    for refusal in refusals:
        if refusal.field in form.fields:
            form.add_error(refusal.field, str(refusal.message))
        else:
            line_refusals.append(str(refusal.message))


@login_required
def offer_edit(request: AuthedRequest, application_id: int) -> HttpResponse:
    """The builder: what HR types, the rules' answer beside the fields, and the totals per month and year.
    An HTMX change asks for the preview (rules and totals, nothing saved); the button saves the draft."""
    access = offer_access_get(user=request.user, application_id=application_id)
    if not access.can_edit:
        raise PermissionDenied
    application = access.application.application
    latest = selectors.offer_latest(application=application)
    if latest is not None:
        initial = offer_initial(latest)
        lines = [{"kind": a.kind, "name": a.name, "amount": a.amount} for a in latest.allowances.all()]
    else:
        initial, lines = _initial_for_new(application.job, request.user), []
    form = OfferForm(request.POST or None, initial=initial)
    formset = AllowanceFormSet(request.POST or None, initial=lines, prefix="allowances")
    line_refusals: list[str] = []
    context: dict[str, Any] = {
        "nav": "candidates",
        "access": access,
        "application": application,
        "latest": latest,
        "form": form,
        "formset": formset,
        "line_refusals": line_refusals,
    }
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        data = form.data_for(allowance_lines(formset))
        check = services.offer_check(job=application.job, data=data)
        context.update(totals=_totals(data), check=check)
        if request.POST.get("preview"):
            return render(request, "offers/_summary.html", context)

        def save() -> Offer:
            try:
                return services.offer_draft_save(
                    actor=request.user,
                    application=application,
                    data=data,
                    expected_version=form.cleaned_data.get("lock_version"),
                )
            except OfferRefused as refused:
                _refusals_show(form, line_refusals, refused.refusals)
                raise DomainError(_("The offer was not saved: see what needs to change below.")) from None

        saved = carry_out(
            request,
            save,
            lambda offer: _("Offer version %(version)s is saved as a draft.") % {"version": offer.version},
            form=form,
        )
        if saved is not None:
            return redirect("offers:detail", application_id=application.pk)
    elif latest is not None:
        data = offer_data_of(latest)
        context.update(totals=_totals(data), check=services.offer_check(job=application.job, data=data))
    if request.htmx and request.POST.get("preview"):
        return render(request, "offers/_summary.html", context)
    return render(request, "offers/edit.html", context)
