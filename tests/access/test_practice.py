"""Access matrix, practice: the practice pages are public and answer every persona the same; nothing a visitor
types is stored without a candidate's session. History is the candidate's alone: no staff login reaches it,
everyone without a candidate session is sent to the portal's sign-in page (tests/practice/ signs a candidate
in and checks what is kept)."""

import pytest

from tests.access.matrix import Call, Case, Page, World, access_check, anyone, params

STATE = {"round": "hr", "family": "", "n": 0}
ANSWER = {**STATE, "key": "hr.intro.about_you", "answer": "Saya staf admin di PT Maju selama 3 tahun."}
SIGN_IN = ("portal:sign_in",)

PAGES: tuple[Page, ...] = (
    Page("practice:start", anyone, login_required=False),
    Page("practice:question", anyone, login_required=False, call=lambda world, team: Call(data=STATE)),
    Page(
        "practice:feedback",
        anyone,
        method="post",
        login_required=False,
        call=lambda world, team: Call(data=ANSWER),
    ),
    Page(
        "practice:rate",
        anyone,
        method="post",
        login_required=False,
        call=lambda world, team: Call(data=STATE),
        success=("practice:question",),
    ),
    Page("practice:history", anyone, login_required=False, success=SIGN_IN),
    Page("practice:history_delete", anyone, method="post", login_required=False, success=SIGN_IN),
)


@pytest.mark.parametrize("case", params(PAGES))
def test_access(case: Case, world: World, client) -> None:
    access_check(case, world, client)
