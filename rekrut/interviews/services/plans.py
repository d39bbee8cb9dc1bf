"""Writes for interview plans: each interview stage's round, its focus attributes, interviewers and kit,
and HR's own questions in the bank."""

from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.core.errors import AccessDenied, DomainError
from rekrut.core.idempotency import idempotent_run
from rekrut.interviews import kit
from rekrut.interviews.models import (
    INTERVIEW_KINDS,
    MAX_DURATION_MINUTES,
    MIN_DURATION_MINUTES,
    ROUND_TYPE_OF_KIND,
    Attribute,
    KitQuestion,
    PlanRound,
    PlanRoundAttribute,
    Question,
    RoundTemplate,
    RoundTemplateAttribute,
    RoundType,
)
from rekrut.interviews.selectors.plans import question_is_retirable_by
from rekrut.jobs.models import Job, JobFamily, Stage, TeamRole
from rekrut.jobs.selectors import job_is_hr_owned_by
from rekrut.jobs.services import team_members_add

# Who interviews by default, from the job's hiring team.
DEFAULT_INTERVIEWER_ROLES: dict[str, tuple[str, ...]] = {
    RoundType.HR: (TeamRole.HR_OWNER,),
    RoundType.USER: (TeamRole.USER, TeamRole.INTERVIEWER),
    RoundType.SUPERIOR: (TeamRole.SUPERIOR,),
    RoundType.DIRECTOR: (TeamRole.DIRECTOR,),
    RoundType.CUSTOM: (TeamRole.INTERVIEWER,),
}


def round_type_for_stage(stage: Stage) -> str:
    """The round an interview stage holds, from its kind (ROUND_TYPE_OF_KIND), never from its name."""
    return ROUND_TYPE_OF_KIND.get(stage.kind, RoundType.CUSTOM)


def _require_hr_owner(actor: User, job: Job) -> None:
    if not job_is_hr_owned_by(user=actor, job=job):
        raise AccessDenied(_("Only the job's HR owner or an HR admin can change its interview plan."))


def interview_plan_ensure(*, job: Job) -> None:
    """Gives every interview stage in use a round, with the template's defaults; idempotent.

    Runs when a plan is first looked at, so jobs opened before a stage was switched on get their round too.
    """
    missing = list(
        job.stages.filter(kind__in=INTERVIEW_KINDS, is_active=True, interview_round__isnull=True).order_by(
            "position"
        )
    )
    if not missing:
        return
    templates = {t.round_type: t for t in RoundTemplate.objects.all()}
    focus: dict[int, list[tuple[int, int, str]]] = {}
    for template_id, attribute_id, position, code in RoundTemplateAttribute.objects.filter(
        attribute__is_active=True
    ).values_list("template_id", "attribute_id", "position", "attribute__code"):
        focus.setdefault(template_id, []).append((attribute_id, position, code))
    team = list(job.team.values_list("role", "user_id"))
    # Read once for every round of the job: reloading it per round was most of the cost of opening a job.
    bank = _bank_load()
    try:
        with transaction.atomic():
            _rounds_create(job, missing, templates, focus, team, bank)
    except IntegrityError:  # another request created some of them meanwhile: the rest one at a time
        for stage in missing:
            try:
                with transaction.atomic():
                    _rounds_create(job, [stage], templates, focus, team, bank)
            except IntegrityError:
                continue


def plan_follow_stages(job: Job) -> None:
    """jobs.hooks.job_stages_changed: a job was created or its stages changed."""
    interview_plan_ensure(job=job)


def _rounds_create(
    job: Job,
    stages: list[Stage],
    templates: dict[str, RoundTemplate],
    template_focus: dict[int, list[tuple[int, int, str]]],
    team: list,
    bank: dict[str, list[kit.QuestionRef]],
) -> list[PlanRound]:
    """The stages' rounds with their focus, interviewers and kit: a handful of inserts for all of them."""
    rounds = []
    for stage in stages:
        round_type = round_type_for_stage(stage)
        template = templates.get(round_type)
        rounds.append(
            PlanRound(
                job=job,
                stage=stage,
                round_type=round_type,
                duration_minutes=template.default_duration_minutes if template else 45,
                asks_salary_and_notice=template.asks_salary_and_notice if template else False,
                asks_background=template.asks_background if template else False,
            )
        )
    PlanRound.objects.bulk_create(rounds)
    attributes, interviewers, kits = [], [], []
    through = PlanRound.interviewers.through
    for plan_round in rounds:
        template = templates.get(plan_round.round_type)
        # The template's active attributes in its order (position, pk), which round_attributes reads back in.
        chosen = template_focus.get(template.pk, []) if template else []
        attributes += [
            PlanRoundAttribute(round=plan_round, attribute_id=attribute_id, position=position)
            for attribute_id, position, _code in chosen
        ]
        roles = DEFAULT_INTERVIEWER_ROLES.get(plan_round.round_type, ())
        interviewers += [
            through(planround_id=plan_round.pk, user_id=user_id)
            for user_id in sorted({user_id for role, user_id in team if role in roles})
        ]
        kits += _kit_rows(plan_round, job.job_family, bank, [code for _id, _position, code in chosen])
    PlanRoundAttribute.objects.bulk_create(attributes)
    through.objects.bulk_create(interviewers)
    KitQuestion.objects.bulk_create(kits)
    return rounds


