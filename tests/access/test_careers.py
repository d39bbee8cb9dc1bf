"""Access matrix, careers: the public careers site answers everyone the same, signed in or not; a job page
is about an open job, so each team's job is reached by every persona."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from rekrut.careers.models import Branding
from tests.access.matrix import (
    TEAMS,
    Call,
    Case,
    Page,
    World,
    access_check,
    anyone,
    job_call,
    params,
    team_members,
)
from tests.candidates.filebuilders import pdf_bytes


def _job(world: World, team: str | None) -> Call:
    assert team
    return Call(args=(world.jobs[team].pk,))


def _logo(world: World, team: str | None) -> Call:
    branding = Branding(pk=1, name="PT Contoh")
    # 1×1 PNG
    branding.logo.save(
        "logo.png",
        ContentFile(
            bytes.fromhex(
                "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
            )
        ),
        save=True,
    )
    return Call()


def _applied(world: World, team: str | None) -> Call:
    """The confirmation page, reached without having applied: it sends the visitor to the job page."""
    return _job(world, team)


def _apply(world: World, team: str | None) -> Call:
    assert team
    return Call(
        args=(world.jobs[team].pk,),
        data={
            "full_name": "Dewi Lestari",
            "email": f"dewi.{team}@example.com",
            "phone": "0812-3456-7890",
            "city": "Bandung",
            "cv": SimpleUploadedFile("cv.pdf", pdf_bytes("Dewi Lestari"), content_type="application/pdf"),
            "consent_application": "on",
        },
    )


PAGES: tuple[Page, ...] = (
    Page("careers:jobs", anyone, login_required=False),
    Page("careers:job", anyone, teams=TEAMS, login_required=False, call=_job),
    Page(
        "careers:apply",
        anyone,
        method="post",
        teams=TEAMS,
        login_required=False,
        call=_apply,
        success=("careers:applied",),
    ),
    Page(
        "careers:applied", anyone, teams=TEAMS, login_required=False, call=_applied, success=("careers:job",)
    ),
    Page("careers:logo", anyone, login_required=False, call=_logo),
    Page("careers:brand_css", anyone, login_required=False),
    # HR's preview of the job page (any status): whoever may see the job in the staff app.
    Page("careers:preview", team_members, teams=TEAMS, call=job_call),
)
# The careers site's files at the site's root, outside the careers namespace (so not rows of PAGES, which
# test_complete keeps to one namespace per module): the same answer for everyone.
ROOT_PAGES: tuple[Page, ...] = (
    Page("sitemap", anyone, login_required=False),
    Page("robots", anyone, login_required=False),
)


@pytest.mark.parametrize("case", params(PAGES))
def test_access(case: Case, world: World, client) -> None:
    access_check(case, world, client)


@pytest.mark.parametrize("case", params(ROOT_PAGES))
def test_root_files_access(case: Case, world: World, client) -> None:
    access_check(case, world, client)
