"""Practice answers in the candidate's data rights (UU PDP 27/2022): "download my data" hands them over
(Ps 7, 13) and erasure deletes them whole (Ps 8, 43). No report counts practice, so nothing is kept."""

from typing import Any

from rekrut.candidates.hooks import Person
from rekrut.practice.bank import question_get
from rekrut.practice.models import PracticeAnswer, PracticeSession


def practice_collect(person: Person) -> tuple[str, Any]:
    answers = (
        PracticeAnswer.objects.filter(session__candidate_id__in=person.candidate_ids)
        .select_related("session")
        .order_by("answered_at", "pk")
    )
    return (
        "interview_practice",
        [
            {
                "round": answer.session.round_type,
                "question": str(question.text)
                if (question := question_get(answer.question_key))
                else answer.question_key,
                "answer": answer.answer,
                "answered_at": answer.answered_at.isoformat(),
                "feedback": answer.summary,
                "self_rating": answer.ratings,
            }
            for answer in answers
        ],
    )


def practice_erase(person: Person) -> None:
    PracticeSession.objects.filter(candidate_id__in=person.candidate_ids).delete()
