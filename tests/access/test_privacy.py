"""Access matrix, privacy: the candidate's "My data" pages need a candidate's session (anyone else is sent to
the page that asks for a sign-in link); the request queue is for HR admins; a candidate's personal data page
and its actions are for HR who may see the candidate (tests/privacy/ checks what each one does)."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from rekrut.candidates.models import Candidate
from rekrut.privacy.models import ANSWER_WITHIN, DataRequest, RetentionHold
from tests.access.matrix import (
    ALLOWED,
    FORBIDDEN,
    HR_STAFF,
    NOT_FOUND,
    TEAMS,
    Call,
    Case,
    Outcome,
    Page,
    World,
    access_check,
    anyone,
    candidate_call,
    hr_admin_only,
    params,
    sees,
)

SIGN_IN = ("portal:sign_in",)


def hr_who_sees(persona: str, team: str | None) -> Outcome:
    assert team
    if not sees(persona, team):
        return NOT_FOUND
    return ALLOWED if persona in HR_STAFF else FORBIDDEN


def _request_call(world: World, team: str | None) -> Call:
    now = timezone.now()
    request = DataRequest.objects.create(
        candidate=world.applications["team_a"].candidate,
        kind="correction",
        details="Nama saya salah eja.",
        created_at=now,
        due_at=now + ANSWER_WITHIN,
    )
    return Call(args=(request.pk,))


def _retention_call(world: World, team: str | None) -> Call:
    return Call(
        args=candidate_call(world, team).args,
        data={"until": date(timezone.localdate().year + 1, 12, 31).isoformat(), "reason": "Talenta langka"},
    )


def _import_call(world: World, team: str | None) -> Call:
    upload = SimpleUploadedFile("resume.json", b'{"work": [{"name": "PT A", "startDate": "2013-12"}]}')
    return Call(args=candidate_call(world, team).args, data={"file": upload})


def _candidate(world: World, team: str | None) -> Candidate:
    return Candidate.objects.get(pk=world.applications[team or ""].candidate_id)


PAGES: tuple[Page, ...] = (
    Page("privacy:my_data", anyone, login_required=False, success=SIGN_IN),
    Page("privacy:my_data_download", anyone, login_required=False, success=SIGN_IN),
    Page(
        "privacy:my_data_request",
        anyone,
        method="post",
        login_required=False,
        success=SIGN_IN,
        call=lambda world, team: Call(data={"kind": "deletion"}),
    ),
    Page("privacy:queue", hr_admin_only),
    Page("privacy:request", hr_admin_only, call=_request_call),
    Page("privacy:candidate", hr_who_sees, teams=TEAMS, call=candidate_call),
    Page("privacy:resume_download", hr_who_sees, teams=TEAMS, call=candidate_call),
    Page(
        "privacy:retention_extend",
        hr_who_sees,
        method="post",
        teams=TEAMS,
        call=_retention_call,
        happened=lambda world, team: RetentionHold.objects.filter(candidate=_candidate(world, team)).exists(),
        success=("privacy:candidate",),
    ),
    Page(
        "privacy:resume_import",
        hr_who_sees,
        method="post",
        teams=TEAMS,
        call=_import_call,
        happened=lambda world, team: _candidate(world, team).resume != {},
        success=("privacy:candidate",),
    ),
)


@pytest.mark.parametrize("case", params(PAGES))
def test_access(case: Case, world: World, client) -> None:
    access_check(case, world, client)
