"""Who may read which scorecards: the independence rule, enforced here and nowhere else.

An interviewer sees only their own scorecards of an application until they have submitted every one assigned
to them on it; then they see the others' submitted scorecards too. HR admins and the job's HR owner see all
submitted scorecards at any time. Drafts are their author's alone.
"""

from collections.abc import Iterable

from django.db.models import Count, Q, QuerySet

from rekrut.accounts.models import User
from rekrut.interviews.models import Interview, InterviewStatus, Scorecard, ScorecardStatus
from rekrut.jobs.access import job_access
from rekrut.jobs.selectors import job_is_hr_owned_by, jobs_visible_to
from rekrut.pipeline.models import Application


def application_is_visible_to(*, user: User, application: Application) -> bool:
    """On the job's hiring team, or an HR admin (interviewers are on the team)."""
    return jobs_visible_to(user=user).filter(pk=application.job_id).exists()


def sees_all_scorecards(*, user: User, application: Application) -> bool:
    if user.is_hr_admin or job_is_hr_owned_by(user=user, job=application.job):
        return True
    mine = (
        Interview.objects.filter(application=application, interviewers=user)
        .exclude(status=InterviewStatus.CANCELLED)
        .aggregate(
            assigned=Count("pk", distinct=True),
            submitted=Count(
                "scorecards",
                filter=Q(scorecards__interviewer=user, scorecards__status=ScorecardStatus.SUBMITTED),
                distinct=True,
            ),
        )
    )
    return mine["assigned"] > 0 and mine["submitted"] == mine["assigned"]


def scorecards_visible_to(*, user: User, application: Application) -> QuerySet[Scorecard]:
    """The application's scorecards this user may read: their own, and the others' once they may."""
    scorecards = Scorecard.objects.filter(interview__application=application).select_related(
        "interviewer", "interview"
    )
    if not application_is_visible_to(user=user, application=application):
        return scorecards.none()
    if sees_all_scorecards(user=user, application=application):
        return scorecards.filter(Q(interviewer=user) | Q(status=ScorecardStatus.SUBMITTED))
    return scorecards.filter(interviewer=user)


def scorecard_of(*, user: User, interview: Interview) -> Scorecard | None:
    """The user's own scorecard for an interview, if they started one."""
    return (
        Scorecard.objects.filter(interview=interview, interviewer=user)
        .prefetch_related("ratings__attribute", "question_notes", "versions")
        .first()
    )


def salary_masked(
    scorecards: Iterable[Scorecard], *, user: User, application: Application
) -> list[Scorecard]:
    """The scorecards with others' salary expectations blanked unless the user may see them.

    A salary expectation is financial personal data (UU PDP): the job's HR and its hiring manager see it
    (jobs.access decides), and the interviewer who wrote it; other interviewers reading a submitted HR
    scorecard do not. The rows are for reading: selectors never save them.
    """
    shown = list(scorecards)
    if job_access(user=user, job=application.job).can_see_salary_expectations:
        return shown
    for scorecard in shown:
        if scorecard.interviewer_id != user.pk:
            scorecard.salary_expectation = None
    return shown
