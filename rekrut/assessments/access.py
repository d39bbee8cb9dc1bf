"""Who may do what with an application's assessments, decided once per lookup.

Seeing the application at all is pipeline's decision (its job's hiring team and HR admins); everyone who
sees it reads each assessment's result and short conclusion. Assigning, inviting, cancelling and recording
are HR's: the job's HR owner or an HR admin. The report and the assessor's note of a restricted type
(psikotes) are specific personal data (UU 27/2022 Ps 4, P2): only people holding the explicit permission
`assessments.view_assessment_reports` read them, whatever their role; superuser status is not enough.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.accounts.specific_data import SpecificData, holds
from rekrut.assessments.models import PERMISSION, Assessment
from rekrut.events.actions import action_register
from rekrut.pipeline.access import ApplicationAccess, application_access_get

action_register("assessments.access_granted", _("Access to assessment reports granted"))
action_register("assessments.access_revoked", _("Access to assessment reports withdrawn"))

# Registered in AssessmentsConfig.ready(); HR admins grant it on accounts:specific_data.
REPORTS_DATA = SpecificData(
    key="assessments",
    permission=f"assessments.{PERMISSION}",
    title=_("Who may see psychological test reports"),
    data=_("psychological test reports"),
    explanation=_(
        "Psikotes reports and the assessor's notes of other restricted assessments describe a person's mind "
        "and character: specific personal data (UU 27/2022 Ps 4). The hiring team sees only the result and "
        "its conclusion; the people listed here also read the report and the note of the applications they "
        "can open."
    ),
    granted_action="assessments.access_granted",
    withdrawn_action="assessments.access_revoked",
    opened_actions=(
        "assessments.report_viewed",
        "assessments.report_downloaded",
        "assessments.report_changed",
    ),
)


@dataclass(frozen=True)
class AssessmentAccess:
    application: ApplicationAccess
    sees_restricted: bool

    @property
    def can_manage(self) -> bool:
        """Assign, invite, cancel, record results: HR, on an open application."""
        return self.application.job.is_hr_owner and self.application.is_open

    def sees_report(self, assessment: Assessment) -> bool:
        """The report and the note: anyone on the team for an ordinary type; the permission for a restricted
        one."""
        return self.sees_restricted or not assessment.assessment_type.details_restricted

    def can_write_report(self, assessment: Assessment) -> bool:
        return self.can_manage and self.sees_report(assessment)


def assessment_access(*, user: User, application: ApplicationAccess) -> AssessmentAccess:
    return AssessmentAccess(application=application, sees_restricted=holds(user, REPORTS_DATA))


def assessment_access_get(*, user: User, application_id: int) -> AssessmentAccess:
    """The application with the user's access to its assessments; a 404 when they may not see it."""
    return assessment_access(
        user=user, application=application_access_get(user=user, application_id=application_id)
    )
