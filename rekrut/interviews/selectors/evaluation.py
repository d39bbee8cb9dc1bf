"""The internal evaluation of an application: every round's scorecards side by side, averages, where HR and
the user disagree, what is still missing, and the policy's recommended next step.

The page costs a fixed number of queries whatever the number of rounds, interviewers and attributes.
"""

from dataclasses import dataclass, field
from statistics import mean

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from rekrut.accounts.models import User
from rekrut.assessments.guards import rule_holds
from rekrut.interviews import policy
from rekrut.interviews.models import (
    DECIDING_KINDS,
    Attribute,
    Decision,
    DecisionPolicy,
    Interview,
    InterviewStatus,
    PlanRound,
    PlanRoundAttribute,
    RoundType,
    Scorecard,
    ScorecardQuestionNote,
    ScorecardRating,
    ScorecardStatus,
)
from rekrut.interviews.selectors.scorecards import salary_masked, sees_all_scorecards
from rekrut.jobs.models import Job, Stage
from rekrut.jobs.selectors import job_is_hr_owned_by
from rekrut.pipeline.guards import Blocker
from rekrut.pipeline.models import Application
from rekrut.pipeline.transitions import ApplicationStatus

# Attribute averages of HR and the user this far apart on a shared attribute are called out.
DISAGREEMENT_GAP = 1.5


def policy_row_for(*, job: Job) -> DecisionPolicy:
    """The job's own policy if it has one, else the company default; if even that row is missing, the
    product's default rules as an unsaved row (a selector never writes; decision_policy_set saves one)."""
    row = DecisionPolicy.objects.filter(job=job).first()
    if row is None:
        row = DecisionPolicy.objects.filter(job__isnull=True).first() or DecisionPolicy(job=None)
    return row


def rules_of(row: DecisionPolicy) -> policy.Rules:
    return policy.Rules(
        hr_is_gate=row.hr_is_gate,
        user_decides=row.user_decides,
        strong_user_yes_weight=row.strong_user_yes_weight,
        managerial_requires_superior_and_director=row.managerial_requires_superior_and_director,
    )


@dataclass
class Loaded:
    """Everything about one application's interviews, read once."""

    application: Application
    rounds: list[PlanRound]
    interviews: list[Interview]
    next_stage_id: int | None
    stages: dict[int, Stage]


def load(*, application: Application) -> Loaded:
    job = application.job
    stages = list(job.stages.filter(is_active=True).order_by("position"))
    rounds = list(
        PlanRound.objects.filter(job=job, stage__is_active=True)
        .select_related("stage")
        .prefetch_related(
            Prefetch(
                "round_attributes",
                queryset=PlanRoundAttribute.objects.select_related("attribute").order_by("position", "pk"),
            )
        )
        .order_by("stage__position")
    )
    interviews = list(
        Interview.objects.filter(application=application)
        .exclude(status=InterviewStatus.CANCELLED)
        .select_related("round")
        .prefetch_related(
            "interviewers",
            Prefetch(
                "scorecards",
                queryset=Scorecard.objects.select_related("interviewer").prefetch_related(
                    Prefetch("ratings", queryset=ScorecardRating.objects.select_related("attribute")),
                    Prefetch(
                        "question_notes", queryset=ScorecardQuestionNote.objects.select_related("question")
                    ),
                ),
            ),
        )
        .order_by("starts_at", "pk")
    )
    here = application.stage.position
    next_stage = next(
        (s for s in stages if s.position > here and s.kind not in DECIDING_KINDS),
        None,
    )
    return Loaded(
        application, rounds, interviews, next_stage.pk if next_stage else None, {s.pk: s for s in stages}
    )


def _submitted(interview: Interview) -> list[Scorecard]:
    return [s for s in interview.scorecards.all() if s.status == ScorecardStatus.SUBMITTED]


def _pending(interview: Interview) -> list[User]:
    done = {s.interviewer_id for s in _submitted(interview)}
    return [u for u in interview.interviewers.all() if u.pk not in done]


def situation_of(loaded: Loaded) -> policy.Situation:
    here = loaded.application.stage.position
    by_round: dict[int, list[Interview]] = {}
    for interview in loaded.interviews:
        by_round.setdefault(interview.round_id, []).append(interview)
    rounds = []
    for r in loaded.rounds:
        held = by_round.get(r.pk, [])
        position = r.stage.position
        place = (
            policy.Place.BEHIND
            if position < here
            else policy.Place.CURRENT
            if position == here
            else policy.Place.AHEAD
        )
        rounds.append(
            policy.Round(
                stage_id=r.stage_id,
                round_type=r.round_type,
                is_optional=r.stage.is_optional,
                place=place,
                recommendations=tuple(s.recommendation for i in held for s in _submitted(i)),
                pending=sum(len(_pending(i)) for i in held),
            )
        )
    return policy.Situation(
        rounds=tuple(rounds),
        is_managerial=loaded.application.job.is_managerial,
        next_stage_id=loaded.next_stage_id,
    )


