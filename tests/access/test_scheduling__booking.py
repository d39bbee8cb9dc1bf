"""Access matrix, scheduling (self-scheduling): everyone signed in keeps their own working hours and blocked
time (someone else's blocked time is not found); offering times to a candidate and withdrawing the link
belong to the job's managers; the candidate's pages open by signed link, without an account."""

from datetime import timedelta

import pytest
from django.utils import timezone

from rekrut.scheduling.models import BlockedTime, SlotOffer
from rekrut.scheduling.services.booking import slot_book
from tests.access.matrix import (
    ALLOWED,
    NOT_FOUND,
    TEAMS,
    Call,
    Case,
    Outcome,
    Page,
    World,
    access_check,
    anyone,
    params,
    team_managers,
)
from tests.scheduling.factories import offer_make

# Each team's interviewer for the offered times: its user, on the team (tests/conftest.py).
TEAM_USER = {"team_a": "hiring_manager", "team_b": "other_manager"}
MATRIX_REASON = "Matrix: dokter gigi"


def _offer(world: World, team: str | None) -> SlotOffer:
    if "offer" not in world.scratch:
        application = world.applications[team or ""]
        world.scratch["offer"], world.scratch["link"] = offer_make(
            application=application,
            actor=world.personas.hr_admin,
            interviewers=[getattr(world.personas, TEAM_USER[team or ""])],
            count=2,
        )
    return world.scratch["offer"]


def _blocked_add(world: World, team: str | None) -> Call:
    starts = timezone.localtime(timezone.now() + timedelta(days=2))
    return Call(
        data={
            "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (starts + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
            "reason": MATRIX_REASON,
        }
    )


def _blocked_remove(world: World, team: str | None) -> Call:
    starts = timezone.now() + timedelta(days=2)
    blocked = BlockedTime.objects.create(
        user=world.personas.interviewer, starts_at=starts, ends_at=starts + timedelta(hours=1)
    )
    world.scratch["blocked"] = blocked.pk
    return Call(args=(blocked.pk,))


def _own_blocked_time(persona: str, team: str | None) -> Outcome:
    # The row belongs to Maya (the interviewer): everyone else's lookup finds nothing.
    return ALLOWED if persona == "interviewer" else NOT_FOUND


def _application_call(world: World, team: str | None) -> Call:
    return Call(args=(world.applications[team or ""].pk,))


def _revoke_call(world: World, team: str | None) -> Call:
    return Call(args=(_offer(world, team).pk,))


def _pick_call(world: World, team: str | None) -> Call:
    _offer(world, team)
    return Call(args=(world.scratch["link"].token,))


def _manage_call(world: World, team: str | None) -> Call:
    offer = _offer(world, team)
    _booked, issued = slot_book(offer=offer, slot_id=offer.slots.first().pk)
    return Call(args=(issued.token,))


PAGES: tuple[Page, ...] = (
    Page("scheduling:availability", anyone),
    Page(
        "scheduling:blocked_add",
        anyone,
        method="post",
        call=_blocked_add,
        happened=lambda world, team: BlockedTime.objects.filter(reason=MATRIX_REASON).exists(),
        success=("scheduling:availability",),
    ),
    Page(
        "scheduling:blocked_remove",
        _own_blocked_time,
        method="post",
        call=_blocked_remove,
        happened=lambda world, team: not BlockedTime.objects.filter(pk=world.scratch["blocked"]).exists(),
        success=("scheduling:availability",),
    ),
    Page("scheduling:offer_create", team_managers, teams=TEAMS, call=_application_call),
    Page(
        "scheduling:offer_revoke",
        team_managers,
        method="post",
        teams=TEAMS,
        call=_revoke_call,
        happened=lambda world, team: (
            SlotOffer.objects.get(pk=world.scratch["offer"].pk).revoked_at is not None
        ),
        success=("scheduling:offer_create",),
    ),
    Page("scheduling:pick", anyone, teams=TEAMS, login_required=False, call=_pick_call),
    Page("scheduling:manage", anyone, teams=TEAMS, login_required=False, call=_manage_call),
)


@pytest.mark.parametrize("case", params(PAGES))
def test_access(case: Case, world: World, client) -> None:
    access_check(case, world, client)
