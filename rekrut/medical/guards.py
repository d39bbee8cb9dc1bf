"""The exit rule of the medical check-up stage, answered for pipeline's `exit_blockers` hook.

Registered in MedicalConfig.ready(). Leaving the MCU stage forward needs the current check-up's recorded
conclusion (issue 9); a conclusion of "unfit" or "temporarily unfit" (D6) also holds the application there,
since an offer to someone the doctor found unfit for the job is HR's decision to take knowingly: HR may
override it with a reason, as every exit rule, and the history row keeps that reason.
One query for a whole board.
"""

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from rekrut.jobs.models import Job, StageKind
from rekrut.medical.models import CheckStatus, Conclusion, MedicalCheck
from rekrut.pipeline.guards import Blocker
from rekrut.pipeline.models import Application

NO_CHECK = "medical_not_planned"
NO_RESULT = "medical_no_result"
UNFIT = "medical_unfit"
TEMPORARILY_UNFIT = "medical_temporarily_unfit"

MESSAGES = {
    NO_CHECK: _("No medical check-up is planned yet: plan it and record its result."),
    NO_RESULT: _("The medical check-up's result has not been recorded yet."),
    UNFIT: _("The medical check-up concluded “unfit” for this job."),
    TEMPORARILY_UNFIT: _(
        "The medical check-up concluded “temporarily unfit”: plan a re-test when the doctor allows it."
    ),
}


def medical_exit_blockers(job: Job, applications: list[Application]) -> dict[int, list[Blocker]]:
    """Per application id in an MCU stage, why it cannot leave it forward yet (only blocked ones listed)."""
    if not applications:
        return {}
    current = MedicalCheck.objects.filter(application=OuterRef("pk"), is_current=True)
    rows = (
        Application.objects.filter(pk__in=[a.pk for a in applications], stage__kind=StageKind.MEDICAL)
        .annotate(
            check_status=Subquery(current.values("status")[:1]),
            check_conclusion=Subquery(current.values("conclusion")[:1]),
        )
        .values_list("pk", "check_status", "check_conclusion")
    )
    result: dict[int, list[Blocker]] = {}
    for application_id, status, conclusion in rows:
        if not status or status == CheckStatus.CANCELLED:
            code = NO_CHECK
        elif status != CheckStatus.DONE or not conclusion:
            code = NO_RESULT
        elif conclusion == Conclusion.UNFIT:
            code = UNFIT
        elif conclusion == Conclusion.TEMPORARILY_UNFIT:
            code = TEMPORARILY_UNFIT
        else:
            continue
        result[application_id] = [Blocker(code, MESSAGES[code])]
    return result
