"""Screening questions HR defines per job: what a question may be, the page, and taking one off."""

from decimal import Decimal

import pytest
from django.urls import reverse

from rekrut.core.errors import AccessDenied, DomainError
from rekrut.intake.models import QuestionKind, ScreeningAnswer, ScreeningQuestion
from rekrut.intake.screening import (
    QuestionSpec,
    answer_clean,
    answer_is_knockout,
    screening_question_add,
    screening_question_remove,
)
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "spec",
    [
        QuestionSpec(text=" ", kind=QuestionKind.SHORT_TEXT),
        QuestionSpec(text="Domisili", kind=QuestionKind.CHOICE, choices=("Bandung",)),
        QuestionSpec(text="Domisili", kind=QuestionKind.CHOICE, choices=("A", "B"), knockout_choices=("C",)),
        QuestionSpec(
            text="Gaji?", kind=QuestionKind.NUMBER, knockout_min=Decimal(9), knockout_max=Decimal(1)
        ),
        QuestionSpec(text="Siap?", kind="essay"),
    ],
)
def test_a_question_that_cannot_work_is_refused(team_a_job, personas, spec):
    with pytest.raises(DomainError):
        screening_question_add(actor=personas.recruiter, job=team_a_job, spec=spec)
    assert not ScreeningQuestion.objects.exists()


def test_only_who_may_edit_the_job_changes_its_questions(team_a_job, personas):
    with pytest.raises(AccessDenied):
        screening_question_add(
            actor=personas.hiring_manager,
            job=team_a_job,
            spec=QuestionSpec(text="Siap?", kind=QuestionKind.YES_NO),
        )


@pytest.mark.parametrize(
    ("typed", "stored", "knocked"),
    [("1.500.000", "1500000", True), ("2,5", "2.5", False), ("0,5", "0.5", True), ("12", "12", True)],
)
def test_numbers_are_read_as_people_write_them(team_a_job, personas, typed, stored, knocked):
    question = screening_question_add(
        actor=personas.recruiter,
        job=team_a_job,
        spec=QuestionSpec(
            text="Angka", kind=QuestionKind.NUMBER, knockout_min=Decimal(1), knockout_max=Decimal(10)
        ),
    )
    assert answer_clean(question, typed) == stored
    assert answer_is_knockout(question, stored) is knocked


def test_the_page_adds_a_question_and_takes_one_off(client_for, personas, team_a_job):
    client = client_for(personas.recruiter)
    url = reverse("intake:screening_questions", args=[team_a_job.pk])
    response = client.post(
        url,
        {"text": "Domisili?", "kind": "choice", "choices": "Bandung\nJakarta", "knockout_choices": "Jakarta"},
    )
    assert response.status_code == 302
    question = ScreeningQuestion.objects.get()
    assert question.choices == ["Bandung", "Jakarta"] and question.knockout_choices == ["Jakarta"]
    response = client.post(url, {"text": "Domisili?", "kind": "choice", "choices": "Bandung"})
    assert "at least two choices" in response.content.decode()
    # Answered: switched off and kept with its answers; unanswered: deleted.
    application = application_make(job=team_a_job)
    ScreeningAnswer.objects.create(application=application, question=question, value="Bandung")
    client.post(reverse("intake:screening_question_delete", args=[team_a_job.pk, question.pk]))
    question.refresh_from_db()
    assert not question.is_active and question.answers.count() == 1
    other = screening_question_add(
        actor=personas.recruiter, job=team_a_job, spec=QuestionSpec(text="Siap?", kind=QuestionKind.YES_NO)
    )
    screening_question_remove(actor=personas.recruiter, question=other)
    assert not ScreeningQuestion.objects.filter(pk=other.pk).exists()


def test_screening_answers_are_downloaded_and_erased_with_the_person(team_a_job, personas):
    from rekrut.candidates.hooks import Person
    from rekrut.intake.personal_data import screening_answers_collect, screening_answers_erase

    question = screening_question_add(
        actor=personas.recruiter,
        job=team_a_job,
        spec=QuestionSpec(text="Domisili?", kind=QuestionKind.SHORT_TEXT),
    )
    application = application_make(job=team_a_job)
    ScreeningAnswer.objects.create(application=application, question=question, value="Jl. Melati 5, Bandung")
    person = Person(candidate_ids=(application.candidate_id,))
    assert screening_answers_collect(person) == (
        "screening_answers",
        [{"job": team_a_job.title, "question": "Domisili?", "answer": "Jl. Melati 5, Bandung"}],
    )
    screening_answers_erase(person)
    assert ScreeningAnswer.objects.get().value == "" and ScreeningAnswer.objects.count() == 1
