"""Reads of interviews: an application's, a person's own ("my interviews"), and the board's flags."""

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from rekrut.accounts.models import User
from rekrut.interviews.models import Interview, InterviewStatus, Scorecard, ScorecardStatus
from rekrut.jobs.models import Job, TeamRole
from rekrut.jobs.selectors import jobs_visible_to
from rekrut.pipeline.access import application_get
from rekrut.pipeline.models import Application
from rekrut.pipeline.transitions import ApplicationStatus

# A scorecard not submitted this long after its interview ended is overdue.
OVERDUE_AFTER = timedelta(hours=24)
MY_LIST_LIMIT = 100


def interviews_visible_to(*, user: User) -> QuerySet[Interview]:
    interviews = Interview.objects.select_related(
        "round__stage", "application__candidate", "application__job", "application__stage"
    )
    if user.is_hr_admin:
        return interviews
    # Interviewers are on the job's hiring team (services.interviews.interviewers_onto_team), so the team
    # decides alone: someone taken off the team loses the candidate, even with an old interview assigned.
    return interviews.filter(application__job__in=jobs_visible_to(user=user).values("pk"))


def interview_get(*, user: User, interview_id: int) -> Interview:
    interview = (
        interviews_visible_to(user=user).prefetch_related("interviewers").filter(pk=interview_id).first()
    )
    if interview is None:
        raise Http404
    return interview


def application_get_for_interviews(*, user: User, application_id: int) -> Application:
    """The application if the user is on its job's hiring team (or an HR admin)."""
    return application_get(user=user, application_id=application_id)


def interviews_of_application(*, application: Application) -> list[Interview]:
    return list(
        Interview.objects.filter(application=application)
        .select_related("round__stage", "created_by")
        .prefetch_related(
            "interviewers",
            Prefetch(
                "scorecards",
                queryset=Scorecard.objects.only("pk", "interview_id", "interviewer_id", "status"),
            ),
        )
        .order_by("starts_at", "pk")
    )


def interviewer_has_submitted(interview: Interview, user: User) -> bool:
    return any(s.interviewer_id == user.pk and s.is_submitted for s in interview.scorecards.all())


@dataclass
class Chase:
    """A scorecard someone owes on a job the viewer owns."""

    interview: Interview
    interviewer: User


@dataclass
class MyInterviews:
    upcoming: list[Interview] = field(default_factory=list)
    awaiting: list[Interview] = field(default_factory=list)
    overdue: list[Interview] = field(default_factory=list)
    chase: list[Chase] = field(default_factory=list)

    @property
    def count_needing_action(self) -> int:
        return len(self.awaiting) + len(self.overdue)


def my_interviews(*, user: User, now: datetime | None = None) -> MyInterviews:
    """The user's interviews without a submitted scorecard: upcoming, awaiting a scorecard, overdue; and, for
    HR owners, the scorecards others owe on their jobs."""
    now = now or timezone.now()
    submitted_by_me = Scorecard.objects.filter(
        interview=OuterRef("pk"), interviewer=user, status=ScorecardStatus.SUBMITTED
    )
    mine = (
        Interview.objects.filter(interviewers=user, status=InterviewStatus.SCHEDULED)
        .filter(~Exists(submitted_by_me))
        .select_related("round__stage", "application__candidate", "application__job")
        .order_by("starts_at")[:MY_LIST_LIMIT]
    )
    result = MyInterviews()
    for interview in mine:
        if interview.ends_at > now:
            result.upcoming.append(interview)
        elif now - interview.ends_at > OVERDUE_AFTER:
            result.overdue.append(interview)
        else:
            result.awaiting.append(interview)
    result.chase = _owed_on_jobs_owned_by(user, now)
    return result


def _owed_on_jobs_owned_by(user: User, now: datetime) -> list[Chase]:
    owned_jobs = Job.objects.filter(team__user=user, team__role=TeamRole.HR_OWNER).values("pk")
    interviews = (
        Interview.objects.filter(
            application__job__in=owned_jobs,
            application__status=ApplicationStatus.ACTIVE,
            status=InterviewStatus.SCHEDULED,
            starts_at__lt=now - OVERDUE_AFTER,
        )
        .select_related("round__stage", "application__candidate", "application__job")
        .prefetch_related(
            "interviewers",
            Prefetch(
                "scorecards",
                queryset=Scorecard.objects.only("pk", "interview_id", "interviewer_id", "status"),
            ),
        )
        .order_by("starts_at")[:MY_LIST_LIMIT]
    )
    owed = []
    for interview in interviews:
        if now - interview.ends_at <= OVERDUE_AFTER:
            continue
        for person in interview.interviewers.all():
            if person.pk != user.pk and not interviewer_has_submitted(interview, person):
                owed.append(Chase(interview, person))
    return owed


@dataclass
class BoardFlags:
    next_interview_at: datetime | None = None
    expected: int = 0
    submitted: int = 0
    overdue: bool = False


def board_flags(
    *, job: Job, now: datetime | None = None, application_ids: Collection[int] | None = None
) -> dict[int, BoardFlags]:
    """Per application on the board (or only those of `application_ids`: the cards shown): the next
    interview, scorecards in so far, and whether any is overdue.

    One query, whatever the number of applications and interviewers.
    """
    now = now or timezone.now()
    scope = Q() if application_ids is None else Q(application_id__in=list(application_ids))
    rows = (
        Interview.objects.filter(
            scope,
            application__job=job,
            application__status__in=[ApplicationStatus.ACTIVE, ApplicationStatus.HIRED],
            status=InterviewStatus.SCHEDULED,
        )
        .annotate(
            assigned=Count("interviewers", distinct=True),
            done=Count("scorecards", filter=Q(scorecards__status=ScorecardStatus.SUBMITTED), distinct=True),
        )
        .only("pk", "application_id", "starts_at", "duration_minutes")
        .order_by("starts_at")
    )
    flags: dict[int, BoardFlags] = {}
    for interview in rows:
        flag = flags.setdefault(interview.application_id, BoardFlags())
        if interview.starts_at > now:
            if flag.next_interview_at is None:
                flag.next_interview_at = interview.starts_at
            continue
        flag.expected += interview.assigned  # type: ignore[attr-defined]
        flag.submitted += interview.done  # type: ignore[attr-defined]
        if now - interview.ends_at > OVERDUE_AFTER and interview.done < interview.assigned:  # type: ignore[attr-defined]
            flag.overdue = True
    return flags
