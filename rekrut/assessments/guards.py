"""The assessments' exit rules, answered for pipeline's `exit_blockers` hook (AssessmentsConfig.ready()).

- Leaving an assessment stage forward needs a result for every assessment still in progress there.
- A job's rule (AssessmentRule: type, outcome, stage kind) holds an application whose latest result of
  that type has the blocking outcome in the stage from which the job's stage of that kind is the next
  step (only optional stages between), so it cannot move into it or past it; earlier stages (the HR
  interview before the user interview) stay open.
HR may override either with a reason, like every exit rule; the history row keeps the reason.
Two queries for a whole board, whatever its size (four when the job has rules).
"""

from django.utils.translation import gettext_lazy as _

from rekrut.assessments.models import Assessment, AssessmentRule, AssessmentStatus, Outcome
from rekrut.jobs.models import Job, StageKind
from rekrut.pipeline.guards import Blocker
from rekrut.pipeline.models import Application
from rekrut.pipeline.transitions import ApplicationStatus

PENDING = "assessment_pending"
RULE = "assessment_rule"

PENDING_TEXT = _("%(type)s has no result yet: record it, or cancel the assessment.")
RULE_TEXT = _("%(type)s: “%(outcome)s”. This job's rule holds the application before “%(stage)s”.")

_OPEN = (AssessmentStatus.ASSIGNED, AssessmentStatus.INVITED, AssessmentStatus.SUBMITTED)


def assessment_exit_blockers(job: Job, applications: list[Application]) -> dict[int, list[Blocker]]:
    if not applications:
        return {}
    ids = [a.pk for a in applications]
    result: dict[int, list[Blocker]] = {}
    pending = (
        Assessment.objects.filter(
            application_id__in=ids, status__in=_OPEN, application__stage__kind=StageKind.ASSESSMENT
        )
        .select_related("assessment_type")
        .order_by("created_at", "pk")
    )
    for row in pending:
        result.setdefault(row.application_id, []).append(
            Blocker(PENDING, PENDING_TEXT, {"type": row.assessment_type.name})
        )
    rules = list(AssessmentRule.objects.filter(job=job).select_related("assessment_type"))
    if rules:
        for application_id, blocker in _rule_blockers(job, applications, rules):
            result.setdefault(application_id, []).append(blocker)
    return result


def _rule_blockers(
    job: Job, applications: list[Application], rules: list[AssessmentRule]
) -> list[tuple[int, Blocker]]:
    """Two more queries, only for a job with rules: its stages and the latest results of its cards."""
    stages = list(job.stages.filter(is_active=True))
    position = {stage.pk: stage.position for stage in stages}
    latest: dict[tuple[int, int], Assessment] = {}
    results = (
        Assessment.objects.filter(application_id__in=[a.pk for a in applications])
        .exclude(status=AssessmentStatus.CANCELLED)
        .exclude(outcome="")
        .order_by("created_at", "pk")
    )
    for row in results:
        latest[(row.application_id, row.assessment_type_id)] = row
    found: list[tuple[int, Blocker]] = []
    for application in applications:
        here = position.get(application.stage_id)
        for rule in rules:
            target = next((stage for stage in stages if stage.kind == rule.stage_kind), None)
            if target is None or here is None or here >= target.position:
                continue
            between = [s for s in stages if here < s.position < target.position]
            if any(not s.is_optional for s in between):
                continue  # a required stage comes first: the rule holds the application there
            result = latest.get((application.pk, rule.assessment_type_id))
            blocking = {rule.blocking_outcome}
            if rule.blocking_outcome == Outcome.BORDERLINE:
                blocking.add(Outcome.FAILED)  # a rule strict enough for "borderline" holds a failure too
            if result is not None and result.outcome in blocking:
                params = {
                    "type": rule.assessment_type.name,
                    "outcome": result.get_outcome_display(),
                    "stage": target.name,
                }
                found.append((application.pk, Blocker(RULE, RULE_TEXT, params)))
    return found


def rule_holds(application: Application) -> list[Blocker]:
    """The job's rules on results that hold this application now, for the evaluation page's advice: the
    same answer the move service gets, so the decider reads beside the scorecards what a move would meet."""
    if application.status != ApplicationStatus.ACTIVE:
        return []
    found = assessment_exit_blockers(application.job, [application]).get(application.pk, [])
    return [blocker for blocker in found if blocker.code == RULE]
