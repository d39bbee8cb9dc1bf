"""Reads of interview plans and the question bank."""

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from rekrut.accounts.models import User
from rekrut.interviews.models import Attribute, KitQuestion, PlanRound, PlanRoundAttribute, Question
from rekrut.jobs.models import Job
from rekrut.jobs.selectors import jobs_visible_to


def _rounds() -> QuerySet[PlanRound]:
    return PlanRound.objects.select_related("stage", "job").prefetch_related(
        "interviewers",
        Prefetch(
            "round_attributes",
            queryset=PlanRoundAttribute.objects.select_related("attribute").order_by("position", "pk"),
        ),
        Prefetch(
            "kit",
            queryset=KitQuestion.objects.select_related("question")
            .prefetch_related("question__attributes")
            .order_by("position", "pk"),
        ),
    )


def plan_rounds(*, job: Job) -> list[PlanRound]:
    """The job's rounds on interview stages in use, in pipeline order, with what their pages show."""
    return list(_rounds().filter(job=job, stage__is_active=True).order_by("stage__position"))


def plan_round_get(*, user: User, round_id: int) -> PlanRound:
    plan_round = _rounds().filter(pk=round_id, job__in=jobs_visible_to(user=user).values("pk")).first()
    if plan_round is None:
        raise Http404
    return plan_round


def round_attributes(plan_round: PlanRound) -> list[Attribute]:
    """The round's focus attributes, in order (uses the prefetch when there is one)."""
    return [ra.attribute for ra in plan_round.round_attributes.all()]


def round_questions(plan_round: PlanRound) -> list[Question]:
    return [kq.question for kq in plan_round.kit.all()]


def attributes_in_use() -> QuerySet[Attribute]:
    return Attribute.objects.filter(is_active=True).order_by("name_en")


def questions_in_bank(
    *, round_type: str = "", job_family: str = "", attribute_code: str = "", include_retired: bool = False
) -> QuerySet[Question]:
    """The bank, filtered; every signed-in staff member may read it (it holds no personal data)."""
    questions = Question.objects.select_related("created_by").prefetch_related("attributes")
    if not include_retired:
        questions = questions.filter(is_active=True)
    if round_type:
        questions = questions.filter(round_type=round_type)
    if job_family:
        questions = questions.filter(job_family=job_family)
    if attribute_code:
        questions = questions.filter(attributes__code=attribute_code)
    return questions.order_by("round_type", "job_family", "pk").distinct()


def staff_for_interviews() -> QuerySet[User]:
    return User.objects.filter(is_active=True).order_by("first_name", "last_name", "username")


def question_is_retirable_by(*, user: User, question: Question) -> bool:
    """A question of the bank is retired by its author (HR) or an HR admin: the one rule, for the page and
    the service alike."""
    own = question.created_by_id is not None and question.created_by_id == user.pk
    return user.is_hr_admin or (own and user.is_hr)
