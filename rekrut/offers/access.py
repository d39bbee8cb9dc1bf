"""Who may see and change an application's offer, decided once from the pipeline's answer.

An offer is salary data, specific personal data under UU PDP Ps 4 (rule P2): only the job's HR owner,
HR admins and the hiring manager (the "user") see it, the same people who see salary expectations
(jobs.access.SALARY_ROLES), and the job's director, who may have to approve it (rekrut/offers/chain.py).
Only the HR owner and HR admins draft it.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied

from rekrut.accounts.models import User
from rekrut.jobs.access import JobAccess
from rekrut.jobs.models import TeamRole
from rekrut.pipeline.access import ApplicationAccess, application_access_get


@dataclass(frozen=True)
class OfferAccess:
    application: ApplicationAccess

    @property
    def can_see(self) -> bool:
        return job_shows_offers(self.application.job)

    @property
    def can_edit(self) -> bool:
        return self.application.job.is_hr_owner and self.application.is_open


def job_shows_offers(job: JobAccess) -> bool:
    """Whether this access to a job sees its offers (the candidate page and the board link them)."""
    return job.can_see_salary_expectations or job.has_role(TeamRole.DIRECTOR)


def offer_access_get(*, user: User, application_id: int) -> OfferAccess:
    """A 404 when the user may not see the application at all; a 403 when they see it but not its offer."""
    access = OfferAccess(application=application_access_get(user=user, application_id=application_id))
    if not access.can_see:
        raise PermissionDenied
    return access
