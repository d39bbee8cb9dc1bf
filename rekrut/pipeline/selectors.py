"""Reads of applications, scoped to the acting user's hiring teams (HR admins see all).

Lookups that return an object with what the user may do with it live in pipeline.access.
"""

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Count, F, Min, OuterRef, Prefetch, Q, QuerySet, Subquery, Window
from django.db.models.functions import Coalesce, RowNumber
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from rekrut.accounts.models import User
from rekrut.candidates.models import Candidate
from rekrut.jobs.models import HiringTeamMember, Job, Stage, StageKind, TeamRole
from rekrut.jobs.selectors import jobs_for_list
from rekrut.pipeline import guards, transitions
from rekrut.pipeline.access import applications_visible_to
from rekrut.pipeline.models import Application, RejectReason, Transition
from rekrut.pipeline.transitions import OPEN_STATUSES, ApplicationStatus

BOARD_COLUMN_LIMIT = 25  # a column shows its longest-waiting cards; "See all" lists the rest
STALE_AFTER_DAYS = 14

# Who owns the work waiting in a stage of each kind; "my work" lists these to their owners.
STAGE_OWNERS: dict[str, set[str]] = {
    StageKind.APPLIED: {TeamRole.HR_OWNER},
    StageKind.SCREENING: {TeamRole.HR_OWNER},
    # Assigning tests, inviting and recording results are HR's (issue 11).
    StageKind.ASSESSMENT: {TeamRole.HR_OWNER},
    StageKind.HR_INTERVIEW: {TeamRole.HR_OWNER},
    StageKind.USER_INTERVIEW: {TeamRole.USER},
    StageKind.EVALUATION: {TeamRole.HR_OWNER, TeamRole.USER},
    StageKind.SUPERIOR_INTERVIEW: {TeamRole.SUPERIOR},
    StageKind.DIRECTOR_INTERVIEW: {TeamRole.DIRECTOR},
    # Any other interview (a panel, a written test...) is arranged by HR.
    StageKind.OTHER_INTERVIEW: {TeamRole.HR_OWNER},
    StageKind.MEDICAL: {TeamRole.HR_OWNER},
    StageKind.OFFER: {TeamRole.HR_OWNER},
    StageKind.CONTRACT: {TeamRole.HR_OWNER},
    StageKind.ONBOARDING: {TeamRole.HR_OWNER},
}

# My work groups what waits by what to do next, whoever owns it; every stage kind is in exactly one group.
WORK_GROUPS: tuple[tuple[str, StrOrPromise, frozenset[str]], ...] = (
    (
        "screen",
        _("Screen the applicants"),
        frozenset({StageKind.APPLIED, StageKind.SCREENING, StageKind.ASSESSMENT}),
    ),
    (
        "interview",
        _("Hold the interviews"),
        frozenset(
            {
                StageKind.HR_INTERVIEW,
                StageKind.USER_INTERVIEW,
                StageKind.SUPERIOR_INTERVIEW,
                StageKind.DIRECTOR_INTERVIEW,
                StageKind.OTHER_INTERVIEW,
            }
        ),
    ),
    ("decide", _("Decide"), frozenset({StageKind.EVALUATION})),
    (
        "hire",
        _("Finish the hire"),
        frozenset({StageKind.MEDICAL, StageKind.OFFER, StageKind.CONTRACT, StageKind.ONBOARDING}),
    ),
)
GROUP_KEYS = tuple(key for key, _label, _kinds in WORK_GROUPS)
GROUP_LABELS = tuple(label for _key, label, _kinds in WORK_GROUPS)
_GROUP_OF_KIND = {kind: key for key, _label, kinds in WORK_GROUPS for kind in kinds}


def _group_of(kind: str) -> str:
    return _GROUP_OF_KIND.get(kind, "interview")


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


