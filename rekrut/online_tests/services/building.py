"""Building a test: its wording and time limit, its sections and their question pools. HR staff only.

A question is never deleted once an attempt may have drawn it: removing it takes it out of the pool for new
attempts and keeps it for the answers already given."""

import re
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.assessments.models import AssessmentType, Delivery, ResultShape
from rekrut.core.errors import AccessDenied, DomainError, StaleEdit
from rekrut.events.actions import action_register
from rekrut.events.services import audit_record
from rekrut.online_tests.models import OnlineTest, Option, Question, QuestionKind, Section

action_register("online_test.saved", _("Online test saved"))
action_register("online_test.question_added", _("Question added to an online test"))
action_register("online_test.question_removed", _("Question taken out of an online test"))

# Words that ask for a protected characteristic (UUD 1945 Ps 28I(2); UU 13/2003 Ps 5 and 6: no
# discrimination in hiring by religion, ethnicity, race, sex, political view or marital status; UU PDP
# Ps 4(2): specific data). A test never asks for these; a question naming one is refused.
PROTECTED = re.compile(
    r"\b(agama(mu|nya)?|religion|suku(mu|nya)?|ethnicity|ethnic|ras|racial|hamil|pregnan\w*|"
    r"status pernikahan|marital|menikah|married|orientasi seksual|sexual orientation|partai|"
    r"political party|golongan darah|blood type|disabilitas|disability)\b",
    re.IGNORECASE,
)


def _hr_only(actor: User) -> None:
    if not actor.is_hr:
        raise AccessDenied(_("Only HR staff can build online tests."))


def _type_check(assessment_type: AssessmentType, *, test: OnlineTest | None) -> None:
    if assessment_type.delivery != Delivery.ONLINE:
        raise DomainError(_("Choose an assessment type run as a Rekrut online test."), code="not_online")
    if assessment_type.shape != ResultShape.SCORE:
        raise DomainError(
            _("Choose an assessment type whose result is a score: the test's result is a score."),
            code="not_score",
        )
    taken = OnlineTest.objects.filter(assessment_type=assessment_type)
    if test is not None:
        taken = taken.exclude(pk=test.pk)
    if taken.exists():
        raise DomainError(_("This assessment type already has its online test."), code="type_taken")


@transaction.atomic
def online_test_save(
    *,
    actor: User,
    assessment_type: AssessmentType,
    name_id: str,
    name_en: str,
    instructions_id: str,
    instructions_en: str,
    time_limit_minutes: int,
    show_score_to_candidate: bool,
    test: OnlineTest | None = None,
    expected_version: int | None = None,
) -> OnlineTest:
    """Creates a test, or changes `test` (refused when someone else changed it since `expected_version`)."""
    _hr_only(actor)
    if test is not None:
        test = OnlineTest.objects.select_for_update().get(pk=test.pk)
        if expected_version is not None and test.version != expected_version:
            raise StaleEdit(
                _("Someone else changed this test meanwhile. The page now shows its current state.")
            )
    _type_check(assessment_type, test=test)
    if not 1 <= time_limit_minutes <= 600:
        raise DomainError(_("Give a time limit between 1 and 600 minutes."), code="time_limit")
    fields = {
        "assessment_type": assessment_type,
        "name_id": name_id.strip(),
        "name_en": name_en.strip(),
        "instructions_id": instructions_id.strip(),
        "instructions_en": instructions_en.strip(),
        "time_limit_minutes": time_limit_minutes,
        "show_score_to_candidate": show_score_to_candidate,
    }
    if test is None:
        test = OnlineTest.objects.create(created_by=actor, **fields)
    else:
        for name, value in fields.items():
            setattr(test, name, value)
        test.version += 1
        test.save()
    audit_record(
        actor=actor,
        action="online_test.saved",
        subject=test,
        changes={"time_limit_minutes": time_limit_minutes, "show_score": show_score_to_candidate},
    )
    return test


