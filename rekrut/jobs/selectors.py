"""Reads of jobs, scoped to what the acting user may see: HR admins see all, others their teams' jobs."""

from django.db.models import Q, QuerySet
from django.http import Http404

from rekrut.accounts.models import User
from rekrut.jobs.access import job_access
from rekrut.jobs.models import Job, Stage


def jobs_visible_to(*, user: User) -> QuerySet[Job]:
    jobs = Job.objects.select_related("department", "location")
    if user.is_hr_admin:
        return jobs
    return jobs.filter(team__user=user).distinct()


def jobs_for_list(*, user: User, status: str | None = None, query: str = "") -> QuerySet[Job]:
    jobs = jobs_visible_to(user=user)
    if status:
        jobs = jobs.filter(status=status)
    if query:
        jobs = jobs.filter(Q(title__icontains=query) | Q(department__name__icontains=query))
    return jobs.order_by("status", "-created_at")


def job_get(*, user: User, job_id: int) -> Job:
    """The job if the user may see it; a 404 otherwise, so outsiders cannot tell it exists."""
    job = jobs_visible_to(user=user).filter(pk=job_id).first()
    if job is None:
        raise Http404
    return job


def job_roles_of(*, user: User, job: Job) -> set[str]:
    return set(job_access(user=user, job=job).roles)


def job_is_managed_by(*, user: User, job: Job) -> bool:
    """HR admins, the job's HR owner and its user may move its applications (jobs.access decides)."""
    return job_access(user=user, job=job).can_manage_applications


def job_is_hr_owned_by(*, user: User, job: Job) -> bool:
    return job_access(user=user, job=job).is_hr_owner


def stages_of(*, job: Job, active_only: bool = True) -> list[Stage]:
    stages = job.stages.all()
    if active_only:
        stages = stages.filter(is_active=True)
    return list(stages.order_by("position"))


def job_choices_for(*, user: User, include_closed: bool = True) -> QuerySet[Job]:
    """Light rows (id, title, stages) for job pickers and filters."""
    jobs = Job.objects.filter(pk__in=jobs_visible_to(user=user).values("pk")).only("pk", "title", "status")
    if not include_closed:
        jobs = jobs.exclude(status="closed")
    return jobs.order_by("title").prefetch_related("stages")
