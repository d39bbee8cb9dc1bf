"""Offers over the API: an application's offer versions with their approval chain, and approving or
returning the step waiting for a decision, through the same access, selectors and services as the offer
page. Amounts are salary data (UU 27/2022 Ps 4, rule P2): only callers who may see the offer get them;
others on the team see each version's status and dates."""

from datetime import date

from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema

from rekrut.api.auth import request_user
from rekrut.api.schemas import ErrorOut, ObjectId, UtcDateTime
from rekrut.core.limits import NOTE_TEXT
from rekrut.offers import chain
from rekrut.offers.access import OfferAccess
from rekrut.offers.models import ApprovalDecision, ApprovalStep, ApprovalVia, Offer, OfferStatus
from rekrut.offers.selectors import approvals_of, offer_of_application, offers_of
from rekrut.pipeline.access import application_access_get

router = Router(tags=["offers"])

READ_ERRORS = {403: ErrorOut, 404: ErrorOut}
WRITE_ERRORS = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}


class AllowanceOut(Schema):
    kind: str = Field(description="fixed (tunjangan tetap) or variable (tunjangan tidak tetap)")
    name: str
    amount: int = Field(description="Rupiah per month")


class AmountsOut(Schema):
    base_salary: int = Field(description="Rupiah per month")
    allowances: list[AllowanceOut]


class ApprovalOut(Schema):
    round: int
    step: ApprovalStep
    decision: ApprovalDecision
    comment: str
    by: str
    via: ApprovalVia
    decided_at: UtcDateTime


class OfferOut(Schema):
    id: int
    application: int
    version: int
    status: OfferStatus
    position: str
    start_date: date
    expires_on: date
    employment_type: str
    approval_round: int
    approval_steps: list[ApprovalStep]
    waiting_for: ApprovalStep | None = Field(description="The step waiting for a decision, when in approval.")
    approvals: list[ApprovalOut]
    amounts: AmountsOut | None = Field(description="Only for callers who may see the offer's pay.")


class DecisionIn(Schema):
    round: int = Field(ge=1, description="The approval round as you read it (approval_round).")
    step: ApprovalStep = Field(description="The step you decide, as you read it (waiting_for).")
    comment: str = Field("", max_length=NOTE_TEXT, description="Required to return the offer.")


def _out(offer: Offer, *, amounts: bool) -> OfferOut:
    return OfferOut(
        id=offer.pk,
        application=offer.application_id,
        version=offer.version,
        status=OfferStatus(offer.status),
        position=offer.position,
        start_date=offer.start_date,
        expires_on=offer.expires_on,
        employment_type=offer.employment_type,
        approval_round=offer.approval_round,
        approval_steps=[ApprovalStep(step) for step in offer.approval_steps],
        waiting_for=ApprovalStep(waiting) if (waiting := chain.current_step(offer)) else None,
        approvals=[
            ApprovalOut(
                round=row.round,
                step=ApprovalStep(row.step),
                decision=ApprovalDecision(row.decision),
                comment=row.comment,
                by=str(row.actor),
                via=ApprovalVia(row.via),
                decided_at=row.decided_at,
            )
            for row in approvals_of(offer=offer)
        ],
        amounts=AmountsOut(
            base_salary=offer.base_salary,
            allowances=[
                AllowanceOut(kind=a.kind, name=a.name, amount=a.amount) for a in offer.allowances.all()
            ],
        )
        if amounts
        else None,
    )


@router.get(
    "/applications/{application_id}/offers",
    response={200: list[OfferOut], **READ_ERRORS},
    summary="An application's offer versions, newest first, with their approvals",
)
def offer_list(request: HttpRequest, application_id: ObjectId) -> list[OfferOut]:
    user = request_user(request)
    access = OfferAccess(application=application_access_get(user=user, application_id=application_id))
    offers = offers_of(application=access.application.application)
    return [_out(offer, amounts=access.can_see) for offer in offers]


def _decide(
    request: HttpRequest, application_id: int, offer_id: int, payload: DecisionIn, decision: str
) -> OfferOut:
    user = request_user(request)
    # A 404 for an application the caller may not see; who may decide is the chain's rule (a 403 then).
    application_access_get(user=user, application_id=application_id)
    offer = offer_of_application(application_id=application_id, offer_id=offer_id)
    if offer is None:
        raise Http404
    decided = chain.offer_decide(
        actor=user,
        offer=offer,
        decision=decision,
        comment=payload.comment,
        via=ApprovalVia.API,
        expected_step=(payload.round, payload.step),
    )
    return _out(decided, amounts=True)


@router.post(
    "/applications/{application_id}/offers/{offer_id}/approve",
    response={200: OfferOut, **WRITE_ERRORS},
    summary="Approve the step of the offer's chain waiting for you",
)
def offer_approve(
    request: HttpRequest, application_id: ObjectId, offer_id: ObjectId, payload: DecisionIn
) -> OfferOut:
    return _decide(request, application_id, offer_id, payload, ApprovalDecision.APPROVED)


@router.post(
    "/applications/{application_id}/offers/{offer_id}/return",
    response={200: OfferOut, **WRITE_ERRORS},
    summary="Return the offer to HR with a comment (the chain starts over once it is submitted again)",
)
def offer_return(
    request: HttpRequest, application_id: ObjectId, offer_id: ObjectId, payload: DecisionIn
) -> OfferOut:
    return _decide(request, application_id, offer_id, payload, ApprovalDecision.RETURNED)
