"""The exit rules of the interview and evaluation stages, answered for pipeline's `exit_blockers` hook.

Registered in InterviewsConfig.ready(). Per the job's decision policy (its own, or the company default):
- leaving an interview stage needs its round's scorecards: every scorecard assigned in its interviews
  submitted, and at least one;
- under a gating policy, leaving the HR interview needs HR's verdict to pass (policy.hr_gate_block: a strong
  yes from the user can carry it, as the policy's weight says);
- leaving the internal evaluation needs a recorded decision to go on, taken there (or taken at an earlier
  interview stage and passing through it: that decision is the evaluation).
A whole board is answered in at most seven queries, whatever the number of applications.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from rekrut.accounts.models import User
from rekrut.interviews import policy
from rekrut.interviews.models import (
    INTERVIEW_KINDS,
    Decision,
    DecisionOutcome,
    Interview,
    InterviewStatus,
    Scorecard,
    ScorecardStatus,
)
from rekrut.interviews.selectors.evaluation import policy_row_for, rules_of
from rekrut.jobs.models import Job, Stage, StageKind
from rekrut.pipeline.guards import Blocker
from rekrut.pipeline.models import Application

SCORECARDS_PENDING = "scorecards_pending"
NO_SCORECARD = "no_scorecard"
EVALUATION_UNDECIDED = "evaluation_undecided"

MESSAGES = {
    SCORECARDS_PENDING: ngettext_lazy(
        "%(count)d scorecard of the “%(stage)s” round is not in yet (%(people)s).",
        "%(count)d scorecards of the “%(stage)s” round are not in yet (%(people)s).",
        "count",
    ),
    NO_SCORECARD: _("No scorecard of the “%(stage)s” round has been submitted yet."),
    EVALUATION_UNDECIDED: _(
        "The decision to go on has not been recorded yet: record it on the evaluation page."
    ),
}


@dataclass
class _Round:
    """What the interviews of one application at one stage produced."""

    submitted: list[str] = field(default_factory=list)  # recommendations
    pending: list[User] = field(default_factory=list)


def stage_exit_blockers(job: Job, applications: list[Application]) -> dict[int, list[Blocker]]:
    """Per application id, why it cannot leave its current stage forward yet (only blocked ones listed)."""
    stages = {s.pk: s for s in job.stages.all()}
    interviewing = [a for a in applications if stages[a.stage_id].kind in INTERVIEW_KINDS]
    evaluating = [a for a in applications if stages[a.stage_id].kind == StageKind.EVALUATION]
    result: dict[int, list[Blocker]] = {}
    if interviewing:
        rounds = _rounds_of(interviewing)
        rules = rules_of(policy_row_for(job=job))
        for application in interviewing:
            stage = stages[application.stage_id]
            blockers = _interview_blockers(stage, rounds.get((application.pk, stage.pk), _Round()))
            if stage.kind == StageKind.HR_INTERVIEW and not blockers:
                blockers = _gate_blockers(application, stage, stages, rounds, rules)
            if blockers:
                result[application.pk] = blockers
    if evaluating:
        decided = _decided_stages(evaluating, stages)
        for application in evaluating:
            if application.stage_id not in decided.get(application.pk, set()):
                result[application.pk] = [Blocker(EVALUATION_UNDECIDED, MESSAGES[EVALUATION_UNDECIDED])]
    return result


def _rounds_of(applications: list[Application]) -> dict[tuple[int, int], _Round]:
    """(application id, stage id) -> its interviews' submitted recommendations and owed scorecards."""
    # interview id -> (application id, stage id of its round)
    key_of = {
        pk: (application_id, stage_id)
        for pk, application_id, stage_id in Interview.objects.filter(
            application__in=[a.pk for a in applications]
        )
        .exclude(status=InterviewStatus.CANCELLED)
        .values_list("pk", "application_id", "round__stage_id")
    }
    if not key_of:
        return {}
    rounds: dict[tuple[int, int], _Round] = {}
    submitted_by: set[tuple[int, int]] = set()
    for interview_id, interviewer_id, recommendation in Scorecard.objects.filter(
        interview_id__in=key_of, status=ScorecardStatus.SUBMITTED
    ).values_list("interview_id", "interviewer_id", "recommendation"):
        rounds.setdefault(key_of[interview_id], _Round()).submitted.append(recommendation)
        submitted_by.add((interview_id, interviewer_id))
    assigned = Interview.interviewers.through.objects.filter(interview_id__in=key_of).select_related("user")
    for row in assigned.order_by("interview_id", "user__first_name", "user_id"):
        if (row.interview_id, row.user_id) not in submitted_by:
            rounds.setdefault(key_of[row.interview_id], _Round()).pending.append(row.user)
    return rounds


def _interview_blockers(stage: Stage, held: _Round) -> list[Blocker]:
    if held.pending:
        people = ", ".join(dict.fromkeys(str(person) for person in held.pending))
        params = {"count": len(held.pending), "stage": stage.name, "people": people}
        return [Blocker(SCORECARDS_PENDING, MESSAGES[SCORECARDS_PENDING], params)]
    if not held.submitted:
        return [Blocker(NO_SCORECARD, MESSAGES[NO_SCORECARD], {"stage": stage.name})]
    return []


def _gate_blockers(
    application: Application,
    stage: Stage,
    stages: dict[int, Stage],
    rounds: dict[tuple[int, int], _Round],
    rules: policy.Rules,
) -> list[Blocker]:
    hr = policy.verdict_of(tuple(rounds.get((application.pk, stage.pk), _Round()).submitted))
    user_recs = tuple(
        rec
        for (application_id, stage_id), held in rounds.items()
        if application_id == application.pk and stages[stage_id].kind == StageKind.USER_INTERVIEW
        for rec in held.submitted
    )
    reason = policy.hr_gate_block(rules, hr, policy.verdict_of(user_recs))
    if reason is None:
        return []
    return [Blocker(reason.code, policy.MESSAGES[reason.code], reason.params)]


def _decided_stages(applications: list[Application], stages: dict[int, Stage]) -> dict[int, set[int]]:
    """Application id -> the evaluation stages a recorded decision to go on covers."""
    evaluations = [s for s in stages.values() if s.kind == StageKind.EVALUATION]
    covered: dict[int, set[int]] = {}
    for application_id, from_id, to_id in Decision.objects.filter(
        application__in=[a.pk for a in applications], outcome=DecisionOutcome.PROCEED
    ).values_list("application_id", "from_stage_id", "to_stage_id"):
        start, end = stages[from_id].position, stages[to_id].position if to_id else -1
        for evaluation in evaluations:
            if evaluation.pk == from_id or start < evaluation.position < end:
                covered.setdefault(application_id, set()).add(evaluation.pk)
    return covered