@dataclass
class Missing:
    """Something required before a decision without override: a scorecard, or a round not yet held."""

    round: PlanRound
    interviewer: User | None = None
    interview: Interview | None = None

    def __str__(self) -> str:
        if self.interviewer is not None:
            return _("%(person)s's scorecard for the %(round)s") % {
                "person": self.interviewer,
                "round": self.round.name,
            }
        return _("the %(round)s has not been held") % {"round": self.round.name}


def missing_of(loaded: Loaded, rules: policy.Rules) -> list[Missing]:
    """Scorecards owed in held interviews, and required rounds up to the current stage never held."""
    here = loaded.application.stage.position
    missing: list[Missing] = []
    rounds_by_id = {r.pk: r for r in loaded.rounds}
    held_rounds = set()
    for interview in loaded.interviews:
        held_rounds.add(interview.round_id)
        plan_round = rounds_by_id.get(interview.round_id) or interview.round
        missing += [Missing(plan_round, person, interview) for person in _pending(interview)]
    for r in loaded.rounds:
        required = not r.stage.is_optional or (
            loaded.application.job.is_managerial
            and rules.managerial_requires_superior_and_director
            and r.round_type in {RoundType.SUPERIOR, RoundType.DIRECTOR}
        )
        if r.stage.position <= here and required and r.pk not in held_rounds:
            missing.append(Missing(r))
    return missing


@dataclass
class Column:
    round: PlanRound
    scorecard: Scorecard


@dataclass
class Row:
    attribute: Attribute
    cells: list[int | str | None]  # a rating, None (not assessed), or "" (not asked in that round)
    average: float | None


@dataclass
class RoundSummary:
    round: PlanRound
    columns: int
    average: float | None
    verdict: str | None
    pending: list[str] = field(default_factory=list)

    @property
    def verdict_label(self) -> str:
        return str(policy.VERDICT_NAMES[self.verdict]) if self.verdict else ""


@dataclass
class Evaluation:
    application: Application
    sees_all: bool
    columns: list[Column]
    rows: list[Row]
    rounds: list[RoundSummary]
    disagreements: list[str]
    advice: policy.Advice | None
    advice_stage: Stage | None
    missing: list[Missing]
    decisions: list[Decision]
    policy_row: DecisionPolicy
    can_decide: bool
    # A job's rule on assessment results holding the application (assessments.guards, the move's own check).
    assessment_holds: list[Blocker] = field(default_factory=list)


def _avg(values: list[int]) -> float | None:
    return round(mean(values), 2) if values else None


def evaluation_build(*, user: User, application: Application) -> Evaluation:
    loaded = load(application=application)
    sees_all = sees_all_scorecards(user=user, application=application)
    row = policy_row_for(job=application.job)
    rules = rules_of(row)
    columns = [
        Column(i.round, s)
        for r in loaded.rounds
        for i in loaded.interviews
        if i.round_id == r.pk
        for s in i.scorecards.all()
        if (s.status == ScorecardStatus.SUBMITTED and sees_all) or s.interviewer_id == user.pk
    ]
    salary_masked([c.scorecard for c in columns], user=user, application=application)
    attributes: dict[int, Attribute] = {}
    shown = {c.round.pk for c in columns}
    for r in loaded.rounds:
        if r.pk not in shown:
            continue
        for ra in r.round_attributes.all():
            attributes.setdefault(ra.attribute_id, ra.attribute)
    for column in columns:
        for rating in column.scorecard.ratings.all():
            attributes.setdefault(rating.attribute_id, rating.attribute)
    ratings = {
        (index, rating.attribute_id): rating.rating
        for index, c in enumerate(columns)
        for rating in c.scorecard.ratings.all()
    }
    rows = []
    for attribute_id, attribute in attributes.items():
        cells: list[int | str | None] = [ratings.get((i, attribute_id), "") for i in range(len(columns))]
        rows.append(Row(attribute, cells, _avg([v for v in cells if isinstance(v, int)])))
    summaries = _round_summaries(loaded, columns, sees_all)
    disagreements = _disagreements(columns) if sees_all else []
    missing = missing_of(loaded, rules)
    active = application.status == ApplicationStatus.ACTIVE
    advice = policy.recommend(rules, situation_of(loaded)) if sees_all and active else None
    decisions = (
        list(
            application.decisions.select_related(
                "decided_by", "to_stage", "from_stage", "reject_reason"
            ).order_by("at", "pk")
        )
        if sees_all
        else []
    )
    can_decide = (
        active
        and application.stage.kind in DECIDING_KINDS
        and job_is_hr_owned_by(user=user, job=application.job)
    )
    return Evaluation(
        application=application,
        sees_all=sees_all,
        columns=columns,
        rows=rows,
        rounds=summaries,
        disagreements=disagreements,
        advice=advice,
        advice_stage=loaded.stages.get(advice.to_stage_id) if advice and advice.to_stage_id else None,
        missing=missing,
        decisions=decisions,
        policy_row=row,
        can_decide=can_decide,
        assessment_holds=rule_holds(application) if advice is not None else [],
    )