def _bank_load() -> dict[str, list[kit.QuestionRef]]:
    """The active question bank by round type, in the bank's order, read in one query."""
    codes: dict[int, set[str]] = {}
    heads: dict[int, tuple[str, str]] = {}
    rows = (
        Question.objects.filter(is_active=True)
        .order_by("round_type", "job_family", "pk")
        .values_list("pk", "round_type", "job_family", "attributes__code")
    )
    for pk, round_type, job_family, code in rows:
        heads.setdefault(pk, (round_type, job_family))
        found = codes.setdefault(pk, set())
        if code is not None:
            found.add(code)
    bank: dict[str, list[kit.QuestionRef]] = {}
    for pk, (round_type, job_family) in heads.items():
        bank.setdefault(round_type, []).append(kit.QuestionRef(pk, job_family, frozenset(codes[pk])))
    return bank


def _kit_fill(plan_round: PlanRound, job_family: str) -> None:
    """Replaces a round's kit with fresh suggestions for its current focus."""
    focus = list(plan_round.round_attributes.values_list("attribute__code", flat=True))
    KitQuestion.objects.filter(round=plan_round).delete()
    KitQuestion.objects.bulk_create(_kit_rows(plan_round, job_family, _bank_load(), focus))


def _kit_rows(
    plan_round: PlanRound, job_family: str, bank: dict[str, list[kit.QuestionRef]], focus: list[str]
) -> list[KitQuestion]:
    chosen = kit.suggest(
        bank.get(plan_round.round_type, []),
        focus=focus,
        job_family=job_family,
        limit=kit.suggested_count(plan_round.duration_minutes),
    )
    return [
        KitQuestion(round=plan_round, question_id=qid, position=i) for i, qid in enumerate(chosen, start=1)
    ]


@transaction.atomic
def plan_round_update(
    *,
    actor: User,
    plan_round: PlanRound,
    round_type: str,
    duration_minutes: int,
    interviewers: Iterable[User],
    attributes: Iterable[Attribute],
    asks_salary_and_notice: bool,
    asks_background: bool = False,
) -> PlanRound:
    _require_hr_owner(actor, plan_round.job)
    if round_type not in RoundType.values:
        raise DomainError(_("Unknown round type."), code="round_type")
    if not MIN_DURATION_MINUTES <= duration_minutes <= MAX_DURATION_MINUTES:
        raise DomainError(
            _("A round lasts between %(low)d and %(high)d minutes.")
            % {"low": MIN_DURATION_MINUTES, "high": MAX_DURATION_MINUTES},
            code="duration",
        )
    people = list(dict.fromkeys(interviewers))
    if any(not person.is_active for person in people):
        raise DomainError(_("Interviewers must be active users."), code="inactive_interviewer")
    # Only the HR owner edits a round, and may change the team: a chosen interviewer joins it (audited).
    team_members_add(actor=actor, job=plan_round.job, people=people)
    focus = list(dict.fromkeys(attributes))
    if not focus:
        raise DomainError(_("Choose at least one focus attribute."), code="no_attributes")
    if any(not a.is_active for a in focus):
        raise DomainError(_("That attribute is no longer in use."), code="attribute_retired")
    locked = PlanRound.objects.select_for_update().get(pk=plan_round.pk)
    locked.round_type = round_type
    locked.duration_minutes = duration_minutes
    locked.asks_salary_and_notice = asks_salary_and_notice
    locked.asks_background = asks_background
    locked.save()
    locked.interviewers.set(people)
    PlanRoundAttribute.objects.filter(round=locked).delete()
    PlanRoundAttribute.objects.bulk_create(
        PlanRoundAttribute(round=locked, attribute=a, position=i) for i, a in enumerate(focus, start=1)
    )
    return locked


@transaction.atomic
def kit_question_add(*, actor: User, plan_round: PlanRound, question: Question) -> KitQuestion:
    _require_hr_owner(actor, plan_round.job)
    if not question.is_active:
        raise DomainError(_("That question is retired."), code="question_retired")
    if plan_round.kit.filter(question=question).exists():
        raise DomainError(_("That question is already in the kit."), code="question_in_kit")
    last = plan_round.kit.aggregate(m=Max("position"))["m"] or 0
    return KitQuestion.objects.create(round=plan_round, question=question, position=last + 1)


