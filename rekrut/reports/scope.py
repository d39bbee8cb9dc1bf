"""Who may see reports, and over which jobs: decided once per request, here, and nowhere else.

Every figure of every report is computed over `ReportScope.jobs`: HR admins see the whole company; anyone
else (recruiters, hiring managers, directors) the jobs whose hiring team they are on, the same rule as the
jobs list (jobs.selectors.jobs_visible_to). Interviewers see no reports: their work is their own
scorecards, and the reports compare people they interview with.
"""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import Role, User
from rekrut.core.errors import AccessDenied
from rekrut.jobs.models import Job
from rekrut.jobs.selectors import jobs_visible_to


class ReportsRefused(AccessDenied):
    code = "reports_refused"


@dataclass(frozen=True)
class ReportScope:
    user: User
    company_wide: bool

    def jobs(self) -> QuerySet[Job]:
        """The jobs this viewer's figures are computed over (a query, used as a subquery)."""
        if self.company_wide:
            return Job.objects.all()
        return Job.objects.filter(pk__in=jobs_visible_to(user=self.user).values("pk"))

    @property
    def may_set_targets(self) -> bool:
        return self.user.is_hr_admin


def may_see_reports(user: User) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role != Role.INTERVIEWER)


def report_scope(*, user: User) -> ReportScope:
    """The viewer's scope; ReportsRefused (a 403 with its own page) for interviewers."""
    if not may_see_reports(user):
        raise ReportsRefused(
            _(
                "Reports are for HR, hiring managers and directors. As an interviewer you find your "
                "interviews and scorecards under Interviews."
            )
        )
    return ReportScope(user=user, company_wide=user.is_hr_admin)
