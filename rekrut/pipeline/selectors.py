"""Reads of applications, scoped to the acting user's hiring teams (HR admins see all)."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, F, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from django.utils import timezone

from rekrut.accounts.models import User
from rekrut.jobs.models import Job, Stage, StageKind, TeamRole
from rekrut.jobs.selectors import jobs_visible_to
from rekrut.pipeline import transitions
from rekrut.pipeline.models import Application, ApplicationStatus, RejectReason, Transition

BOARD_COLUMN_LIMIT = 25  # a column shows its longest-waiting cards; "See all" lists the rest
STALE_AFTER_DAYS = 14

# Who owns the work waiting in a stage of each kind; "my work" lists these to their owners.
STAGE_OWNERS: dict[str, set[str]] = {
    StageKind.APPLIED: {TeamRole.HR_OWNER},
    StageKind.SCREENING: {TeamRole.HR_OWNER},
    StageKind.HR_INTERVIEW: {TeamRole.HR_OWNER},
    StageKind.USER_INTERVIEW: {TeamRole.USER},
    StageKind.EVALUATION: {TeamRole.HR_OWNER, TeamRole.USER},
    StageKind.OTHER_INTERVIEW: {TeamRole.SUPERIOR, TeamRole.DIRECTOR},
    StageKind.MEDICAL: {TeamRole.HR_OWNER},
    StageKind.OFFER: {TeamRole.HR_OWNER},
    StageKind.CONTRACT: {TeamRole.HR_OWNER},
    StageKind.ONBOARDING: {TeamRole.HR_OWNER},
}


def applications_visible_to(*, user: User) -> QuerySet[Application]:
    applications = Application.objects.select_related("candidate", "job", "stage")
    if user.is_hr_admin:
        return applications
    return applications.filter(job__in=jobs_visible_to(user=user).values("pk"))


def application_get(*, user: User, application_id: int) -> Application:
    application = applications_visible_to(user=user).filter(pk=application_id).first()
    if application is None:
        raise Http404
    return application


@dataclass
class Card:
    application: Application
    days_in_stage: int
    is_stale: bool
    targets: list[Stage]


@dataclass
class Column:
    stage: Stage
    count: int
    cards: list[Card] = field(default_factory=list)


def board_columns(*, job: Job, now: datetime | None = None, limit: int = BOARD_COLUMN_LIMIT) -> list[Column]:
    """Active stages with their active (and, last, hired) applications; oldest in stage first.

    Three queries whatever the size: the stages, the counts per stage, and the first cards of every column.
    """
    now = now or timezone.now()
    stages = list(job.stages.filter(is_active=True).order_by("position"))
    refs = {s.pk: transitions.StageRef(s.pk, s.position, s.is_optional, s.is_active) for s in stages}
    by_id = {s.pk: s for s in stages}
    open_statuses = [ApplicationStatus.ACTIVE, ApplicationStatus.HIRED]
    counts = dict(
        job.applications.filter(status__in=open_statuses)
        .values_list("stage")
        .annotate(n=Count("pk"))
        .order_by()
    )
    # One query for every column's first cards: number rows within each stage, keep the first `limit`.
    rows = (
        Application.objects.filter(job=job, status__in=open_statuses)
        .select_related("candidate")
        .only(
            "pk",
            "version",
            "status",
            "stage_id",
            "stage_entered_at",
            "applied_at",
            "candidate__full_name",
            "candidate__city",
            "candidate__id",
        )
        .annotate(
            rank=Window(RowNumber(), partition_by=[F("stage_id")], order_by=[F("stage_entered_at"), F("pk")])
        )
        .filter(rank__lte=limit)
        .order_by("stage_entered_at", "pk")
    )
    cards_by_stage: dict[int, list[Application]] = {}
    for row in rows:
        cards_by_stage.setdefault(row.stage_id, []).append(row)
    columns = []
    for stage in stages:
        column = Column(stage=stage, count=counts.get(stage.pk, 0))
        targets = [by_id[r.id] for r in transitions.forward_targets(list(refs.values()), refs[stage.pk])]
        for application in cards_by_stage.get(stage.pk, []):
            days = (now - application.stage_entered_at).days
            column.cards.append(
                Card(
                    application=application,
                    days_in_stage=days,
                    is_stale=days >= STALE_AFTER_DAYS,
                    targets=targets if application.status == ApplicationStatus.ACTIVE else [],
                )
            )
        columns.append(column)
    return columns


def my_work(*, user: User, limit: int = 100) -> QuerySet[Application]:
    """Active applications waiting in stages this user owns on their teams, longest waiting first."""
    owned = Q()
    for kind, roles in STAGE_OWNERS.items():
        owned |= Q(stage__kind=kind, job__team__user=user, job__team__role__in=roles)
    return (
        Application.objects.filter(owned, status=ApplicationStatus.ACTIVE)
        .select_related("candidate", "job", "stage")
        .distinct()
        .order_by("stage_entered_at")[:limit]
    )


def application_history(*, application: Application) -> QuerySet[Transition]:
    return application.transitions.select_related("actor", "from_stage", "to_stage", "reason").order_by(
        "at", "pk"
    )


def reject_reasons() -> QuerySet[RejectReason]:
    return RejectReason.objects.filter(is_active=True)
