"""Who may see and work on an application's contract, decided once from the offers app's answer.

A contract states the wage: salary data, specific personal data under UU PDP Ps 4 (rule P2). It is read by
exactly the people who read the offer (rekrut.offers.access: the job's HR owner, HR admins, the hiring
manager and the job's director) and made, signed and registered by the HR owner and HR admins. Others
on the team learn only its status and dates (the API's short form); people off the team get a 404.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied

from rekrut.accounts.models import User
from rekrut.offers.access import OfferAccess
from rekrut.pipeline.access import ApplicationAccess, application_access, application_access_get
from rekrut.pipeline.models import Application
from rekrut.pipeline.transitions import ApplicationStatus


@dataclass(frozen=True)
class ContractAccess:
    application: ApplicationAccess

    @property
    def can_see(self) -> bool:
        return OfferAccess(application=self.application).can_see

    @property
    def can_manage(self) -> bool:
        """Generate, record the signing steps, upload the scan, mark it registered: HR owner, HR admins.
        A hired application stays manageable (its PKWT is registered after the hire)."""
        return self.application.job.is_hr_owner and self.application.application.status in {
            ApplicationStatus.ACTIVE,
            ApplicationStatus.HIRED,
        }


def contract_access(*, user: User, application: Application) -> ContractAccess:
    return ContractAccess(application=application_access(user=user, application=application))


def contract_access_get(*, user: User, application_id: int) -> ContractAccess:
    """A 404 when the user may not see the application; a 403 when they see it but not its contract."""
    access = ContractAccess(application=application_access_get(user=user, application_id=application_id))
    if not access.can_see:
        raise PermissionDenied
    return access
