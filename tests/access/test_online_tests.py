"""Access matrix, online tests: building tests is HR staff's (403 for the others); an application's tests and
an attempt's answers are seen by whoever sees the application (404 otherwise); the candidate's pages open
with the signed link, no account; the portal's button needs the candidate's own session."""

import pytest

from rekrut.online_tests.models import Question, QuestionKind, Section
from rekrut.online_tests.services.taking import Upload, answers_save, attempt_start, attempt_submit
from tests.access.matrix import TEAMS, Call, Page, World, access_check, anyone, hr_staff, params, team_members
from tests.candidates.filebuilders import pdf_bytes
from tests.online_tests.factories import online_test_make, online_test_sent


def _test(world: World, team: str | None) -> Call:
    test = online_test_make(actor=world.personas.hr_admin)
    world.scratch["test"] = test
    return Call(args=(test.pk,))


def _section(world: World, team: str | None, **data: object) -> Call:
    test = online_test_make(actor=world.personas.hr_admin)
    section = test.sections.first()
    assert section is not None
    world.scratch["section"] = section
    return Call(args=(section.pk,), data=data)


def _question(world: World, team: str | None) -> Call:
    test = online_test_make(actor=world.personas.hr_admin)
    question = Question.objects.filter(section__test=test).first()
    assert question is not None
    world.scratch["question"] = question
    return Call(args=(question.pk,))


def _attempt(world: World, team: str | None):
    attempt, token = online_test_sent(
        application=world.application(team or ""),
        test=online_test_make(actor=world.personas.hr_admin, file=True),
        actor=world.personas.hr_admin,
    )
    world.scratch["token"] = token
    return attempt


def _submitted(world: World, team: str | None) -> Call:
    started = attempt_start(attempt=_attempt(world, team), consent=True, language="id")
    work = started.answers.get(question__kind=QuestionKind.FILE)
    answers_save(
        attempt=started, values={}, uploads={work.position: Upload(name="kerja.pdf", data=pdf_bytes("Kerja"))}
    )
    attempt_submit(attempt=started)
    world.scratch["answer"] = work
    return Call(args=(started.pk,))


def _answer_file(world: World, team: str | None) -> Call:
    _submitted(world, team)
    return Call(args=(world.scratch["answer"].pk,))


def _take(world: World, team: str | None) -> Call:
    _attempt(world, team)
    return Call(args=(world.scratch["token"],))


def _save(world: World, team: str | None) -> Call:
    attempt_start(attempt=_attempt(world, team), consent=True, language="id")
    return Call(args=(world.scratch["token"],), data={"q1": ""})


def _from_portal(world: World, team: str | None) -> Call:
    return Call(args=(_attempt(world, team).pk,))


PAGES: tuple[Page, ...] = (
    Page("online_tests:list", hr_staff),
    Page("online_tests:create", hr_staff),
    Page("online_tests:test", hr_staff, call=_test),
    Page("online_tests:edit", hr_staff, call=_test),
    Page("online_tests:preview", hr_staff, call=_test),
    Page(
        "online_tests:section_add",
        hr_staff,
        method="post",
        call=lambda world, team: Call(
            args=(_test(world, team).args[0],), data={"name_id": "Bagian B", "draw_count": 0}
        ),
        happened=lambda world, team: Section.objects.filter(name_id="Bagian B").exists(),
        success=("online_tests:test",),
    ),
    Page(
        "online_tests:section_change",
        hr_staff,
        method="post",
        call=lambda world, team: _section(world, team, name_id="Bagian diganti", draw_count=0),
        happened=lambda world, team: Section.objects.filter(name_id="Bagian diganti").exists(),
        success=("online_tests:test",),
    ),
    Page(
        "online_tests:question_add",
        hr_staff,
        method="post",
        call=lambda world, team: _section(
            world, team, kind="text", text_id="Jelaskan pengalaman Anda.", points="2"
        ),
        happened=lambda world, team: Question.objects.filter(text_id="Jelaskan pengalaman Anda.").exists(),
        success=("online_tests:test",),
    ),
    Page(
        "online_tests:question_remove",
        hr_staff,
        method="post",
        call=_question,
        happened=lambda world, team: not Question.objects.get(pk=world.scratch["question"].pk).is_active,
        success=("online_tests:test",),
    ),
    Page(
        "online_tests:application",
        team_members,
        teams=TEAMS,
        call=lambda world, team: Call(args=(world.applications[team or ""].pk,)),
    ),
    Page("online_tests:attempt", team_members, teams=TEAMS, call=_submitted),
    Page("online_tests:answer_file", team_members, teams=TEAMS, call=_answer_file),
    Page("online_tests:take", anyone, teams=TEAMS, login_required=False, call=_take),
    Page("online_tests:save", anyone, method="post", teams=TEAMS, login_required=False, call=_save),
    Page(
        "online_tests:from_portal",
        anyone,
        method="post",
        teams=TEAMS,
        login_required=False,
        call=_from_portal,
        success=("portal:sign_in",),  # staff and strangers have no candidate session
    ),
)


@pytest.mark.parametrize("case", params(PAGES))
def test_access(case, world: World, client) -> None:
    access_check(case, world, client)