@transaction.atomic
def kit_question_remove(*, actor: User, plan_round: PlanRound, question_id: int) -> None:
    _require_hr_owner(actor, plan_round.job)
    deleted, _rows = plan_round.kit.filter(question_id=question_id).delete()
    if not deleted:
        raise DomainError(_("That question is not in the kit."), code="question_not_in_kit")
    _renumber(plan_round)


@transaction.atomic
def kit_question_move(*, actor: User, plan_round: PlanRound, question_id: int, offset: int) -> None:
    """Moves a question up (offset -1) or down (+1) in the kit."""
    _require_hr_owner(actor, plan_round.job)
    rows = list(plan_round.kit.select_for_update().order_by("position", "pk"))
    index = next((i for i, row in enumerate(rows) if row.question_id == question_id), None)
    if index is None:
        raise DomainError(_("That question is not in the kit."), code="question_not_in_kit")
    target = index + offset
    if 0 <= target < len(rows):
        rows[index], rows[target] = rows[target], rows[index]
    for position, row in enumerate(rows, start=1):
        if row.position != position:
            row.position = position
            row.save(update_fields=["position"])


@transaction.atomic
def kit_question_share(
    *, actor: User, plan_round: PlanRound, question_id: int, shareable: bool
) -> KitQuestion:
    """Marks a kit question as one candidates may read in their prep pack (or takes that back). Only the
    question's text is ever shown to them; its rubric, strong answer and follow-ups stay internal."""
    _require_hr_owner(actor, plan_round.job)
    row = plan_round.kit.select_for_update().filter(question_id=question_id).first()
    if row is None:
        raise DomainError(_("That question is not in the kit."), code="question_not_in_kit")
    if row.shareable != shareable:
        row.shareable = shareable
        row.save(update_fields=["shareable"])
    return row


@transaction.atomic
def kit_suggestions_apply(*, actor: User, plan_round: PlanRound) -> None:
    """Replaces the kit with fresh suggestions from the bank for the round's type, focus and job family."""
    _require_hr_owner(actor, plan_round.job)
    _kit_fill(plan_round, plan_round.job.job_family)


def _renumber(plan_round: PlanRound) -> None:
    for position, row in enumerate(plan_round.kit.order_by("position", "pk"), start=1):
        if row.position != position:
            row.position = position
            row.save(update_fields=["position"])


def question_create(
    *,
    actor: User,
    round_type: str,
    job_family: str,
    text_id: str,
    text_en: str,
    attributes: Iterable[Attribute],
    strong_answer_id: str = "",
    strong_answer_en: str = "",
    follow_ups: list[dict[str, str]] | None = None,
    idempotency_key: str = "",
) -> Question:
    """HR adds its own question to the bank, in both languages (once per `idempotency_key`)."""
    probed = list(attributes)
    arguments = {
        "round_type": round_type,
        "job_family": job_family,
        "text_id": text_id,
        "text_en": text_en,
        "strong_answer_id": strong_answer_id,
        "strong_answer_en": strong_answer_en,
        "follow_ups": follow_ups or [],
    }
    return idempotent_run(
        actor=actor,
        key=idempotency_key,
        action="question.create",
        inputs={**arguments, "attributes": sorted(attribute.pk for attribute in probed)},
        run=lambda: _question_create(actor=actor, attributes=probed, **arguments),  # type: ignore[arg-type]
    )


@transaction.atomic
def _question_create(
    *,
    actor: User,
    round_type: str,
    job_family: str,
    text_id: str,
    text_en: str,
    attributes: list[Attribute],
    strong_answer_id: str,
    strong_answer_en: str,
    follow_ups: list[dict[str, str]],
) -> Question:
    if not actor.is_hr:
        raise AccessDenied(_("Only HR can add questions to the bank."))
    if not text_id.strip() or not text_en.strip():
        raise DomainError(_("Write the question in both languages."), code="question_text")
    if round_type not in RoundType.values or job_family not in JobFamily.values:
        raise DomainError(_("Choose a round type and a job family from the list."), code="question_kind")
    probed = attributes
    if not probed:
        raise DomainError(_("Choose at least one attribute the question probes."), code="no_attributes")
    question = Question.objects.create(
        round_type=round_type,
        job_family=job_family,
        text_id=text_id.strip(),
        text_en=text_en.strip(),
        strong_answer_id=strong_answer_id.strip(),
        strong_answer_en=strong_answer_en.strip(),
        follow_ups=follow_ups or [],
        created_by=actor,
    )
    question.attributes.set(probed)
    return question


@transaction.atomic
def question_retire(*, actor: User, question: Question) -> Question:
    """Retired questions leave the suggestions; kits that chose them keep them, marked as retired."""
    if not question_is_retirable_by(user=actor, question=question):
        raise AccessDenied(_("Only its author or an HR admin can retire a question."))
    if not question.is_active:
        raise DomainError(_("That question is already retired."), code="question_retired")
    question.is_active = False
    question.save(update_fields=["is_active"])
    return question
