"""Access matrix, offers: an offer is salary data (UU PDP Ps 4, rule P2). Its page and letter are for the
job's HR owner, HR admins, the hiring manager and the job's director (who may have to approve it); the
builder, submitting and sending for the HR owner and HR admins; the HR step of the approval chain for a
second HR person. Others on the team see the application but get a 403 here; people off the team a 404.
The approver's e-mail link and the candidate's offer page open by their signed token, without an account."""

from datetime import timedelta

import pytest
from django.utils import timezone

from rekrut.accounts.models import Role
from rekrut.core.signed_links import signed_link_issue
from rekrut.offers.chain import APPROVE_PURPOSE, offer_decide, offer_submit
from rekrut.offers.models import ApprovalRequest, Offer, OfferStatus
from rekrut.offers.sending import offer_send
from tests.access.matrix import (
    TEAMS,
    Call,
    Case,
    Page,
    World,
    access_check,
    anyone,
    params,
    team_action,
    team_hr_owner,
)
from tests.accounts.factories import UserFactory
from tests.offers.factories import offer_make

# Who sees an offer: rekrut.offers.access (salary roles and the job's director).
team_offer_readers = team_action("hr_owner", "user", "director")
SUBMITTER = "offers-matrix-hr"


def _application_call(world: World, team: str | None) -> Call:
    return Call(args=(world.applications[team or ""].pk,))


def _offer(world: World, team: str | None, *, until: str = "draft") -> Offer:
    """An offer on the team's application, drafted and submitted by an HR admin who is none of the
    personas, so every persona's answer on the HR step is their own role's."""
    application = world.application(team or "")
    submitter = UserFactory(username=SUBMITTER, role=Role.HR_ADMIN)
    today = timezone.localdate()
    offer = offer_make(
        application=application,
        actor=submitter,
        start_date=today + timedelta(days=30),
        expires_on=today + timedelta(days=7),
    )
    if until != "draft":
        offer = offer_submit(actor=submitter, offer=offer)
    if until == "approved":
        owner = world.personas.recruiter if team == "team_a" else world.personas.other_recruiter
        manager = world.personas.hiring_manager if team == "team_a" else world.personas.other_manager
        offer = offer_decide(actor=owner, offer=offer, decision="approved")
        offer = offer_decide(actor=manager, offer=offer, decision="approved")
    world.scratch["offer"] = offer
    return offer


def _offer_call(until: str, **data: object):
    def call(world: World, team: str | None) -> Call:
        offer = _offer(world, team, until=until)
        fields = {"lock_version": offer.lock_version, "round": offer.approval_round, "step": "hr", **data}
        return Call(args=(offer.application_id, offer.pk), data=fields)

    return call


def _status(world: World) -> str:
    return Offer.objects.get(pk=world.scratch["offer"].pk).status


def _approval_link(world: World, team: str | None) -> Call:
    offer = _offer(world, team, until="submitted")
    request = ApprovalRequest.objects.filter(offer=offer).first()
    assert request is not None
    issued = signed_link_issue(
        purpose=APPROVE_PURPOSE, subject=request, valid_for=timedelta(days=1), created_by=None
    )
    return Call(args=(issued.token,))


def _answer(world: World, team: str | None) -> Call:
    offer = _offer(world, team, until="approved")
    issued = offer_send(actor=world.personas.hr_admin, offer=offer)
    return Call(args=(issued.token,))


PAGES: tuple[Page, ...] = (
    Page("offers:detail", team_offer_readers, teams=TEAMS, call=_application_call),
    Page("offers:edit", team_hr_owner, teams=TEAMS, call=_application_call),
    Page(
        "offers:submit",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=_offer_call("draft"),
        happened=lambda world, team: _status(world) == OfferStatus.IN_APPROVAL,
        success=("offers:detail",),
    ),
    Page(
        "offers:decide",
        team_hr_owner,  # the HR step: the job's HR owner or an HR admin other than the submitter
        method="post",
        teams=TEAMS,
        call=_offer_call("submitted", decision="approved"),
        happened=lambda world, team: world.scratch["offer"].approvals.exists(),
        success=("offers:detail",),
    ),
    Page(
        "offers:send",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=_offer_call("approved"),
        happened=lambda world, team: _status(world) == OfferStatus.SENT,
        success=("offers:detail",),
    ),
    Page("offers:letter", team_offer_readers, teams=TEAMS, call=_offer_call("draft")),
    Page("offers:approval_link", anyone, teams=TEAMS, login_required=False, call=_approval_link),
    Page("offers:answer", anyone, teams=TEAMS, login_required=False, call=_answer),
    Page("offers:answer_letter", anyone, teams=TEAMS, login_required=False, call=_answer),
)


@pytest.mark.parametrize("case", params(PAGES))
def test_access(case: Case, world: World, client) -> None:
    access_check(case, world, client)
