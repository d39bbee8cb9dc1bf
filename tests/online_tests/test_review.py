"""Reviewing open answers with the rubric, work samples checked by content, and sending the test."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail  # noqa: F401
from django.utils import timezone

from rekrut.assessments.models import AssessmentStatus, Outcome
from rekrut.core.errors import AccessDenied, DomainError, StaleEdit
from rekrut.notifications.models import OutboxMessage
from rekrut.online_tests.models import Attempt, AttemptStatus, QuestionKind
from rekrut.online_tests.services.review import Mark, attempt_review
from rekrut.online_tests.services.sending import online_test_send
from rekrut.online_tests.services.taking import Upload, answers_save, attempt_start, attempt_submit
from tests.candidates.filebuilders import docx_bytes, pdf_bytes, zip_bytes
from tests.core.images import png_bytes
from tests.online_tests.factories import online_test_make, online_test_sent
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(team_a_job):
    return application_make(job=team_a_job)


def _submitted(application, **kinds) -> Attempt:
    attempt, _ = online_test_sent(application=application, test=online_test_make(**kinds))
    started = attempt_start(attempt=attempt, consent=True, language="id")
    answers = {a.question.kind: a for a in started.answers.select_related("question")}
    choice = answers[QuestionKind.CHOICE]
    correct = next(o for o in choice.question.options.all() if o.is_correct)
    values = {choice.position: str(correct.pk), answers[QuestionKind.NUMBER].position: "12.5"}
    if QuestionKind.TEXT in answers:
        values[answers[QuestionKind.TEXT].position] = "Mendengarkan, meminta maaf, lalu menawarkan solusi."
    uploads = {}
    if QuestionKind.FILE in answers:
        uploads[answers[QuestionKind.FILE].position] = Upload(
            name="Surat Putri.pdf", data=pdf_bytes("Balasan")
        )
    answers_save(attempt=started, values=values, uploads=uploads)
    return attempt_submit(attempt=started)


def test_the_reviewer_scores_with_the_rubric_and_the_result_lands_on_the_assessment(
    application, personas
) -> None:
    attempt = _submitted(application, text=True, file=True)
    assert attempt.status == AttemptStatus.SUBMITTED
    open_answers = {
        a.question.kind: a for a in attempt.answers.filter(points=None).select_related("question")
    }
    marks = {
        open_answers[QuestionKind.TEXT].pk: Mark(ratings={"c1": 4, "c2": 3}),
        open_answers[QuestionKind.FILE].pk: Mark(ratings={}, points=Decimal(1)),
    }
    done = attempt_review(
        actor=personas.recruiter, attempt=attempt, marks=marks, expected_version=attempt.version
    )
    # 1 + 1 objective, text 4 × (3 + 2) / 6 = 3.33, file 1: 6.33 of 8 points -> 79.13 of 100
    assert done.status == AttemptStatus.SCORED and done.points == Decimal("6.33")
    done.assessment.refresh_from_db()
    assert done.assessment.score == Decimal("79.13") and done.assessment.outcome == Outcome.PASSED
    assert done.assessment.status == AssessmentStatus.COMPLETED
    assert done.assessment.result_recorded_by == personas.recruiter


def test_a_review_must_rate_every_criterion_and_saves_nothing_otherwise(application, personas) -> None:
    attempt = _submitted(application, text=True)
    text = attempt.answers.get(points=None)
    for mark in (Mark(ratings={"c1": 4}), Mark(ratings={"c1": 4, "c2": 5}), Mark(ratings={})):
        with pytest.raises(DomainError):
            attempt_review(
                actor=personas.recruiter,
                attempt=attempt,
                marks={text.pk: mark},
                expected_version=attempt.version,
            )
    with pytest.raises(DomainError):
        attempt_review(actor=personas.recruiter, attempt=attempt, marks={}, expected_version=attempt.version)
    assert Attempt.objects.get(pk=attempt.pk).status == AttemptStatus.SUBMITTED


def test_points_without_a_rubric_stay_within_the_question(application, personas) -> None:
    attempt = _submitted(application, file=True)
    work = attempt.answers.get(points=None)
    with pytest.raises(DomainError) as refused:
        attempt_review(
            actor=personas.recruiter,
            attempt=attempt,
            marks={work.pk: Mark(ratings={}, points=Decimal(3))},
            expected_version=attempt.version,
        )
    assert refused.value.code == "points_out_of_range"


def test_only_the_team_s_managers_review_and_a_stale_page_is_refused(application, personas) -> None:
    attempt = _submitted(application, text=True)
    text = attempt.answers.get(points=None)
    marks = {text.pk: Mark(ratings={"c1": 2, "c2": 2})}
    with pytest.raises(AccessDenied):
        attempt_review(
            actor=personas.interviewer, attempt=attempt, marks=marks, expected_version=attempt.version
        )
    with pytest.raises(StaleEdit):
        attempt_review(
            actor=personas.recruiter, attempt=attempt, marks=marks, expected_version=attempt.version - 1
        )
    attempt_review(
        actor=personas.hiring_manager, attempt=attempt, marks=marks, expected_version=attempt.version
    )


def _started_with_file(application) -> tuple[Attempt, int]:
    attempt, _ = online_test_sent(application=application, test=online_test_make(file=True))
    started = attempt_start(attempt=attempt, consent=True, language="id")
    return started, started.answers.get(question__kind=QuestionKind.FILE).position


@pytest.mark.parametrize(
    ("data", "kind"),
    [(pdf_bytes("Kerja"), "pdf"), (png_bytes(), "png"), (docx_bytes(["Surat balasan"]), "docx")],
)
def test_a_work_sample_is_kept_as_what_its_content_is(application, data, kind) -> None:
    started, position = _started_with_file(application)
    answers_save(attempt=started, values={}, uploads={position: Upload(name="kerja.exe", data=data)})
    answer = started.answers.get(position=position)
    assert (
        answer.file_kind == kind and answer.file.name.endswith(f".{kind}") and answer.file_name == "kerja.exe"
    )


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"MZ\x90\x00 not a document",
        b"<html><script>alert(1)</script></html>",
        zip_bytes({"word/document.xml": b"<w/>" + b" " * 70_000_000}),  # a small file unpacking to 70 MB
        zip_bytes({"word/document.xml": b"<w/>", "word/vbaProject.bin": b"macro"}),
    ],
    ids=["empty", "program", "html", "zip-bomb", "macros"],
)
def test_a_wrong_or_hostile_work_sample_is_refused_and_nothing_is_saved(application, data) -> None:
    started, position = _started_with_file(application)
    with pytest.raises(DomainError):
        answers_save(attempt=started, values={}, uploads={position: Upload(name="kerja.docx", data=data)})
    assert not started.answers.get(position=position).file


def test_sending_mails_a_link_and_invites_on_the_assessment(application, personas) -> None:
    attempt, token = online_test_sent(application=application, actor=personas.recruiter)
    assert len(token) == 43
    message = OutboxMessage.objects.get(key__startswith=f"online-test-{attempt.pk}-")
    assert message.to == application.candidate.email and "/tests/take/" in message.body
    attempt.assessment.refresh_from_db()
    assert (
        attempt.assessment.status == AssessmentStatus.INVITED
        and attempt.assessment.deadline == attempt.due_at
    )


def test_sending_again_before_the_start_moves_the_deadline_but_not_after(application, personas) -> None:
    test = online_test_make()
    attempt, _ = online_test_sent(application=application, test=test)
    later = timezone.now() + timedelta(days=6)
    again, _ = online_test_send(actor=personas.recruiter, application=application, test=test, due_at=later)
    assert again.pk == attempt.pk and again.due_at == later
    attempt_start(attempt=again, consent=True, language="id")
    with pytest.raises(DomainError) as refused:
        online_test_send(actor=personas.recruiter, application=application, test=test, due_at=later)
    assert refused.value.code == "started"


def test_only_the_job_s_hr_sends_and_never_with_too_short_a_deadline(application, personas) -> None:
    test = online_test_make(minutes=60)
    with pytest.raises(AccessDenied):
        online_test_send(
            actor=personas.hiring_manager,
            application=application,
            test=test,
            due_at=timezone.now() + timedelta(days=2),
        )
    with pytest.raises(DomainError) as refused:
        online_test_send(
            actor=personas.recruiter,
            application=application,
            test=test,
            due_at=timezone.now() + timedelta(minutes=30),
        )
    assert refused.value.code == "too_soon"
    assert not Attempt.objects.exists() and not OutboxMessage.objects.exists()


def test_download_my_data_has_the_answers_and_erasure_removes_texts_and_files(application) -> None:
    from rekrut.candidates.hooks import Person
    from rekrut.online_tests.personal_data import attempts_collect, attempts_erase

    attempt = _submitted(application, text=True, file=True)
    person = Person(candidate_ids=(application.candidate_id,), names=(application.candidate.full_name,))
    name, attempts = attempts_collect(person)
    assert name == "online_tests" and len(attempts) == 1
    answers = attempts[0]["answers"]
    assert any(a["text"] and "solusi" in a["text"] for a in answers) and any(a["file"] for a in answers)
    attempts_erase(person)
    assert len(person.files) == 1  # the work file goes once the erasure commits
    kept = list(attempt.answers.all())
    assert all(not a.text and not a.file and a.number is None and a.option_id is None for a in kept)
    assert Attempt.objects.get(pk=attempt.pk).max_points == 8  # the points stay for the score
