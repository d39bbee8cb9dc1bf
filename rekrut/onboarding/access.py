"""Who may do what with an application's onboarding, decided once per lookup.

Seeing the application at all is pipeline's decision (its job's hiring team and HR admins); everyone who
sees it reads the checklist, with NIK and NPWP masked. Starting, sending the link and handing off are HR's
(the job's HR owner or an HR admin). An item is ticked by HR, or by the hiring manager when it is theirs.
Bank account, salary and the full numbers are specific personal data (UU 27/2022 Ps 4, P2): only people
holding the explicit permission `onboarding.view_financial_details` read or export them, whatever their role.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Permission
from django.db.models import Q

from rekrut.accounts.models import User
from rekrut.jobs.models import TeamRole
from rekrut.onboarding.models import PERMISSION, ItemOwner, Task
from rekrut.pipeline.access import ApplicationAccess, application_access, application_access_get
from rekrut.pipeline.models import Application
from rekrut.pipeline.transitions import OPEN_STATUSES


def financial_permission() -> Permission:
    return Permission.objects.get(codename=PERMISSION, content_type__app_label="onboarding")


def holds_financial_permission(user: User) -> bool:
    """Held by the person themselves or through a group. Not `user.has_perm`: that says yes to every
    superuser, and HR admins are superusers (Settings), while the permission is granted one by one (P2)."""
    if not user.pk or not user.is_active:
        return False
    return Permission.objects.filter(
        Q(user=user) | Q(group__user=user), codename=PERMISSION, content_type__app_label="onboarding"
    ).exists()


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
    return OnboardingAccess(application=application, sees_financial_details=holds_financial_permission(user))


def onboarding_access_for(*, user: User, application: Application) -> OnboardingAccess:
    return onboarding_access(user=user, application=application_access(user=user, application=application))


def onboarding_access_get(*, user: User, application_id: int) -> OnboardingAccess:
    """The application with the user's onboarding access; a 404 when they may not see the application."""
    return onboarding_access(
        user=user, application=application_access_get(user=user, application_id=application_id)
    )