@transaction.atomic
def section_add(*, actor: User, test: OnlineTest, name_id: str, name_en: str, draw_count: int) -> Section:
    _hr_only(actor)
    if draw_count < 0:
        raise DomainError(_("The number of questions drawn cannot be negative."), code="draw_count")
    order = test.sections.count() + 1
    return Section.objects.create(
        test=test, name_id=name_id.strip(), name_en=name_en.strip(), draw_count=draw_count, order=order
    )


@transaction.atomic
def section_change(*, actor: User, section: Section, name_id: str, name_en: str, draw_count: int) -> Section:
    _hr_only(actor)
    if draw_count < 0:
        raise DomainError(_("The number of questions drawn cannot be negative."), code="draw_count")
    section.name_id, section.name_en, section.draw_count = name_id.strip(), name_en.strip(), draw_count
    section.save(update_fields=["name_id", "name_en", "draw_count"])
    return section


@dataclass(frozen=True)
class OptionText:
    text_id: str
    text_en: str
    is_correct: bool


def protected_check(*texts: str) -> None:
    for text in texts:
        if PROTECTED.search(text or ""):
            raise DomainError(
                _(
                    "A test may not ask about religion, ethnicity, race, pregnancy, marital status, "
                    "political views, health or disability. Reword the question."
                ),
                code="protected_characteristic",
            )


@transaction.atomic
def question_add(
    *,
    actor: User,
    section: Section,
    kind: str,
    text_id: str,
    text_en: str,
    points: Decimal,
    options: list[OptionText] | None = None,
    answer_number: Decimal | None = None,
    tolerance: Decimal = Decimal(0),
    rubric: list[tuple[str, str]] | None = None,
) -> Question:
    """Adds a question to the section's pool. A choice question has two or more options with exactly one
    correct; a number question its correct number and a tolerance; a reviewed one may have a rubric."""
    _hr_only(actor)
    if kind not in QuestionKind.values:
        raise DomainError(_("Choose the kind of question."), code="kind")
    if not text_id.strip():
        raise DomainError(_("Write the question in Bahasa Indonesia."), code="text")
    if points <= 0:
        raise DomainError(_("A question is worth more than 0 points."), code="points")
    options = options or []
    protected_check(text_id, text_en, *(o.text_id for o in options), *(o.text_en for o in options))
    if kind == QuestionKind.CHOICE:
        if len(options) < 2:
            raise DomainError(_("A multiple-choice question needs at least two options."), code="options")
        if sum(option.is_correct for option in options) != 1:
            raise DomainError(_("Mark exactly one option as the correct answer."), code="correct")
    if kind == QuestionKind.NUMBER:
        if answer_number is None:
            raise DomainError(_("Give the correct number."), code="answer_number")
        if tolerance < 0:
            raise DomainError(_("The tolerance cannot be negative."), code="tolerance")
    criteria = [
        {"key": f"c{index}", "name_id": name_id.strip(), "name_en": name_en.strip()}
        for index, (name_id, name_en) in enumerate(rubric or [], start=1)
        if name_id.strip()
    ]
    question = Question.objects.create(
        section=section,
        kind=kind,
        text_id=text_id.strip(),
        text_en=text_en.strip(),
        points=points,
        answer_number=answer_number if kind == QuestionKind.NUMBER else None,
        tolerance=tolerance if kind == QuestionKind.NUMBER else 0,
        rubric=criteria if kind in (QuestionKind.TEXT, QuestionKind.FILE) else [],
        order=section.questions.count() + 1,
    )
    if kind == QuestionKind.CHOICE:
        Option.objects.bulk_create(
            Option(question=question, text_id=o.text_id, text_en=o.text_en, is_correct=o.is_correct, order=i)
            for i, o in enumerate(options, start=1)
        )
    audit_record(
        actor=actor, action="online_test.question_added", subject=section.test, changes={"kind": kind}
    )
    return question


@transaction.atomic
def question_remove(*, actor: User, question: Question) -> Question:
    """Takes the question out of the pool; attempts that drew it keep it."""
    _hr_only(actor)
    Question.objects.filter(pk=question.pk).update(is_active=False)
    question.is_active = False
    audit_record(
        actor=actor, action="online_test.question_removed", subject=question.section.test, changes={}
    )
    return question
