"""Lookups that return an object together with what the user may do with it, decided once.

Who may see a candidate follows from their applications: the hiring teams of the jobs they applied for
(HR admins: everyone), and the recruiter who added them. Applications are seen by their job's team. Pages,
the API and services ask these answers (`access.can_move`, ...) instead of re-deriving role rules.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from rekrut.accounts.models import User
from rekrut.candidates.models import Candidate
from rekrut.candidates.selectors import candidate_duplicates
from rekrut.jobs.access import JobAccess, job_access, job_accesses
from rekrut.jobs.selectors import jobs_visible_to
from rekrut.pipeline.models import Application, ApplicationStatus


def candidates_visible_to(*, user: User) -> QuerySet[Candidate]:
    candidates = Candidate.objects.filter(merged_into__isnull=True)
    if user.is_hr_admin:
        return candidates
    on_team = Application.objects.filter(candidate=OuterRef("pk"), job__team__user=user)
    return candidates.filter(Exists(on_team) | Q(created_by=user))


def applications_visible_to(*, user: User) -> QuerySet[Application]:
    applications = Application.objects.select_related("candidate", "job", "stage")
    if user.is_hr_admin:
        return applications
    return applications.filter(job__in=jobs_visible_to(user=user).values("pk"))


@dataclass(frozen=True)
class CandidateAccess:
    candidate: Candidate
    is_hr: bool

    @property
    def can_edit(self) -> bool:
        return self.is_hr

    @property
    def can_merge(self) -> bool:
        return self.is_hr

    @property
    def can_apply_to_jobs(self) -> bool:
        return self.is_hr

    @property
    def can_see_duplicates(self) -> bool:
        return self.is_hr


def candidate_access_get(*, user: User, candidate_id: int) -> CandidateAccess:
    """The candidate with the user's access; a 404 when they may not see them."""
    candidate = candidates_visible_to(user=user).filter(pk=candidate_id).first()
    if candidate is None:
        raise Http404
    return CandidateAccess(candidate=candidate, is_hr=user.is_hr)


def candidate_get(*, user: User, candidate_id: int) -> Candidate:
    return candidate_access_get(user=user, candidate_id=candidate_id).candidate


def candidate_duplicates_for(
    *, user: User, email: str, phone: str, exclude_id: int | None = None
) -> tuple[list[Candidate], int]:
    """Likely duplicates the user may open, and how many more exist that they may not see.

    HR must learn that the person is already in Rekrut, but not who applied to another team's job (UU PDP).
    """
    found = candidate_duplicates(email=email, phone=phone, exclude_id=exclude_id)
    if not found:
        return [], 0
    visible = set(
        candidates_visible_to(user=user).filter(pk__in=[c.pk for c in found]).values_list("pk", flat=True)
    )
    shown = [c for c in found if c.pk in visible]
    return shown, len(found) - len(shown)


@dataclass(frozen=True)
class ApplicationAccess:
    application: Application
    job: JobAccess

    @property
    def is_open(self) -> bool:
        return self.application.status == ApplicationStatus.ACTIVE

    @property
    def can_move(self) -> bool:
        return self.job.can_manage_applications and self.is_open

    @property
    def can_reject(self) -> bool:
        return self.can_move

    @property
    def can_withdraw(self) -> bool:
        return self.can_move

    @property
    def can_reopen(self) -> bool:
        return self.job.is_hr_owner and self.application.status in {
            ApplicationStatus.REJECTED,
            ApplicationStatus.WITHDRAWN,
        }

    @property
    def can_override_rules(self) -> bool:
        return self.job.can_override_rules and self.is_open


def application_access(*, user: User, application: Application) -> ApplicationAccess:
    return ApplicationAccess(application=application, job=job_access(user=user, job=application.job))


def application_accesses(*, user: User, applications: Iterable[Application]) -> list[ApplicationAccess]:
    """Each application with the user's access to it, in one query for their roles on all the jobs."""
    applications = list(applications)
    by_job = job_accesses(user=user, jobs={a.job_id: a.job for a in applications}.values())
    return [ApplicationAccess(application=a, job=by_job[a.job_id]) for a in applications]


def application_access_get(*, user: User, application_id: int) -> ApplicationAccess:
    """The application with the user's access; a 404 unless they are on its job's team (or HR admin)."""
    application = applications_visible_to(user=user).filter(pk=application_id).first()
    if application is None:
        raise Http404
    return application_access(user=user, application=application)


def application_get(*, user: User, application_id: int) -> Application:
    return application_access_get(user=user, application_id=application_id).application
