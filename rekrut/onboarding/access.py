"""Who may do what with an application's onboarding, decided once per lookup.

Seeing the application at all is pipeline's decision (its job's hiring team and HR admins); everyone who
sees it reads the checklist, with NIK and NPWP masked. Starting, sending the link and handing off are HR's
(the job's HR owner or an HR admin). An item is ticked by HR, or by the hiring manager when it is theirs.
Bank account, salary and the full numbers are specific personal data (UU 27/2022 Ps 4, P2): only people
holding the explicit permission `onboarding.view_financial_details` read or export them, whatever their role.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.accounts.specific_data import SpecificData, holds
from rekrut.events.actions import action_register
from rekrut.jobs.models import TeamRole
from rekrut.onboarding.models import PERMISSION, ItemOwner, Task
from rekrut.pipeline.access import ApplicationAccess, application_access, application_access_get
from rekrut.pipeline.models import Application
from rekrut.pipeline.transitions import OPEN_STATUSES

action_register("onboarding.access_granted", _("Access to bank and salary data granted"))
action_register("onboarding.access_revoked", _("Access to bank and salary data withdrawn"))

# Registered in OnboardingConfig.ready(): HR admins grant it on accounts:specific_data, one person at a
# time, so HR admins do not hold it by being superusers.
FINANCIAL_DATA = SpecificData(
    key="financial",
    permission=f"onboarding.{PERMISSION}",
    title=_("Who may see bank and salary data"),
    data=_("bank and salary data"),
    explanation=_(
        "New employees' bank accounts and salaries are specific personal data (UU 27/2022 Ps 4). The people "
        "listed here also see full NIK and NPWP numbers, open identity scans and export records, for the "
        "applications they can open."
    ),
    granted_action="onboarding.access_granted",
    withdrawn_action="onboarding.access_revoked",
    opened_actions=(
        "onboarding.financial_viewed",
        "onboarding.document_downloaded",
        "onboarding.exported",
        "onboarding.details_given",
    ),
)


@dataclass(frozen=True)
class OnboardingAccess:
    application: ApplicationAccess
    sees_financial_details: bool

    @property
    def is_open(self) -> bool:
        """Still in the pipeline: active, or hired (a hired person's onboarding goes on)."""
        return self.application.application.status in OPEN_STATUSES

    @property
    def can_manage(self) -> bool:
        """Start, send the link, tick any item, hand off: HR, on an open application."""
        return self.application.job.is_hr_owner and self.is_open

    @property
    def can_export(self) -> bool:
        return self.application.job.is_hr_owner and self.sees_financial_details

    def can_tick(self, task: Task) -> bool:
        if not self.is_open:
            return False
        if self.application.job.is_hr_owner:
            return True
        return task.owner == ItemOwner.MANAGER and self.application.job.has_role(TeamRole.USER)


def onboarding_access(*, user: User, application: ApplicationAccess) -> OnboardingAccess:
    return OnboardingAccess(application=application, sees_financial_details=holds(user, FINANCIAL_DATA))


def onboarding_access_for(*, user: User, application: Application) -> OnboardingAccess:
    return onboarding_access(user=user, application=application_access(user=user, application=application))


def onboarding_access_get(*, user: User, application_id: int) -> OnboardingAccess:
    """The application with the user's onboarding access; a 404 when they may not see the application."""
    return onboarding_access(
        user=user, application=application_access_get(user=user, application_id=application_id)
    )
