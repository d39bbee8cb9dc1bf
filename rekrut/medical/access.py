"""Who may do what with an application's medical check-ups, decided once per lookup.

Seeing the application at all is pipeline's decision (pipeline.access: its job's hiring team and HR admins);
everyone who sees it reads the conclusion (D6). Planning, inviting and recording are HR's: the job's HR
owner or an HR admin. The note and the report are specific personal data (UU 27/2022 Ps 4, P2): only people
holding the explicit permission `medical.view_health_details` read or write them, whatever their role.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.accounts.specific_data import SpecificData, holds
from rekrut.events.actions import action_register
from rekrut.medical.models import PERMISSION
from rekrut.pipeline.access import ApplicationAccess, application_access_get
from rekrut.pipeline.models import Application

action_register("medical.access_granted", _("Access to health data granted"))
action_register("medical.access_revoked", _("Access to health data withdrawn"))

# Registered in MedicalConfig.ready(): HR admins grant it on accounts:specific_data. HR must see the
# conclusion only (D6), so HR admins do not hold it by being superusers.
HEALTH_DATA = SpecificData(
    key="health",
    permission=f"medical.{PERMISSION}",
    title=_("Who may see health data"),
    data=_("health data"),
    explanation=_(
        "Medical check-up notes and reports are specific personal data (UU 27/2022 Ps 4). HR and the hiring "
        "team see only the conclusion; the people listed here also see the note and the report of the "
        "applications they can open."
    ),
    granted_action="medical.access_granted",
    withdrawn_action="medical.access_revoked",
    opened_actions=("medical.details_viewed", "medical.report_downloaded", "medical.details_changed"),
)


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
    return MedicalAccess(application=application, sees_health_details=holds(user, HEALTH_DATA))


def medical_access_get(*, user: User, application_id: int) -> MedicalAccess:
    """The application with the user's MCU access; a 404 when they may not see the application."""
    return medical_access(
        user=user, application=application_access_get(user=user, application_id=application_id)
    )


def application_of(access: MedicalAccess) -> Application:
    return access.application.application
