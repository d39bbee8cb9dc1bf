"""The onboarding's exit rule, answered for pipeline's `exit_blockers` hook (registered in
OnboardingConfig.ready()): once an application's onboarding has started, the move that hires it (into the
job's last stage in use) waits until every required item is done. HR may override it with a reason, as
every exit rule; the hand-off from the onboarding page then still sends the record to payroll.
Two queries for a whole board.
"""

from django.db.models import Count
from django.utils.translation import ngettext_lazy

from rekrut.jobs.models import Job
from rekrut.onboarding.models import Task
from rekrut.pipeline.guards import Blocker
from rekrut.pipeline.models import Application
from rekrut.pipeline.transitions import StageRef, forward_targets, is_last

ITEMS_OPEN = "onboarding_items_open"
MESSAGE = ngettext_lazy(
    "%(count)d required onboarding item is not done yet.",
    "%(count)d required onboarding items are not done yet.",
    "count",
)


def onboarding_exit_blockers(job: Job, applications: list[Application]) -> dict[int, list[Blocker]]:
    if not applications:
        return {}
    open_items = dict(
        Task.objects.filter(
            onboarding__application_id__in=[a.pk for a in applications], is_required=True, done_at=None
        )
        .values("onboarding__application_id")
        .annotate(n=Count("pk"))
        .values_list("onboarding__application_id", "n")
    )
    if not open_items:
        return {}
    stages = [
        StageRef(s.pk, s.position, s.is_optional, s.is_active) for s in job.stages.filter(is_active=True)
    ]
    by_id = {s.id: s for s in stages}
    result: dict[int, list[Blocker]] = {}
    for application in applications:
        count = open_items.get(application.pk)
        current = by_id.get(application.stage_id)
        if not count or current is None:
            continue
        if any(is_last(stages, target) for target in forward_targets(stages, current)):
            result[application.pk] = [Blocker(ITEMS_OPEN, MESSAGE, {"count": count})]
    return result
