"""Taking a test: consent and the draw at the start, one attempt, the server's clock (deadline, time up,
late answers), resuming, submitting twice, scoring at once, and the result on the assessment."""

import random
from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone

from rekrut.assessments.models import AssessmentStatus, Outcome, ResultSource
from rekrut.candidates.models import Consent, ConsentPurpose
from rekrut.core.errors import DomainError
from rekrut.events.models import AuditEvent
from rekrut.online_tests.models import Answer, Attempt, AttemptStatus, QuestionKind
from rekrut.online_tests.services.building import question_add
from rekrut.online_tests.services.taking import (
    GRACE,
    answers_save,
    attempt_close_if_over,
    attempt_start,
    attempt_submit,
    number_read,
)
from tests.online_tests.factories import online_test_make, online_test_sent
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(team_a_job):
    return application_make(job=team_a_job)


def _start(attempt: Attempt, **kwargs) -> Attempt:
    return attempt_start(attempt=attempt, consent=True, language="id", **kwargs)


def _answers(attempt: Attempt) -> dict[str, Answer]:
    return {a.question.kind: a for a in attempt.answers.select_related("question")}


def test_starting_needs_consent_and_records_it(application) -> None:
    attempt, _ = online_test_sent(application=application)
    with pytest.raises(DomainError) as refused:
        attempt_start(attempt=attempt, consent=False, language="id")
    assert refused.value.code == "no_consent"
    assert Attempt.objects.get(pk=attempt.pk).status == AttemptStatus.SENT
    started = _start(attempt, ip="203.0.113.9")
    assert started.status == AttemptStatus.IN_PROGRESS
    consent = Consent.objects.get(candidate=application.candidate)
    assert consent.purpose == ConsentPurpose.ASSESSMENT and consent.ip == "203.0.113.9"
    assert AuditEvent.objects.filter(action="online_test.started").exists()


def test_the_questions_are_drawn_once_and_stay_for_the_attempt(application) -> None:
    test = online_test_make(choice_pool=6, choice_draw=3)
    attempt, _ = online_test_sent(application=application, test=test)
    started = _start(attempt, rng=random.Random(4))
    drawn = list(started.answers.values_list("question_id", flat=True))
    assert len(drawn) == 4 and len(set(drawn)) == 4  # 3 of the 6 choices, and the number question
    again = _start(Attempt.objects.get(pk=attempt.pk), rng=random.Random(99))  # the link opened twice
    assert list(again.answers.values_list("question_id", flat=True)) == drawn
    assert again.started_at == started.started_at


def test_the_clock_is_the_time_limit_capped_by_the_deadline(application) -> None:
    now = timezone.now()
    test = online_test_make(minutes=30)
    attempt, _ = online_test_sent(application=application, test=test)
    started = _start(attempt)
    assert abs((started.ends_at - started.started_at) - timedelta(minutes=30)) < timedelta(seconds=1)
    late, _ = online_test_sent(
        application=application_make(job=application.job), test=test, due_at=now + timedelta(minutes=45)
    )
    with time_machine.travel(now + timedelta(minutes=30), tick=False):
        capped = _start(late)
    assert capped.ends_at == late.due_at


def test_a_test_cannot_be_started_after_its_deadline(application) -> None:
    attempt, _ = online_test_sent(application=application)
    with time_machine.travel(attempt.due_at + timedelta(seconds=1)), pytest.raises(DomainError) as refused:
        _start(attempt)
    assert refused.value.code == "past_deadline"
    assert not Answer.objects.filter(attempt=attempt).exists()


def test_answers_are_kept_and_a_reload_resumes_with_the_time_left(application) -> None:
    attempt, _ = online_test_sent(application=application)
    started = _start(attempt)
    answers = _answers(started)
    choice = answers[QuestionKind.CHOICE]
    answers_save(attempt=started, values={choice.position: str(choice.option_order[0])})
    answers_save(attempt=started, values={answers[QuestionKind.NUMBER].position: "12,5"})
    with time_machine.travel(started.started_at + timedelta(minutes=10), tick=False):
        resumed = attempt_close_if_over(Attempt.objects.get(pk=attempt.pk))
        assert resumed.status == AttemptStatus.IN_PROGRESS
        assert (resumed.ends_at - timezone.now()) == timedelta(minutes=20)
    kept = _answers(resumed)
    assert kept[QuestionKind.CHOICE].option_id == choice.option_order[0]
    assert kept[QuestionKind.NUMBER].number == Decimal("12.5")


def test_a_bad_answer_saves_nothing_and_says_which_question(application) -> None:
    attempt, _ = online_test_sent(application=application)
    started = _start(attempt)
    answers = _answers(started)
    choice, number = answers[QuestionKind.CHOICE], answers[QuestionKind.NUMBER]
    with pytest.raises(DomainError) as refused:
        answers_save(
            attempt=started,
            values={choice.position: str(choice.option_order[0]), number.position: "dua belas"},
        )
    assert f"Question {number.position}" in str(refused.value.message)
    assert Answer.objects.get(pk=choice.pk).option_id is None  # all or nothing
    with pytest.raises(DomainError):
        answers_save(attempt=started, values={choice.position: "999999"})  # not one of its options