def board_columns(
    *,
    job: Job,
    now: datetime | None = None,
    limit: int = BOARD_COLUMN_LIMIT,
    stage_ids: Collection[int] | None = None,
) -> list[Column]:
    """Active stages with their active (and, last, hired) applications; oldest in stage first.

    Three queries whatever the size: the stages, the counts per stage, and the first `limit` cards of every
    column (of the `stage_ids` columns only, when given: a move re-renders the two it touched).
    """
    now = now or timezone.now()
    stages = list(job.stages.filter(is_active=True).order_by("position"))
    shown = [s for s in stages if stage_ids is None or s.pk in stage_ids]
    open_statuses = list(OPEN_STATUSES)
    counts = dict(
        job.applications.filter(status__in=open_statuses, stage__in=[s.pk for s in shown])
        .values_list("stage")
        .annotate(n=Count("pk"))
        .order_by()
    )
    # One query for every column's first cards: number rows within each stage, keep the first `limit`.
    rows = (
        _board_rows(job)
        .filter(stage__in=[s.pk for s in shown])
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
    for stage in shown:
        column = Column(stage=stage, count=counts.get(stage.pk, 0))
        column.cards = _cards(stages, stage, cards_by_stage.get(stage.pk, []), now)
        columns.append(column)
    return columns


def board_cards(
    *,
    job: Job,
    stage: Stage,
    offset: int = 0,
    limit: int = BOARD_COLUMN_LIMIT,
    skip: int | None = None,
    only: int | None = None,
    now: datetime | None = None,
) -> list[Card]:
    """The next cards of one column after the first `offset` (the board loads them as the user scrolls),
    leaving out the `skip` application (shown already, out of its turn); `only`: that application's card."""
    stages = list(job.stages.filter(is_active=True).order_by("position"))
    rows = _board_rows(job).filter(stage=stage).order_by("stage_entered_at", "pk")
    if skip is not None:
        rows = rows.exclude(pk=skip)
    if only is not None:
        rows = rows.filter(pk=only)
    return _cards(stages, stage, list(rows[offset : offset + limit]), now or timezone.now())


def _board_rows(job: Job) -> QuerySet[Application]:
    return (
        Application.objects.filter(job=job, status__in=list(OPEN_STATUSES))
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
    )


def _cards(stages: list[Stage], stage: Stage, applications: list[Application], now: datetime) -> list[Card]:
    refs = {s.pk: transitions.StageRef(s.pk, s.position, s.is_optional, s.is_active) for s in stages}
    by_id = {s.pk: s for s in stages}
    targets = [by_id[r.id] for r in transitions.forward_targets(list(refs.values()), refs[stage.pk])]
    cards = []
    for application in applications:
        days = (now - application.stage_entered_at).days
        cards.append(
            Card(
                application=application,
                days_in_stage=days,
                is_stale=days >= STALE_AFTER_DAYS,
                targets=targets if application.status == ApplicationStatus.ACTIVE else [],
            )
        )
    return cards


def move_blocks(*, job: Job, applications: list[Application]) -> dict[int, list[guards.Blocker]]:
    """Why each application cannot leave its stage forward yet (an empty list: nothing blocks it).

    The same answer the move service acts on, for a whole board at once: a bounded number of queries
    whatever the number of applications. Reads only pk, status and stage_id of each application.
    """
    return guards.blockers_of(job=job, applications=applications)


def move_back_targets(*, job: Job, applications: list[Application]) -> dict[int, Stage]:
    """Where HR's move back would take each open application (absent: nowhere, it is in its first stage).

    Two queries whatever the number of applications; reads only pk, status and stage_id of each.
    """
    stages = list(job.stages.all())
    refs = {s.pk: transitions.StageRef(s.pk, s.position, s.is_optional, s.is_active) for s in stages}
    by_id = {s.pk: s for s in stages}
    open_ones = [a for a in applications if a.status in OPEN_STATUSES]
    visited: dict[int, set[int]] = {}
    for application_id, stage_id in Transition.objects.filter(application__in=open_ones).values_list(
        "application_id", "to_stage_id"
    ):
        visited.setdefault(application_id, set()).add(stage_id)
    targets = {}
    for application in open_ones:
        back = transitions.back_target(
            list(refs.values()), refs[application.stage_id], visited.get(application.pk, set())
        )
        if back is not None:
            targets[application.pk] = by_id[back.id]
    return targets


def my_work(*, user: User, limit: int = 100) -> QuerySet[Application]:
    """Active applications waiting in stages this user owns on their teams, longest waiting first."""
    owned = Q()
    for kind, roles in STAGE_OWNERS.items():
        owned |= Q(stage__kind=kind, job__team__user=user, job__team__role__in=roles)
    return (
        Application.objects.filter(owned, status=ApplicationStatus.ACTIVE)
        .select_related("candidate", "job", "stage")
        .distinct()
        .order_by("stage_entered_at", "pk")[:limit]
    )


@dataclass
class Waiting:
    application: Application
    days_in_stage: int


@dataclass
class WorkGroup:
    key: str
    label: str
    waiting: list[Waiting] = field(default_factory=list)


@dataclass
class MyWork:
    """What waits for a person: what is late (in a stage past the stale threshold), then the rest by what to
    do. `more` is true when the list was cut at its limit (the oldest are always kept)."""

    late: list[Waiting] = field(default_factory=list)
    groups: list[WorkGroup] = field(default_factory=list)
    more: bool = False


def my_work_grouped(*, user: User, now: datetime | None = None, limit: int = 100) -> MyWork:
    """my_work split into the late and the rest grouped by what to do (WORK_GROUPS). One query."""
    now = now or timezone.now()
    rows = list(my_work(user=user, limit=limit + 1))
    result = MyWork(more=len(rows) > limit)
    groups = {key: WorkGroup(key=key, label=str(label)) for key, label, _kinds in WORK_GROUPS}
    for application in rows[:limit]:
        item = Waiting(application=application, days_in_stage=(now - application.stage_entered_at).days)
        if item.days_in_stage >= STALE_AFTER_DAYS:
            result.late.append(item)
        else:
            groups[_group_of(application.stage.kind)].waiting.append(item)
    result.groups = [group for group in groups.values() if group.waiting]
    return result


@dataclass
class JobWork:
    """One job's waiting applications in the company-wide view: how many per group (in WORK_GROUPS order),
    how many are late, and how long the longest has waited."""

    job: Job
    counts: dict[str, int]
    late: int
    oldest_days: int


@dataclass
class CompanyWork:
    jobs: list[JobWork] = field(default_factory=list)
    late: list[Waiting] = field(default_factory=list)
    late_total: int = 0


def work_across_jobs(*, user: User, now: datetime | None = None, late_limit: int = 25) -> CompanyWork:
    """The HR admin's view of what waits on every job (they are on no team, so my_work is empty for them):
    per job the active applications by group and how many are late, and the longest-waiting late ones.

    Four queries whatever the number of jobs and applications. Empty for anyone but an HR admin.
    """
    if not user.is_hr_admin:
        return CompanyWork()
    now = now or timezone.now()
    late_since = now - timedelta(days=STALE_AFTER_DAYS)
    active = Application.objects.filter(status=ApplicationStatus.ACTIVE)
    per_kind = list(
        active.values("job_id", "stage__kind")
        .annotate(
            n=Count("pk"),
            late=Count("pk", filter=Q(stage_entered_at__lte=late_since)),
            oldest=Min("stage_entered_at"),
        )
        .order_by()
    )
    hr_owners = HiringTeamMember.objects.filter(role=TeamRole.HR_OWNER).select_related("user")
    jobs = Job.objects.filter(pk__in={row["job_id"] for row in per_kind}).prefetch_related(
        Prefetch("team", queryset=hr_owners, to_attr="hr_owners")
    )
    by_job = {
        job.pk: JobWork(job=job, counts=dict.fromkeys(GROUP_KEYS, 0), late=0, oldest_days=0) for job in jobs
    }
    for row in per_kind:
        work = by_job[row["job_id"]]
        work.counts[_group_of(row["stage__kind"])] += row["n"]
        work.late += row["late"]
        work.oldest_days = max(work.oldest_days, (now - row["oldest"]).days)
    late_rows = list(
        active.filter(stage_entered_at__lte=late_since)
        .select_related("candidate", "job", "stage")
        .order_by("stage_entered_at", "pk")[:late_limit]
    )
    return CompanyWork(
        jobs=sorted(by_job.values(), key=lambda w: (-w.late, -w.oldest_days, w.job.title)),
        late=[Waiting(application=a, days_in_stage=(now - a.stage_entered_at).days) for a in late_rows],
        late_total=sum(w.late for w in by_job.values()),
    )


def application_history(*, application: Application) -> QuerySet[Transition]:
    return application.transitions.select_related("actor", "from_stage", "to_stage", "reason").order_by(
        "at", "pk"
    )


def reject_reasons() -> QuerySet[RejectReason]:
    return RejectReason.objects.filter(is_active=True)


def candidate_applications(*, user: User, candidate: Candidate) -> QuerySet[Application]:
    """A candidate's applications on jobs this user may see, each with its timeline, newest first."""
    return (
        applications_visible_to(user=user)
        .filter(candidate=candidate)
        .select_related("job", "stage", "reject_reason")
        .prefetch_related(
            Prefetch(
                "transitions",
                queryset=Transition.objects.select_related(
                    "actor", "from_stage", "to_stage", "reason"
                ).order_by("at", "pk"),
            )
        )
        .order_by("-applied_at", "-pk")
    )


def _count_of(status: str) -> Subquery:
    rows = Application.objects.filter(job=OuterRef("pk"), status=status).order_by()
    return Subquery(rows.values("job").annotate(n=Count("pk")).values("n"))


def job_hired_count(job: Job) -> int:
    """How many of the job's applications ended in a hire (jobs.hooks.job_hired_count: the job page)."""
    return Application.objects.filter(job=job, status=ApplicationStatus.HIRED).count()


def jobs_with_counts(*, user: User, status: str | None = None, query: str = "") -> QuerySet[Job]:
    """The jobs list: each visible job with its active and hired applications counted (two subqueries)."""
    return jobs_for_list(user=user, status=status, query=query).annotate(
        active_count=Coalesce(_count_of(ApplicationStatus.ACTIVE), 0),
        hired_count=Coalesce(_count_of(ApplicationStatus.HIRED), 0),
    )
