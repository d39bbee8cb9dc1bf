"""What must be true before an application may leave its stage forward, asked of the apps above pipeline.

The rules live with the data they read (interviews: scorecards, the HR gate, the evaluation decision), so
pipeline declares the `exit_blockers` hook and interviews registers its receiver in its AppConfig.ready().
The move service refuses a blocked move unless HR overrides it with a reason; the board asks the same
question for all its cards at once (pipeline.selectors.move_blocks), so both always agree.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.utils.functional import Promise

from rekrut.core.hooks import Hook
from rekrut.jobs.models import Job
from rekrut.pipeline.models import Application
from rekrut.pipeline.transitions import ApplicationStatus


@dataclass(frozen=True)
class Blocker:
    """One reason an application cannot leave its stage yet, in words a recruiter understands.

    `str(blocker)` renders it in the active language; `code` is stable for programs (the API, tests).
    """

    code: str
    text: str | Promise
    params: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        # The lazy text picks its plural form from the params (ngettext_lazy), so it is formatted first.
        return str(self.text % dict(self.params)) if self.params else str(self.text)


ExitBlockers = Mapping[int, list[Blocker]]

exit_blockers: Hook[[Job, list[Application]], ExitBlockers] = Hook(
    "pipeline.exit_blockers",
    doc="""Receivers take a job and a list of its active applications and return, per application id,
    the reasons its current stage cannot be left forward (ids with no reason may be left out). They must
    answer for the whole list in a bounded number of queries, and read only pk, status and stage_id of
    each application (the board loads no more).""",
)


def blockers_of(*, job: Job, applications: list[Application]) -> dict[int, list[Blocker]]:
    """Every receiver's reasons per application id; closed applications are never blocked (no move)."""
    result: dict[int, list[Blocker]] = {a.pk: [] for a in applications}
    active = [a for a in applications if a.status == ApplicationStatus.ACTIVE]
    if not active:
        return result
    for answer in exit_blockers.run(job, active):
        for application_id, blockers in answer.items():
            if application_id in result:
                result[application_id].extend(blockers)
    return result