def test_a_late_answer_is_refused_and_what_was_saved_is_submitted(application) -> None:
    attempt, _ = online_test_sent(application=application)
    started = _start(attempt)
    answers = _answers(started)
    choice, number = answers[QuestionKind.CHOICE], answers[QuestionKind.NUMBER]
    correct = next(o for o in choice.question.options.all() if o.is_correct)
    answers_save(attempt=started, values={choice.position: str(correct.pk)})
    with time_machine.travel(started.ends_at + GRACE - timedelta(seconds=1), tick=False):
        answers_save(attempt=started, values={number.position: "1"})  # in flight at the end: kept
    with (
        time_machine.travel(started.ends_at + GRACE + timedelta(seconds=1), tick=False),
        pytest.raises(DomainError) as refused,
    ):
        answers_save(attempt=started, values={number.position: "12.5"})
    assert refused.value.code == "time_up"
    done = Attempt.objects.get(pk=attempt.pk)
    assert done.status == AttemptStatus.SCORED and done.auto_submitted
    assert done.submitted_at == started.ends_at
    assert Answer.objects.get(pk=number.pk).number == Decimal(1)
    assert done.points == Decimal(1)  # the choice was right, the saved number wrong


def test_objective_answers_are_scored_at_once_onto_the_assessment(application) -> None:
    attempt, _ = online_test_sent(application=application)
    started = _start(attempt)
    answers = _answers(started)
    choice, number = answers[QuestionKind.CHOICE], answers[QuestionKind.NUMBER]
    correct = next(o for o in choice.question.options.all() if o.is_correct)
    answers_save(attempt=started, values={choice.position: str(correct.pk), number.position: "12.45"})
    done = attempt_submit(attempt=started)
    assert done.status == AttemptStatus.SCORED and done.points == 2 and done.max_points == 2
    assessment = done.assessment
    assessment.refresh_from_db()
    assert assessment.score == 100 and assessment.outcome == Outcome.PASSED
    assert assessment.result_source == ResultSource.ONLINE and assessment.status == AssessmentStatus.COMPLETED


def test_a_wrong_answer_below_the_pass_mark_fails(application) -> None:
    attempt, _ = online_test_sent(application=application)
    started = _start(attempt)
    choice = _answers(started)[QuestionKind.CHOICE]
    wrong = next(o for o in choice.question.options.all() if not o.is_correct)
    answers_save(attempt=started, values={choice.position: str(wrong.pk)})
    done = attempt_submit(attempt=started)
    done.assessment.refresh_from_db()
    assert done.assessment.score == 0 and done.assessment.outcome == Outcome.FAILED


def test_submitting_twice_changes_nothing_and_there_is_one_attempt(application) -> None:
    attempt, _ = online_test_sent(application=application)
    started = _start(attempt)
    first = attempt_submit(attempt=started)
    second = attempt_submit(attempt=Attempt.objects.get(pk=attempt.pk))
    assert second.submitted_at == first.submitted_at and second.version == first.version
    assert AuditEvent.objects.filter(action="online_test.submitted").count() == 1
    with pytest.raises(DomainError) as refused:
        _start(Attempt.objects.get(pk=attempt.pk))
    assert refused.value.code == "taken"
    with pytest.raises(DomainError) as late:
        answers_save(attempt=second, values={1: "1"})
    assert late.value.code == "time_up"


def test_open_answers_wait_for_a_reviewer(application) -> None:
    attempt, _ = online_test_sent(application=application, test=online_test_make(text=True))
    started = _start(attempt)
    text = _answers(started)[QuestionKind.TEXT]
    answers_save(attempt=started, values={text.position: "Saya dengarkan dulu, lalu minta maaf."})
    done = attempt_submit(attempt=started)
    assert done.status == AttemptStatus.SUBMITTED
    done.assessment.refresh_from_db()
    assert done.assessment.status == AssessmentStatus.SUBMITTED and done.assessment.score is None


def test_an_open_answer_left_empty_scores_nothing_without_a_reviewer(application) -> None:
    attempt, _ = online_test_sent(application=application, test=online_test_make(text=True))
    done = attempt_submit(attempt=_start(attempt))
    assert done.status == AttemptStatus.SCORED and done.points == 0


def test_a_question_about_a_protected_characteristic_is_refused(application) -> None:
    test = online_test_make()
    section = test.sections.first()
    with pytest.raises(DomainError) as refused:
        question_add(
            actor=test.created_by,
            section=section,
            kind=QuestionKind.TEXT,
            text_id="Apa agama Anda?",
            text_en="",
            points=Decimal(1),
        )
    assert refused.value.code == "protected_characteristic"


@pytest.mark.parametrize(
    ("typed", "language", "number"),
    [
        ("12,5", "id", "12.5"),
        ("12.5", "id", "12.5"),
        ("1.250,5", "id", "1250.5"),
        ("1,250.5", "en", "1250.5"),
        (" -3 ", "id", "-3"),
        ("54.000", "id", "54000"),
        ("5.400.000", "id", "5400000"),
        ("54,000", "en", "54000"),
        ("12,5", "en", "12.5"),
        ("12.500", "en", "12.5"),
    ],
)
def test_numbers_are_read_as_typed_on_indonesian_and_english_phones(typed, language, number) -> None:
    assert number_read(typed, language=language) == Decimal(number)


@pytest.mark.parametrize("typed", ["dua", "1e999", "NaN", "12,5,5x"])
def test_what_is_not_a_number_is_refused(typed) -> None:
    with pytest.raises(DomainError):
        number_read(typed)


def test_the_close_command_submits_attempts_whose_time_is_up(application) -> None:
    from io import StringIO

    from django.core.management import call_command

    attempt, _ = online_test_sent(application=application)
    started = _start(attempt)
    out = StringIO()
    call_command("online_tests_close", stdout=out)
    assert Attempt.objects.get(pk=attempt.pk).status == AttemptStatus.IN_PROGRESS
    with time_machine.travel(started.ends_at + GRACE + timedelta(seconds=1)):
        call_command("online_tests_close", stdout=out)
    closed = Attempt.objects.get(pk=attempt.pk)
    assert (
        closed.status == AttemptStatus.SCORED
        and closed.auto_submitted
        and closed.submitted_at == started.ends_at
    )
