"""Screening questions per job: HR defines them, applicants answer them on the careers site, and an answer
that meets a knock-out rule flags the application for HR. A flag never rejects: a person looks and decides.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.core.errors import AccessDenied, DomainError
from rekrut.events.actions import action_register
from rekrut.events.services import audit_record
from rekrut.intake.models import QuestionKind, ScreeningAnswer, ScreeningQuestion
from rekrut.jobs.access import job_access
from rekrut.jobs.models import Job
from rekrut.pipeline.models import Application

action_register("job.screening_question_added", _("Screening question added"))
action_register("job.screening_question_removed", _("Screening question removed"))

YES, NO = "yes", "no"
CHOICES_MAX = 20
QUESTIONS_MAX = 20
# Answers are stored as typed; a number is kept as a plain decimal ("1500000", "2.5").
ANSWER_MAX = 1000


@dataclass(frozen=True)
class QuestionSpec:
    text: str
    kind: str
    is_required: bool = True
    choices: tuple[str, ...] = ()
    knockout_answer: str = ""
    knockout_choices: tuple[str, ...] = ()
    knockout_min: Decimal | None = None
    knockout_max: Decimal | None = None


def _spec_check(spec: QuestionSpec) -> None:
    if not spec.text.strip():
        raise DomainError(_("Write the question."), code="question_text")
    if spec.kind not in QuestionKind.values:
        raise DomainError(_("Choose what kind of answer the question takes."), code="question_kind")
    if spec.kind == QuestionKind.CHOICE:
        if len(spec.choices) < 2:
            raise DomainError(_("A choice question needs at least two choices."), code="question_choices")
        if len(spec.choices) > CHOICES_MAX:
            raise DomainError(
                _("A question may have at most %(max)d choices.") % {"max": CHOICES_MAX},
                code="question_choices",
            )
        if set(spec.knockout_choices) - set(spec.choices):
            raise DomainError(_("A knock-out choice must be one of the choices."), code="question_knockout")
    if spec.knockout_answer and spec.knockout_answer not in (YES, NO):
        raise DomainError(_("The knock-out answer must be yes or no."), code="question_knockout")
    low, high = spec.knockout_min, spec.knockout_max
    if low is not None and high is not None and low > high:
        raise DomainError(
            _("The lowest accepted number cannot be above the highest."), code="question_knockout"
        )


@transaction.atomic
def screening_question_add(*, actor: User, job: Job, spec: QuestionSpec) -> ScreeningQuestion:
    """Adds a question at the end of the job's list (only who may edit the job)."""
    if not job_access(user=actor, job=job).can_edit:
        raise AccessDenied(_("Only the job's HR owner or an HR admin can change its screening questions."))
    _spec_check(spec)
    questions = ScreeningQuestion.objects.select_for_update().filter(job=job, is_active=True)
    if questions.count() >= QUESTIONS_MAX:
        raise DomainError(
            _("A job may ask at most %(max)d screening questions.") % {"max": QUESTIONS_MAX},
            code="questions_max",
        )
    position = (ScreeningQuestion.objects.filter(job=job).aggregate(top=Max("position"))["top"] or 0) + 1
    is_choice, is_yes_no, is_number = (
        spec.kind == QuestionKind.CHOICE,
        spec.kind == QuestionKind.YES_NO,
        spec.kind == QuestionKind.NUMBER,
    )
    question = ScreeningQuestion.objects.create(
        job=job,
        position=position,
        text=" ".join(spec.text.split()),
        kind=spec.kind,
        is_required=spec.is_required,
        choices=list(spec.choices) if is_choice else [],
        knockout_answer=spec.knockout_answer if is_yes_no else "",
        knockout_choices=list(spec.knockout_choices) if is_choice else [],
        knockout_min=spec.knockout_min if is_number else None,
        knockout_max=spec.knockout_max if is_number else None,
    )
    audit_record(
        actor=actor, action="job.screening_question_added", subject=job, changes={"question": question.text}
    )
    return question


@transaction.atomic
def screening_question_remove(*, actor: User, question: ScreeningQuestion) -> None:
    """Takes a question off the job: deleted when nobody answered it yet, else switched off (the answers
    given keep their question)."""
    if not job_access(user=actor, job=question.job).can_edit:
        raise AccessDenied(_("Only the job's HR owner or an HR admin can change its screening questions."))
    audit_record(
        actor=actor,
        action="job.screening_question_removed",
        subject=question.job,
        changes={"question": question.text},
    )
    if question.answers.exists():
        question.is_active = False
        question.save(update_fields=["is_active"])
    else:
        question.delete()


