"""Access matrix, portal: the candidate's pages. Asking for a sign-in link and opening one are public; every
other page needs a candidate's session, which no staff login gives: anyone else is sent to the page that
asks for a link (tests/portal/ signs candidates in and checks they see only their own)."""

from datetime import timedelta

import pytest

from rekrut.core.signed_links import signed_link_issue
from rekrut.portal.prep.links import PREP_PURPOSE
from rekrut.portal.services import SIGN_IN_PURPOSE
from tests.access.matrix import TEAMS, Call, Case, Page, World, access_check, anyone, params

SIGN_IN = ("portal:sign_in",)


def _open_call(world: World, team: str | None) -> Call:
    issued = signed_link_issue(
        purpose=SIGN_IN_PURPOSE,
        subject=world.applications[team or ""].candidate,
        valid_for=timedelta(minutes=30),
        created_by=None,
        max_uses=1,
    )
    return Call(args=(issued.token,))


def _prep_call(world: World, team: str | None) -> Call:
    issued = signed_link_issue(
        purpose=PREP_PURPOSE,
        subject=world.interviews[team or ""],
        valid_for=timedelta(days=7),
        created_by=None,
    )
    return Call(args=(issued.token,))


def _application(world: World, team: str | None) -> Call:
    return Call(args=(world.applications[team or ""].pk,))


def _interview(world: World, team: str | None) -> Call:
    return Call(args=(world.interviews[team or ""].pk,))


def _some_id(world: World, team: str | None) -> Call:
    return Call(args=(1,))


def _candidate_page(name: str, *, call=_some_id, method: str = "get", teams=(None,)) -> Page:
    return Page(name, anyone, method=method, teams=teams, login_required=False, call=call, success=SIGN_IN)


PAGES: tuple[Page, ...] = (
    Page("portal:sign_in", anyone, login_required=False),
    Page("portal:sign_in_sent", anyone, login_required=False),
    Page("portal:open", anyone, teams=TEAMS, login_required=False, call=_open_call),
    Page("portal:sign_out", anyone, method="post", login_required=False, success=SIGN_IN),
    _candidate_page("portal:home", call=lambda world, team: Call()),
    _candidate_page("portal:messages", call=lambda world, team: Call()),
    _candidate_page("portal:message"),
    _candidate_page("portal:withdraw", call=_application, teams=TEAMS),
    _candidate_page("portal:interview_calendar", call=_interview, teams=TEAMS),
    _candidate_page("portal:prep", call=_interview, teams=TEAMS),
    # The invitation's link opens its interview's prep pack for whoever holds it, like any signed link.
    Page("portal:prep_link", anyone, teams=TEAMS, login_required=False, call=_prep_call),
    _candidate_page("portal:interview_times", method="post"),
    _candidate_page("portal:offer", method="post"),
    _candidate_page("portal:assessment", method="post"),
    _candidate_page("portal:documents", method="post"),
)


@pytest.mark.parametrize("case", params(PAGES))
def test_access(case: Case, world: World, client) -> None:
    access_check(case, world, client)
