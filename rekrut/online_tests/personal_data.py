"""What online tests hold about a person, for "download my data" (UU PDP Ps 7) and erasure (Ps 43): the
candidate gets each attempt with their answers; erasure removes the answers' texts and files and keeps the
points and times, which name no one and which the assessment's score came from."""

from typing import Any

from rekrut.candidates.hooks import Person
from rekrut.online_tests.models import Answer, Attempt


def attempts_collect(person: Person) -> tuple[str, Any]:
    attempts = (
        Attempt.objects.filter(assessment__application__candidate_id__in=person.candidate_ids)
        .select_related("test", "assessment__application__job")
        .prefetch_related("answers__question", "answers__option")
        .order_by("sent_at", "pk")
    )
    return (
        "online_tests",
        [
            {
                "job": attempt.assessment.application.job.title,
                "test": attempt.test.name_id,
                "status": str(attempt.get_status_display()),
                "deadline": attempt.due_at.isoformat(),
                "started_at": attempt.started_at.isoformat() if attempt.started_at else None,
                "submitted_at": attempt.submitted_at.isoformat() if attempt.submitted_at else None,
                "answers": [
                    {
                        "question": answer.question.text_id,
                        "choice": answer.option.text_id if answer.option else None,
                        "number": str(answer.number) if answer.number is not None else None,
                        "text": answer.text or None,
                        "file": answer.file_name or None,
                    }
                    for answer in attempt.answers.all()
                ],
            }
            for attempt in attempts
        ],
    )


def attempts_erase(person: Person) -> None:
    answers = Answer.objects.filter(attempt__assessment__application__candidate_id__in=person.candidate_ids)
    for answer in answers.exclude(file=""):
        person.file_forget(answer.file.storage, answer.file.name)
    answers.update(text="", number=None, option=None, file="", file_name="", review_note="")