def screening_questions_of(*, job: Job) -> list[ScreeningQuestion]:
    """The questions an applicant for `job` answers now, in order."""
    return list(ScreeningQuestion.objects.filter(job=job, is_active=True).order_by("position", "pk"))


def answer_clean(question: ScreeningQuestion, raw: str) -> str:
    """The answer as stored; raises DomainError with a message for the applicant when it does not fit."""
    value = raw.strip()[:ANSWER_MAX]
    if not value:
        if question.is_required:
            raise DomainError(_("Answer this question."), code="answer_required")
        return ""
    if question.kind == QuestionKind.YES_NO and value not in (YES, NO):
        raise DomainError(_("Answer yes or no."), code="answer_invalid")
    if question.kind == QuestionKind.CHOICE and value not in question.choices:
        raise DomainError(_("Choose one of the answers."), code="answer_invalid")
    if question.kind == QuestionKind.NUMBER:
        try:
            number = Decimal(number_read(value))
        except InvalidOperation:
            raise DomainError(_("Enter a number, for example 5 or 2,5."), code="answer_invalid") from None
        if not number.is_finite() or abs(number) >= Decimal(10) ** 10:
            raise DomainError(_("Enter a number, for example 5 or 2,5."), code="answer_invalid")
        return str(number.normalize()) if number != number.to_integral() else str(int(number))
    return value


def number_read(text: str) -> str:
    """A typed number as Decimal reads it. Indonesians write 1.500.000 and 2,5; English speakers 1,500,000
    and 2.5: with both marks the last one is the decimal point; with one mark used once before exactly three
    digits it groups thousands, otherwise it is the decimal point."""
    text = text.replace(" ", "").replace("\u00a0", "")
    marks = [mark for mark in (".", ",") if mark in text]
    if len(marks) == 2:
        decimal_mark = "." if text.rfind(".") > text.rfind(",") else ","
        return text.replace("," if decimal_mark == "." else ".", "").replace(",", ".")
    if len(marks) == 1:
        mark = marks[0]
        head, _sep, tail = text.rpartition(mark)
        if text.count(mark) > 1 or len(tail) == 3:
            return text.replace(mark, "")
        return f"{head}.{tail}"
    return text


def answer_is_knockout(question: ScreeningQuestion, value: str) -> bool:
    """Whether a stored answer meets the question's knock-out rule."""
    if not value:
        return False
    if question.kind == QuestionKind.YES_NO:
        return bool(question.knockout_answer) and value == question.knockout_answer
    if question.kind == QuestionKind.CHOICE:
        return value in question.knockout_choices
    if question.kind == QuestionKind.NUMBER:
        number = Decimal(value)
        too_low = question.knockout_min is not None and number < question.knockout_min
        too_high = question.knockout_max is not None and number > question.knockout_max
        return too_low or too_high
    return False


def answers_save(
    *, application: Application, answers: dict[int, str], questions: list[ScreeningQuestion]
) -> None:
    """Stores cleaned answers (question id -> value) with their knock-out flags (caller's transaction)."""
    ScreeningAnswer.objects.bulk_create(
        ScreeningAnswer(
            application=application,
            question=question,
            value=answers.get(question.pk, ""),
            is_knockout=answer_is_knockout(question, answers.get(question.pk, "")),
        )
        for question in questions
    )


def knockouts_for(application_ids: Iterable[int]) -> dict[int, list[ScreeningAnswer]]:
    """Application id -> its knock-out answers (with their questions), in one query: the board's flags."""
    flagged: dict[int, list[ScreeningAnswer]] = defaultdict(list)
    rows = ScreeningAnswer.objects.filter(application_id__in=list(application_ids), is_knockout=True)
    for answer in rows.select_related("question"):
        flagged[answer.application_id].append(answer)
    return dict(flagged)


def screening_answers_for(application_ids: Iterable[int]) -> dict[int, list[ScreeningAnswer]]:
    """Application id -> every answer it gave, in the questions' order, in one query (the candidate page)."""
    answers: dict[int, list[ScreeningAnswer]] = defaultdict(list)
    rows = ScreeningAnswer.objects.filter(application_id__in=list(application_ids)).select_related("question")
    for answer in rows.order_by("question__position", "question_id"):
        answers[answer.application_id].append(answer)
    return dict(answers)
