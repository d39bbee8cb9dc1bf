"""Writes of practice mode. Only a signed-in candidate's practice is stored, and only for them.

No audit row is written: the audit log is read by HR admins, and practice must stay invisible to the company.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from rekrut.candidates.models import Candidate
from rekrut.core.errors import DomainError
from rekrut.jobs.models import Job
from rekrut.practice.bank import question_get
from rekrut.practice.criteria import RATING_SCALE, criteria_of
from rekrut.practice.models import PracticeAnswer, PracticeSession

MAX_ANSWER_CHARS = 5000


def practice_session_start(
    *, candidate: Candidate, round_type: str, job_family: str = "", job: Job | None = None
) -> PracticeSession:
    if not criteria_of(round_type):
        raise DomainError(_("Choose an interview round to practise."), code="practice_round")
    with transaction.atomic():
        return PracticeSession.objects.create(
            candidate=candidate, round_type=round_type, job_family=job_family or "", job=job
        )


def practice_answer_record(
    *,
    candidate: Candidate,
    session: PracticeSession,
    question_key: str,
    answer: str,
    language: str,
    seconds_taken: int | None,
    summary: dict,
) -> PracticeAnswer:
    """Keeps the answer and its feedback; answering the same question again in the session replaces it."""
    if session.candidate_id != candidate.pk:
        raise DomainError(_("This practice session is not yours."), code="practice_not_yours")
    if question_get(question_key) is None:
        raise DomainError(_("This question is no longer in the practice bank."), code="practice_question")
    if not answer.strip():
        raise DomainError(_("Write or dictate your answer first."), code="practice_empty")
    if len(answer) > MAX_ANSWER_CHARS:
        raise DomainError(
            _("The answer is too long to practise with: keep it under %(count)d characters.")
            % {"count": MAX_ANSWER_CHARS},
            code="practice_long",
        )
    with transaction.atomic():
        answered, _created = PracticeAnswer.objects.update_or_create(
            session=session,
            question_key=question_key,
            defaults={
                "answer": answer,
                "language": language,
                "seconds_taken": seconds_taken,
                "summary": summary,
                "ratings": {},
            },
        )
        return answered


def practice_answer_rate(
    *, candidate: Candidate, answer: PracticeAnswer, ratings: dict[str, int]
) -> PracticeAnswer:
    """Stores the candidate's self-rating on the round's public criteria (unknown codes and values "
    "refused)."""
    if answer.session.candidate_id != candidate.pk:
        raise DomainError(_("This practice session is not yours."), code="practice_not_yours")
    codes = {code for code, _label in criteria_of(answer.session.round_type)}
    if any(code not in codes or value not in RATING_SCALE for code, value in ratings.items()):
        raise DomainError(_("Rate each point from 1 to 5."), code="practice_rating")
    with transaction.atomic():
        answer.ratings = ratings
        answer.save(update_fields=["ratings"])
    return answer


def practice_history_delete(*, candidate: Candidate) -> int:
    """Deletes all of the candidate's practice; returns how many sessions went."""
    with transaction.atomic():
        deleted, _per_model = PracticeSession.objects.filter(candidate=candidate).delete()
    return deleted
