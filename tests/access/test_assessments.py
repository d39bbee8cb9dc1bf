"""Access matrix, assessments: HR's types and the provider import (HR staff; an import belongs to who
started it), an application's assessments (everyone who sees the application reads them, its HR owner and
HR admins act), the restricted psikotes report (only with the explicit permission: nobody in the world
holds it, so 403 or 404), a job's rules (the team reads them, the HR owner changes them), and the
candidate's page (the signed link, no account)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from rekrut.assessments.models import (
    Assessment,
    AssessmentRule,
    AssessmentStatus,
    AssessmentType,
    ResultImport,
)
from rekrut.assessments.services.assessments import LINK_PURPOSE, assessment_result_record
from rekrut.assessments.services.rules import assessment_rule_add
from rekrut.core.signed_links import signed_link_issue
from rekrut.jobs.models import StageKind
from tests.access.matrix import (
    ALLOWED,
    FORBIDDEN,
    HR_STAFF,
    NOT_FOUND,
    TEAMS,
    Call,
    Case,
    Page,
    World,
    access_check,
    anyone,
    hr_staff,
    job_call,
    params,
    sees,
    team_hr_owner,
    team_members,
)
from tests.assessments.factories import assessment_make, type_make
from tests.candidates.filebuilders import pdf_bytes


def _type_call(world: World, team: str | None, **data: object) -> Call:
    kind = type_make()
    world.scratch["type"] = kind
    return Call(args=(kind.pk,), data={"version": kind.version, **data})


def _brief_call(world: World, team: str | None) -> Call:
    kind = type_make()
    kind.brief_file.save("brief.pdf", ContentFile(pdf_bytes("Brief")))
    return Call(args=(kind.pk,))


def _application_call(world: World, team: str | None) -> Call:
    return Call(args=(world.applications[team or ""].pk,))


def _assessment(world: World, team: str | None, **kind: object) -> Assessment:
    assessment = assessment_make(
        application=world.application(team or ""),
        assessment_type=type_make(**kind),
        actor=world.personas.hr_admin,
    )
    world.scratch["assessment"] = assessment
    return assessment


def _current(world: World) -> Assessment:
    return Assessment.objects.get(pk=world.scratch["assessment"].pk)


def _action_call(world: World, team: str | None, prefix: str, **data: object) -> Call:
    assessment = _assessment(world, team)
    fields = {f"{prefix}{assessment.pk}-{name}": value for name, value in {"version": 1, **data}.items()}
    return Call(args=(assessment.pk,), data=fields)


def _later() -> str:
    return timezone.localtime(timezone.now() + timedelta(days=4)).strftime("%Y-%m-%dT%H:%M")


def _done(world: World, team: str | None, **kind: object) -> Call:
    assessment = _assessment(world, team, **kind)
    assessment_result_record(
        actor=world.personas.hr_admin,
        assessment=assessment,
        expected_version=1,
        score=Decimal(80) if kind.get("shape", "score") == "score" else None,
        category="recommended" if kind.get("shape") == "category" else "",
    )
    return Call(args=(assessment.pk,))


def _psikotes_done(world: World, team: str | None) -> Call:
    return _done(world, team, name="Psikotes", shape="category")


def _restricted(persona: str, team: str | None) -> object:
    assert team
    return FORBIDDEN if sees(persona, team) else NOT_FOUND


def _work_call(world: World, team: str | None) -> Call:
    assessment = _assessment(world, team)
    assessment.work_sample_kind = "pdf"
    assessment.work_sample.save("work", ContentFile(pdf_bytes("Work")), save=True)
    return Call(args=(assessment.pk,))


def _rule_call(world: World, team: str | None) -> Call:
    job = world.jobs[team or ""]
    rule = assessment_rule_add(
        actor=world.personas.hr_admin,
        job=job,
        assessment_type=type_make(),
        blocking_outcome="failed",
        stage_kind=StageKind.USER_INTERVIEW,
    )
    world.scratch["rule"] = rule
    return Call(args=(rule.pk,))


def _import_call(world: World, team: str | None) -> Call:
    found = ResultImport.objects.create(
        assessment_type=type_make(), file_name="hasil.csv", rows=[], created_by=world.personas.hr_admin
    )
    return Call(args=(found.pk,))


def _import_owner(persona: str, team: str | None) -> object:
    """An import belongs to who started it (here the HR admin); other HR staff do not find it."""
    if persona == "hr_admin":
        return ALLOWED
    return NOT_FOUND if persona in HR_STAFF else FORBIDDEN


def _page_call(world: World, team: str | None) -> Call:
    assessment = _assessment(world, team)
    Assessment.objects.filter(pk=assessment.pk).update(
        status=AssessmentStatus.INVITED, deadline=timezone.now() + timedelta(days=2)
    )
    issued = signed_link_issue(
        purpose=LINK_PURPOSE, subject=assessment, valid_for=timedelta(days=2), created_by=None
    )
    world.scratch["token"] = issued.token
    return Call(args=(issued.token,))


def _public_brief_call(world: World, team: str | None) -> Call:
    call = _page_call(world, team)
    kind = world.scratch["assessment"].assessment_type
    kind.brief_file.save("brief.pdf", ContentFile(pdf_bytes("Brief")))
    return call


PAGES: tuple[Page, ...] = (
    Page("assessments:types", hr_staff),
    Page("assessments:type_create", hr_staff),
    Page(
        "assessments:types_usual",
        hr_staff,
        method="post",
        happened=lambda world, team: AssessmentType.objects.filter(name_id="Psikotes").exists(),
        success=("assessments:types",),
    ),
    Page("assessments:type_edit", hr_staff, call=_type_call),
    Page(
        "assessments:type_retire",
        hr_staff,
        method="post",
        call=_type_call,
        happened=lambda world, team: not AssessmentType.objects.get(pk=world.scratch["type"].pk).is_active,
        success=("assessments:types",),
    ),
    Page("assessments:type_brief", anyone, call=_brief_call),
    Page("assessments:application", team_members, teams=TEAMS, call=_application_call),
    Page(
        "assessments:reuse",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=lambda world, team: Call(
            args=(world.applications[team or ""].pk,), data={"source": 999999, "idempotency_key": "r" * 32}
        ),
        success=("assessments:application",),
    ),
    Page(
        "assessments:invite",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=lambda world, team: _action_call(
            world, team, "i", mode="on_site", scheduled_at=_later(), location="Kantor"
        ),
        happened=lambda world, team: _current(world).status == AssessmentStatus.INVITED,
        success=("assessments:application",),
    ),
    Page(
        "assessments:cancel",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=lambda world, team: _action_call(world, team, "c", reason="Posisi ditutup"),
        happened=lambda world, team: _current(world).status == AssessmentStatus.CANCELLED,
        success=("assessments:application",),
    ),
    Page(
        "assessments:result",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=lambda world, team: _action_call(world, team, "r", score="75"),
        happened=lambda world, team: _current(world).outcome == "passed",
        success=("assessments:application",),
    ),
    Page("assessments:report", _restricted, teams=TEAMS, call=_psikotes_done),  # type: ignore[arg-type]
    Page("assessments:report_file", _restricted, teams=TEAMS, call=_psikotes_done),  # type: ignore[arg-type]
    Page("assessments:work", team_members, teams=TEAMS, call=_work_call),
    Page("assessments:rules", team_members, teams=TEAMS, call=job_call),
    Page(
        "assessments:rule_remove",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=_rule_call,
        happened=lambda world, team: not AssessmentRule.objects.filter(pk=world.scratch["rule"].pk).exists(),
        success=("assessments:rules",),
    ),
    Page("assessments:import", hr_staff),
    Page("assessments:import_preview", _import_owner, call=_import_call),  # type: ignore[arg-type]
    Page("assessments:import_save", _import_owner, method="post", call=_import_call),  # type: ignore[arg-type]
    Page("assessments:page", anyone, teams=TEAMS, login_required=False, call=_page_call),
    Page("assessments:brief", anyone, teams=TEAMS, login_required=False, call=_public_brief_call),
)


@pytest.mark.parametrize("case", params(PAGES))
def test_access(case: Case, world: World, client) -> None:
    access_check(case, world, client)
