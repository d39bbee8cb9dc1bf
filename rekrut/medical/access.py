"""Who may do what with an application's medical check-ups, decided once per lookup.

Seeing the application at all is pipeline's decision (pipeline.access: its job's hiring team and HR admins);
everyone who sees it reads the conclusion (D6). Planning, inviting and recording are HR's: the job's HR
owner or an HR admin. The note and the report are specific personal data (UU 27/2022 Ps 4, P2): only people
holding the explicit permission `medical.view_health_details` read or write them, whatever their role.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Permission
from django.db.models import Q

from rekrut.accounts.models import User
from rekrut.medical.models import PERMISSION
from rekrut.pipeline.access import ApplicationAccess, application_access_get
from rekrut.pipeline.models import Application


def health_permission() -> Permission:
    return Permission.objects.get(codename=PERMISSION, content_type__app_label="medical")


def holds_health_permission(user: User) -> bool:
    """Held by the person themselves or through a group. Not `user.has_perm`: that says yes to every
    superuser, and HR admins are superusers (Settings), while HR must see the conclusion only (D6)."""
    if not user.pk or not user.is_active:
        return False
    return Permission.objects.filter(
        Q(user=user) | Q(group__user=user), codename=PERMISSION, content_type__app_label="medical"
    ).exists()


@dataclass(frozen=True)
class MedicalAccess:
    application: ApplicationAccess
    sees_health_details: bool

    @property
    def can_manage(self) -> bool:
        """Plan, move, cancel, invite, record the conclusion: HR, on an open application."""
        return self.application.job.is_hr_owner and self.application.is_open

    @property
    def can_write_details(self) -> bool:
        return self.can_manage and self.sees_health_details


def medical_access(*, user: User, application: ApplicationAccess) -> MedicalAccess:
    return MedicalAccess(application=application, sees_health_details=holds_health_permission(user))


def medical_access_get(*, user: User, application_id: int) -> MedicalAccess:
    """The application with the user's MCU access; a 404 when they may not see the application."""
    return medical_access(
        user=user, application=application_access_get(user=user, application_id=application_id)
    )


def application_of(access: MedicalAccess) -> Application:
    return access.application.application