def _round_summaries(loaded: Loaded, columns: list[Column], sees_all: bool) -> list[RoundSummary]:
    summaries = []
    for r in loaded.rounds:
        mine = [c for c in columns if c.round.pk == r.pk]
        values = [
            rating.rating for c in mine for rating in c.scorecard.ratings.all() if rating.rating is not None
        ]
        submitted = [
            c.scorecard.recommendation for c in mine if c.scorecard.status == ScorecardStatus.SUBMITTED
        ]
        verdict = policy.verdict_of(tuple(submitted)) if sees_all else None
        pending = [str(person) for i in loaded.interviews if i.round_id == r.pk for person in _pending(i)]
        summaries.append(RoundSummary(r, len(mine), _avg(values), verdict, pending))
    return summaries


def _disagreements(columns: list[Column]) -> list[str]:
    """Plain statements wherever HR and the user disagree: on the recommendation, or on a shared attribute."""
    by_type: dict[str, list[Scorecard]] = {RoundType.HR: [], RoundType.USER: []}
    for c in columns:
        if c.round.round_type in by_type and c.scorecard.status == ScorecardStatus.SUBMITTED:
            by_type[c.round.round_type].append(c.scorecard)
    hr, user = by_type[RoundType.HR], by_type[RoundType.USER]
    if not hr or not user:
        return []
    statements = []
    hr_verdict = policy.verdict_of(tuple(s.recommendation for s in hr))
    user_verdict = policy.verdict_of(tuple(s.recommendation for s in user))
    hr_pass, user_pass = hr_verdict in policy.PASSING, user_verdict in policy.PASSING
    if hr_verdict != policy.Verdict.SPLIT and user_verdict != policy.Verdict.SPLIT and hr_pass != user_pass:
        statements.append(
            _("HR says %(hr)s, but the user says %(user)s.")
            % {
                "hr": policy.VERDICT_NAMES[hr_verdict] if hr_verdict else "—",
                "user": policy.VERDICT_NAMES[user_verdict] if user_verdict else "—",
            }
        )

    def averages(scorecards: list[Scorecard]) -> dict[int, tuple[Attribute, float]]:
        values: dict[int, list[int]] = {}
        names: dict[int, Attribute] = {}
        for s in scorecards:
            for rating in s.ratings.all():
                if rating.rating is not None:
                    values.setdefault(rating.attribute_id, []).append(rating.rating)
                    names[rating.attribute_id] = rating.attribute
        return {k: (names[k], mean(v)) for k, v in values.items()}

    hr_avg, user_avg = averages(hr), averages(user)
    for attribute_id in hr_avg.keys() & user_avg.keys():
        attribute, hr_value = hr_avg[attribute_id]
        user_value = user_avg[attribute_id][1]
        if abs(hr_value - user_value) >= DISAGREEMENT_GAP:
            statements.append(
                _("On %(attribute)s, HR rated %(hr).1f and the user %(user).1f.")
                % {"attribute": attribute.name, "hr": hr_value, "user": user_value}
            )
    return statements


def advice_for(*, application: Application) -> tuple[policy.Advice, list[Missing], DecisionPolicy]:
    """The policy's advice and what is missing, for the decision service (no viewer: it sees everything)."""
    loaded = load(application=application)
    row = policy_row_for(job=application.job)
    rules = rules_of(row)
    return policy.recommend(rules, situation_of(loaded)), missing_of(loaded, rules), row
