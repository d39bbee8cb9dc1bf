"""Access matrix, intake: adding a candidate, reading a CV, editing a candidate, applying them for a job,
importing a table of applicants."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from rekrut.intake import importing
from rekrut.intake.models import ScreeningQuestion
from rekrut.pipeline.models import Application
from tests.access.matrix import (
    TEAMS,
    Call,
    Case,
    Page,
    World,
    access_check,
    candidate_call,
    hr_staff,
    import_starter,
    job_call,
    params,
    team_action,
    team_hr_owner,
    team_hr_staff,
)
from tests.candidates.filebuilders import csv_bytes, pdf_bytes
from tests.jobs.factories import job_make


def _apply(world: World, team: str | None) -> Call:
    """The team's candidate applies for a second job of the same team."""
    assert team
    first = world.jobs[team]
    members = {m.role: m.user for m in first.team.select_related("user")}
    second = job_make(
        hr_owner=members["hr_owner"],
        user=members.get("user"),
        interviewers=tuple(m.user for m in first.team.filter(role="interviewer")),
        director=members.get("director"),
        title="Teller",
    )
    world.scratch["second_job"] = second
    return Call(args=(world.applications[team].candidate_id,), data={"job": second.pk})


def _cv_upload(world: World, team: str | None) -> Call:
    cv = pdf_bytes("Dewi Lestari\ndewi.lestari@example.com\n0812-3456-7890")
    return Call(data={"cv": SimpleUploadedFile("cv.pdf", cv, content_type="application/pdf")})


def _import(world: World, team: str | None, *, queued: bool = False) -> Call:
    """A CSV import for the team's job, started by the team's HR owner."""
    assert team
    starter = world.jobs[team].team.get(role="hr_owner").user
    table = csv_bytes([["Nama", "Email", "No HP"], ["Dewi Lestari", "dewi@example.com", "0812-3456-7890"]])
    candidate_import = importing.import_start(
        actor=starter, name="pelamar.csv", data=table, job=world.jobs[team]
    )
    if queued:
        candidate_import = importing.import_queue(actor=starter, candidate_import=candidate_import)
    return Call(args=(candidate_import.pk,))


def _question(world: World, team: str | None) -> Call:
    assert team
    job = world.jobs[team]
    question = ScreeningQuestion.objects.create(job=job, text="Bersedia shift?", kind="yes_no")
    return Call(args=(job.pk, question.pk))


PAGES: tuple[Page, ...] = (
    Page("intake:edit", team_hr_staff, teams=TEAMS, call=candidate_call),
    Page("intake:add", hr_staff),
    Page("intake:cv_read", hr_staff, method="post", call=_cv_upload),
    Page(
        "intake:apply",
        team_action("hr_owner", "user", hr_staff_too=True),  # pipeline.services.application_create
        method="post",
        teams=TEAMS,
        call=_apply,
        happened=lambda world, team: Application.objects.filter(
            candidate=world.applications[team or ""].candidate, job=world.scratch.get("second_job")
        ).exists(),
        success=("desk:candidate",),
    ),
    Page(
        "intake:screening_questions",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=lambda world, team: Call(
            args=job_call(world, team).args, data={"text": "Bersedia shift?", "kind": "yes_no"}
        ),
        happened=lambda world, team: ScreeningQuestion.objects.filter(job=world.jobs[team or ""]).exists(),
        success=("intake:screening_questions",),
    ),
    Page(
        "intake:screening_question_delete",
        team_hr_owner,
        method="post",
        teams=TEAMS,
        call=_question,
        happened=lambda world, team: (
            not ScreeningQuestion.objects.filter(job=world.jobs[team or ""]).exists()
        ),
        success=("intake:screening_questions",),
    ),
    Page("intake:import_start", hr_staff),
    Page("intake:job_import_start", hr_staff),
    Page("intake:import_map", import_starter, teams=TEAMS, call=_import),
    Page(
        "intake:import_status",
        import_starter,
        teams=TEAMS,
        call=lambda world, team: _import(world, team, queued=True),
    ),
)


@pytest.mark.parametrize("case", params(PAGES))
def test_access(case: Case, world: World, client) -> None:
    access_check(case, world, client)
