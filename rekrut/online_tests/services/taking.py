"""Taking a test through its link: starting it (consent, the questions drawn once), saving answers while the
server's clock runs, and submitting (by the candidate, or by the server once time is up).

The server's clock is the truth: `ends_at` is fixed at the start (started_at + the time limit, capped by
the deadline). An answer arriving after it (plus a few seconds for one already on its way) is refused, and
the attempt is then submitted with what was saved before.
"""

import random
import re
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal, InvalidOperation

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekrut.assessments.models import AssessmentStatus
from rekrut.candidates.consent import consent_record
from rekrut.candidates.models import ConsentPurpose
from rekrut.core.errors import DomainError
from rekrut.core.uploads import UploadRejected
from rekrut.events.actions import action_register
from rekrut.events.services import audit_record
from rekrut.online_tests.models import Answer, Attempt, AttemptStatus, Option, Question, QuestionKind
from rekrut.online_tests.scoring import draw, number_is_right
from rekrut.online_tests.services.review import result_record
from rekrut.online_tests.work_files import work_file_check

action_register("online_test.started", _("Candidate started an online test"))
action_register("online_test.submitted", _("Online test submitted"))

# An answer sent just before the end may arrive a moment after it.
GRACE = timedelta(seconds=15)
TEXT_MAX = 5000


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


def _locked(attempt: Attempt) -> Attempt:
    Attempt.objects.select_for_update().filter(pk=attempt.pk).values_list("pk", flat=True).get()
    return Attempt.objects.select_related("test__assessment_type", "assessment__application__candidate").get(
        pk=attempt.pk
    )


def is_over(attempt: Attempt) -> bool:
    return attempt.ends_at is not None and timezone.now() > attempt.ends_at + GRACE


@transaction.atomic
def attempt_start(
    *,
    attempt: Attempt,
    consent: bool,
    language: str,
    ip: str | None = None,
    user_agent: str = "",
    rng: random.Random | None = None,
) -> Attempt:
    """Starts the one attempt: records the consent (UU PDP Ps 20(2)a, for this purpose), draws the questions
    and starts the clock. Starting an attempt already under way just returns it (the link opened twice)."""
    locked = _locked(attempt)
    if locked.status == AttemptStatus.IN_PROGRESS:
        return locked
    if locked.status != AttemptStatus.SENT:
        raise DomainError(_("You have already taken this test. Your answers were received."), code="taken")
    if locked.assessment.status == AssessmentStatus.CANCELLED:
        raise DomainError(_("This test was cancelled by the company."), code="cancelled")
    now = timezone.now()
    if now >= locked.due_at:
        raise DomainError(
            _("The deadline for this test has passed. Contact the company if you still wish to take it."),
            code="past_deadline",
        )
    if not consent:
        raise DomainError(
            _("Tick the box to agree to your answers being used for this application."), code="no_consent"
        )
    answers = _draw(locked, rng or random.SystemRandom())
    if not answers:
        raise DomainError(_("This test has no questions yet. Contact the company."), code="empty")
    candidate = locked.assessment.application.candidate
    consent_record(
        candidate=candidate,
        purpose=ConsentPurpose.ASSESSMENT,
        language=language,
        job=locked.assessment.application.job,
        ip=ip,
        user_agent=user_agent,
    )
    Answer.objects.bulk_create(answers)
    locked.status, locked.started_at, locked.language = AttemptStatus.IN_PROGRESS, now, language
    locked.ends_at = min(now + timedelta(minutes=locked.test.time_limit_minutes), locked.due_at)
    locked.max_points = sum((a.question.points for a in answers), Decimal(0))
    locked.version += 1
    locked.save()
    audit_record(
        actor=None,
        action="online_test.started",
        subject=locked.assessment,
        changes={"questions": len(answers), "ends_at": locked.ends_at.isoformat()},
        ip=ip,
    )
    return locked


def _draw(attempt: Attempt, rng: random.Random) -> list[Answer]:
    """Per section, its draw count of distinct active questions at random; choice options shuffled."""
    answers: list[Answer] = []
    for section in attempt.test.sections.prefetch_related("questions__options"):
        pool = [q for q in section.questions.all() if q.is_active]
        for question in draw(pool, section.draw_count, rng):
            option_ids = [option.pk for option in question.options.all()]
            rng.shuffle(option_ids)
            answers.append(
                Answer(attempt=attempt, question=question, position=len(answers) + 1, option_order=option_ids)
            )
    return answers


def attempt_close_if_over(attempt: Attempt) -> Attempt:
    """Submits an attempt whose time is up with what was saved; anything else is returned as it is."""
    if attempt.status == AttemptStatus.IN_PROGRESS and is_over(attempt):
        return attempt_submit(attempt=attempt, auto=True)
    return attempt


def answers_save(
    *, attempt: Attempt, values: dict[int, str], uploads: dict[int, Upload] | None = None
) -> list[Answer]:
    """Saves answers by their position: each value as typed (an option's id, a number, a text), each upload
    checked first. All or nothing: one bad answer saves none and says which question it is."""
    attempt = attempt_close_if_over(attempt)  # its own transaction: kept even though this save is refused
    return _answers_save(attempt=attempt, values=values, uploads=uploads or {})


