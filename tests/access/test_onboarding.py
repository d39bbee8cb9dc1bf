"""Access matrix, onboarding: the list (each sees the onboardings of the applications they see), an
application's checklist (everyone who sees the application, numbers masked), HR's actions (the job's HR
owner and HR admins), the bank and salary details and the export (only with the explicit permission:
nobody in the world holds it, so those are 403 or 404), documents (HR), and the new employee's page (the
signed link, no account). Who may see bank and salary data: test_accounts.py."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from rekrut.core.models import SignedLink
from rekrut.core.signed_links import signed_link_issue
from rekrut.onboarding.models import DocumentFile, ItemOwner, Onboarding, Task
from rekrut.onboarding.services import LINK_PURPOSE, onboarding_start
from tests.access.matrix import (
    FORBIDDEN,
    NOT_FOUND,
    TEAMS,
    Call,
    Case,
    Page,
    World,
    access_check,
    anyone,
    params,
    sees,
    team_hr_owner,
    team_members,
)
from tests.core.images import png_bytes


def _onboarding(world: World, team: str | None) -> Onboarding:
    onboarding = onboarding_start(
        actor=world.personas.hr_admin,
        application=world.application(team or ""),
        start_date=timezone.localdate() + timedelta(days=14),
    )
    world.scratch["onboarding"] = onboarding
    return onboarding


def _onboarding_call(world: World, team: str | None) -> Call:
    return Call(args=(_onboarding(world, team).pk,))


def _application_call(world: World, team: str | None) -> Call:
    _onboarding(world, team)
    return Call(args=(world.applications[team or ""].pk,))


def _hr_task_call(world: World, team: str | None) -> Call:
    task = _onboarding(world, team).tasks.filter(owner=ItemOwner.HR).first()
    assert task is not None
    world.scratch["task"] = task
    return Call(args=(task.pk,), data={"done": "on"})


def _document_call(world: World, team: str | None) -> Call:
    task = _onboarding(world, team).tasks.get(document="ijazah")
    upload = DocumentFile(task=task, file_kind="png", size=10)
    upload.file.save("document", ContentFile(png_bytes(4, 4)), save=True)
    return Call(args=(task.pk,))


def _export_call(world: World, team: str | None) -> Call:
    return Call(args=(_onboarding(world, team).pk, "json"))


def _details_policy(persona: str, team: str | None) -> object:
    assert team
    return FORBIDDEN if sees(persona, team) else NOT_FOUND


def _candidate_call(world: World, team: str | None) -> Call:
    issued = signed_link_issue(
        purpose=LINK_PURPOSE, subject=_onboarding(world, team), valid_for=timedelta(days=1), created_by=None
    )
    return Call(args=(issued.token,))


def _link_sent(world: World, team: str | None) -> bool:
    return SignedLink.objects.filter(purpose=LINK_PURPOSE, subject_id=world.scratch["onboarding"].pk).exists()


PAGES: tuple[Page, ...] = (
    Page("onboarding:list", anyone),
    Page("onboarding:application", team_members, teams=TEAMS, call=_application_call),
    Page(
        "onboarding:tick",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=_hr_task_call,
        happened=lambda world, team: Task.objects.get(pk=world.scratch["task"].pk).is_done,
        success=("onboarding:application",),
    ),
    Page("onboarding:document", team_hr_owner, teams=TEAMS, call=_document_call),
    Page(
        "onboarding:send_link",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=_onboarding_call,
        happened=_link_sent,
        success=("onboarding:application",),
    ),
    # Allowed means the page answers HR (it then says which required items are still open).
    Page(
        "onboarding:hand_off",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=_onboarding_call,
        success=("onboarding:application",),
    ),
    Page("onboarding:financial", _details_policy, teams=TEAMS, call=_onboarding_call),  # type: ignore[arg-type]
    Page("onboarding:export", _details_policy, teams=TEAMS, call=_export_call),  # type: ignore[arg-type]
    Page("onboarding:candidate", anyone, teams=TEAMS, login_required=False, call=_candidate_call),
)


@pytest.mark.parametrize("case", params(PAGES))
def test_access(case: Case, world: World, client) -> None:
    access_check(case, world, client)
