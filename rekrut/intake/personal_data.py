"""What intake holds about a person, for "download my data" and erasure (UU PDP Ps 7, 43): their answers to
the screening questions of the jobs they applied for, and the rows of bulk imports that name them. Erasure
blanks the answers and scrubs the import rows, keeping the rows themselves (and the knock-out flags and the
imports' counts), so what reports count stays the same."""

from typing import Any

from rekrut.candidates.hooks import Person
from rekrut.intake.models import CandidateImport, ScreeningAnswer


def screening_answers_collect(person: Person) -> tuple[str, Any]:
    answers = (
        ScreeningAnswer.objects.filter(application__candidate_id__in=person.candidate_ids)
        .select_related("question", "application__job")
        .order_by("application_id", "question__position", "question_id")
    )
    # The answers as given; whether one flags the application is the hiring team's rule, not their data.
    return (
        "screening_answers",
        [
            {"job": answer.application.job.title, "question": answer.question.text, "answer": answer.value}
            for answer in answers
        ],
    )


def screening_answers_erase(person: Person) -> None:
    ScreeningAnswer.objects.filter(application__candidate_id__in=person.candidate_ids).update(value="")


def imports_erase(person: Person) -> None:
    """A bulk import keeps the table it read (`rows`) and its row report: the person's name, e-mail and phone
    are scrubbed from both, so the import's counts stay while the person is gone from its copy."""
    for run in CandidateImport.objects.only("pk", "rows", "errors"):
        rows, errors = person.scrub(run.rows), person.scrub(run.errors)
        if rows != run.rows or errors != run.errors:
            CandidateImport.objects.filter(pk=run.pk).update(rows=rows, errors=errors)
