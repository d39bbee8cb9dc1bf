"""What a user may do with a job, decided once per lookup from their roles on its hiring team.

Pages, the API and the services all ask a JobAccess instead of re-deriving role rules, so one rule decides
everywhere. Seeing a job at all is the selectors' business (jobs_visible_to): an invisible job is a 404.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.http import Http404

from rekrut.accounts.models import User
from rekrut.jobs.models import HiringTeamMember, Job, TeamRole

# Roles on a job's team that may change where its applications stand (move, reject, withdraw).
MANAGING_ROLES = frozenset({TeamRole.HR_OWNER, TeamRole.USER})
# Salary expectations are financial personal data (UU PDP): HR and the hiring manager only.
SALARY_ROLES = frozenset({TeamRole.HR_OWNER, TeamRole.USER})


@dataclass(frozen=True)
class JobAccess:
    job: Job
    roles: frozenset[str]
    is_hr_admin: bool
    is_hr: bool

    @property
    def is_on_team(self) -> bool:
        return bool(self.roles)

    @property
    def can_view(self) -> bool:
        return self.is_hr_admin or self.is_on_team

    @property
    def is_hr_owner(self) -> bool:
        """The job's HR owner or an HR admin: edits the job, its team, stages and policy; decides; reopens."""
        return self.is_hr_admin or TeamRole.HR_OWNER in self.roles

    @property
    def can_edit(self) -> bool:
        return self.is_hr_owner

    @property
    def can_manage_applications(self) -> bool:
        return self.is_hr_admin or bool(self.roles & MANAGING_ROLES)

    @property
    def can_add_applications(self) -> bool:
        return self.can_manage_applications or self.is_hr

    @property
    def can_override_rules(self) -> bool:
        """Only HR may carry an application past a rule of the decision policy, with a reason."""
        return self.is_hr_owner

    @property
    def can_see_salary_expectations(self) -> bool:
        return self.is_hr_admin or bool(self.roles & SALARY_ROLES)

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles & set(roles))


def job_access(*, user: User, job: Job) -> JobAccess:
    """The user's access to a job they may or may not see (one query for their roles on its team)."""
    roles = frozenset(job.team.filter(user=user).values_list("role", flat=True)) if user.pk else frozenset()
    return JobAccess(job=job, roles=roles, is_hr_admin=user.is_hr_admin, is_hr=user.is_hr)


def job_accesses(*, user: User, jobs: Iterable[Job]) -> dict[int, JobAccess]:
    """The user's access to several jobs, by job id, in one query (list pages and the candidate page)."""
    jobs = list(jobs)
    roles: dict[int, set[str]] = defaultdict(set)
    if user.pk and jobs:
        rows = HiringTeamMember.objects.filter(user=user, job__in=[job.pk for job in jobs])
        for job_id, role in rows.values_list("job_id", "role"):
            roles[job_id].add(role)
    return {
        job.pk: JobAccess(
            job=job, roles=frozenset(roles[job.pk]), is_hr_admin=user.is_hr_admin, is_hr=user.is_hr
        )
        for job in jobs
    }


def job_access_get(*, user: User, job_id: int) -> JobAccess:
    """The job with the user's access to it; a 404 when they may not see it (so outsiders cannot tell)."""
    job = Job.objects.select_related("department", "location").filter(pk=job_id).first()
    if job is None:
        raise Http404
    access = job_access(user=user, job=job)
    if not access.can_view:
        raise Http404
    return access