@transaction.atomic
def _answers_save(*, attempt: Attempt, values: dict[int, str], uploads: dict[int, Upload]) -> list[Answer]:
    locked = _locked(attempt)
    if locked.status == AttemptStatus.SENT:
        raise DomainError(_("Start the test first."), code="not_started")
    if locked.assessment.status == AssessmentStatus.CANCELLED:
        raise DomainError(_("This test was cancelled by the company."), code="cancelled")
    if locked.status != AttemptStatus.IN_PROGRESS or is_over(locked):
        raise DomainError(
            _("Time is up: this answer came too late. Everything you saved before was submitted."),
            code="time_up",
        )
    answers = {a.position: a for a in locked.answers.select_related("question")}
    saved = []
    now = timezone.now()
    for position in sorted({*values, *uploads}):
        answer = answers.get(position)
        if answer is None:
            raise DomainError(_("This question is not part of your test."), code="unknown_question")
        try:
            _apply(answer, values.get(position), uploads.get(position), locked.language)
        except DomainError as error:
            raise DomainError(
                _("Question %(number)s: %(problem)s") % {"number": position, "problem": error.message},
                code=error.code,
            ) from None
        answer.saved_at = now
        answer.save()
        saved.append(answer)
    return saved


def _apply(answer: Answer, raw: str | None, upload: Upload | None, language: str) -> None:
    kind = answer.question.kind
    if kind == QuestionKind.FILE:
        if upload is None:
            return
        try:
            file_kind = work_file_check(upload.data)
        except UploadRejected as rejected:
            raise DomainError(rejected.message, code=rejected.code) from None
        old = answer.file.name if answer.file else ""
        answer.file_kind, answer.file_size = file_kind, len(upload.data)
        answer.file_name = upload.name[:200]
        answer.file.save(f"work.{file_kind}", ContentFile(upload.data), save=False)
        if old:
            transaction.on_commit(lambda: answer.file.storage.delete(old))
        return
    value = (raw or "").strip()
    if kind == QuestionKind.CHOICE:
        if not value:
            answer.option = None
            return
        if not value.isdigit() or int(value) not in answer.option_order:
            raise DomainError(_("Choose one of the options shown."), code="bad_option")
        answer.option = Option.objects.get(pk=int(value))
    elif kind == QuestionKind.NUMBER:
        answer.number = number_read(value, language=language) if value else None
    else:
        if len(value) > TEXT_MAX:
            raise DomainError(_("Keep the answer under 5,000 characters."), code="too_long")
        answer.text = value


GROUPED_DOTS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")
GROUPED_COMMAS = re.compile(r"^-?\d{1,3}(,\d{3})+$")


def number_read(value: str, *, language: str = "id") -> Decimal:
    """A number as typed on an Indonesian or English phone: "12,5", "12.5", "1.250,5" or "1,250.5". A lone
    separator before groups of three digits groups thousands in the page's language (Rp54.000 in
    Indonesian, 54,000 in English); otherwise a dot or a comma is the decimal mark."""
    text = value.replace(" ", "")
    if "," in text and "." in text:
        decimal_comma = text.rfind(",") > text.rfind(".")
        text = text.replace(".", "").replace(",", ".") if decimal_comma else text.replace(",", "")
    elif language.startswith("id") and GROUPED_DOTS.match(text):
        text = text.replace(".", "")
    elif language.startswith("en") and GROUPED_COMMAS.match(text):
        text = text.replace(",", "")
    else:
        text = text.replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite() or abs(number) >= Decimal("1e10"):
        raise DomainError(_("Enter a number, for example 12,5."), code="not_a_number")
    return number.quantize(Decimal("0.0001"))


@transaction.atomic
def attempt_submit(*, attempt: Attempt, auto: bool = False) -> Attempt:
    """Ends the attempt: objective answers are scored at once; when no answer waits for a reviewer, the
    result is recorded on the assessment. Submitting twice changes nothing."""
    locked = _locked(attempt)
    if locked.status == AttemptStatus.SENT:
        raise DomainError(_("Start the test first."), code="not_started")
    if locked.status != AttemptStatus.IN_PROGRESS:
        return locked
    waiting = 0
    answers = list(locked.answers.select_related("question", "option"))
    for answer in answers:
        answer.points = _objective_points(answer)
        if answer.points is None:
            waiting += 1
        answer.save(update_fields=["points"])
    locked.status = AttemptStatus.SUBMITTED
    # Submitted by the server: the moment time was up, not the moment someone noticed.
    locked.submitted_at = (locked.ends_at if auto else None) or timezone.now()
    locked.auto_submitted = auto
    locked.version += 1
    locked.save()
    audit_record(
        actor=None,
        action="online_test.submitted",
        subject=locked.assessment,
        changes={"auto": auto, "answered": sum(a.is_answered for a in answers), "questions": len(answers)},
    )
    if waiting:
        locked.assessment.status = AssessmentStatus.SUBMITTED
        locked.assessment.version += 1
        locked.assessment.save(update_fields=["status", "version"])
        return locked
    return result_record(attempt=locked, answers=answers, actor=None)


def _objective_points(answer: Answer) -> Decimal | None:
    """Points of an answer scored without a person; None for one that waits for a reviewer."""
    question: Question = answer.question
    if question.kind == QuestionKind.CHOICE:
        return question.points if answer.option is not None and answer.option.is_correct else Decimal(0)
    if question.kind == QuestionKind.NUMBER:
        right = number_is_right(answer.number, question.answer_number, question.tolerance)
        return question.points if right else Decimal(0)
    # A text or file left empty earns nothing without a reviewer having to say so.
    return None if answer.is_answered else Decimal(0)
