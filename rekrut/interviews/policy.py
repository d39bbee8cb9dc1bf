"""The decision policy as pure rules (no ORM): from the rounds' recommendations to a recommended next step.

PRODUCT.md, "Default decision policy": the HR interview is a gate; the user's recommendation is the main
determinant, so passing HR but not the user stops the application; a strong yes from the user weighs heavily
in HR's decision; managerial and strategic jobs go on to the superior and director interviews. The result is
advice with its reasons in words: a person decides, and the decision is recorded with its own reason.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy


class Rec(StrEnum):
    """One interviewer's overall recommendation."""

    STRONG_NO = "strong_no"
    NO = "no"
    YES = "yes"
    STRONG_YES = "strong_yes"


class Verdict(StrEnum):
    """A round's recommendation, all its submitted scorecards taken together."""

    STRONG_NO = "strong_no"
    NO = "no"
    YES = "yes"
    STRONG_YES = "strong_yes"
    SPLIT = "split"


class Outcome(StrEnum):
    PROCEED = "proceed"
    HOLD = "hold"
    REJECT = "reject"


class Place(StrEnum):
    """Where a round's stage is, seen from the application's current stage."""

    BEHIND = "behind"
    CURRENT = "current"
    AHEAD = "ahead"


HR, USER, SUPERIOR, DIRECTOR, CUSTOM = "hr", "user", "superior", "director", "custom"
PASSING = {Verdict.YES, Verdict.STRONG_YES}
FAILING = {Verdict.NO, Verdict.STRONG_NO}

ROUND_NAMES: dict[str, Promise] = {
    HR: _("HR interview"),
    USER: _("user interview"),
    SUPERIOR: _("superior interview"),
    DIRECTOR: _("director interview"),
    CUSTOM: _("other interview"),
}
VERDICT_NAMES: dict[str, Promise] = {
    Verdict.STRONG_NO: _("strong no"),
    Verdict.NO: _("no"),
    Verdict.YES: _("yes"),
    Verdict.STRONG_YES: _("strong yes"),
    Verdict.SPLIT: _("split"),
}

MESSAGES: dict[str, Promise] = {
    "waiting": ngettext_lazy(
        "%(count)d scorecard of the %(round)s is not in yet.",
        "%(count)d scorecards of the %(round)s are not in yet.",
        "count",
    ),
    "not_held": _("The %(round)s has no submitted scorecard yet."),
    "next_round": _("The %(round)s comes next."),
    "hr_passed": _("HR recommends the candidate (%(verdict)s)."),
    "hr_split": _("The HR interviewers disagree; talk it through before deciding."),
    "hr_split_carried": _(
        "The HR interviewers disagree, but the user's strong yes weighs heavily and carries the candidate."
    ),
    "hr_gate": _(
        "The HR interview is a gate and HR does not recommend the candidate (%(verdict)s), "
        "so the application stops here."
    ),
    "hr_gate_discuss": _(
        "HR does not recommend the candidate (%(verdict)s), but the user strongly recommends them. "
        "A strong yes from the user weighs heavily: HR and the user should talk it through before deciding."
    ),
    "hr_gate_carried": _(
        "HR does not recommend the candidate, but under this job's policy a strong yes from the user "
        "is decisive and carries them past the HR gate."
    ),
    "hr_concern": _(
        "HR does not recommend the candidate (%(verdict)s); under this job's policy the HR interview "
        "is not a gate, so the user's view counts."
    ),
    "user_decides": _(
        "The user does not recommend the candidate (%(verdict)s). The user's recommendation decides: "
        "passing HR is not enough, so the application stops here."
    ),
    "user_no_discuss": _(
        "The user does not recommend the candidate (%(verdict)s); under this job's policy that alone "
        "does not decide, so discuss it."
    ),
    "user_split": _("The user interviewers disagree; talk it through before deciding."),
    "user_passed": _("The user recommends the candidate."),
    "user_strong": _("The user strongly recommends the candidate, which weighs heavily."),
    "hr_user_disagree": _("HR and the user disagree; talk it through before deciding."),
    "managerial": _("This is a managerial or strategic position, so the %(round)s is required."),
    "confirm_passed": _("The %(round)s confirms the candidate (%(verdict)s)."),
    "confirm_no": _("The %(round)s does not confirm the candidate (%(verdict)s), so the application stops."),
    "confirm_split": _("The %(round)s interviewers disagree; talk it through before deciding."),
    "other_no": _("The %(round)s does not recommend the candidate (%(verdict)s); discuss it."),
    "all_passed": _("Every required interview recommends the candidate: go on to the next stage."),
    "no_next_stage": _("No later stage is in use for this job."),
}


@dataclass(frozen=True)
class Reason:
    """A reason in words, translated when shown: `str(reason)` in the active language."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        text = MESSAGES[self.code]
        return str(text % dict(self.params)) if self.params else str(text)


@dataclass(frozen=True)
class Rules:
    """The policy's switches (stored in DecisionPolicy: a company default and per-job overrides)."""

    hr_is_gate: bool = True
    user_decides: bool = True
    # 0: a plain yes; 1: heavy (an HR "no" goes to discussion); 2: decisive (carries an HR "no").
    strong_user_yes_weight: int = 1
    managerial_requires_superior_and_director: bool = True


@dataclass(frozen=True)
class Round:
    """One interview stage of the job, in pipeline order, and what its interviews produced so far."""

    stage_id: int
    round_type: str
    is_optional: bool
    place: Place
    recommendations: tuple[str, ...] = ()
    pending: int = 0  # scorecards assigned in held interviews and not yet submitted


@dataclass(frozen=True)
class Situation:
    rounds: tuple[Round, ...]
    is_managerial: bool = False
    # The first stage in use ahead that is neither an interview nor the evaluation (e.g. the medical).
    next_stage_id: int | None = None


@dataclass(frozen=True)
class Advice:
    outcome: Outcome
    to_stage_id: int | None = None
    to_round_type: str | None = None
    reasons: tuple[Reason, ...] = ()

    @property
    def text(self) -> list[str]:
        return [str(r) for r in self.reasons]


def verdict_of(recommendations: tuple[str, ...]) -> Verdict | None:
    """All yes: yes (strong only if all strong); all no: no (strong if any strong); mixed: split."""
    if not recommendations:
        return None
    recs = {Rec(r) for r in recommendations}
    if recs <= {Rec.YES, Rec.STRONG_YES}:
        return Verdict.STRONG_YES if recs == {Rec.STRONG_YES} else Verdict.YES
    if recs <= {Rec.NO, Rec.STRONG_NO}:
        return Verdict.STRONG_NO if Rec.STRONG_NO in recs else Verdict.NO
    return Verdict.SPLIT


class _Stop(Exception):
    def __init__(self, advice: Advice) -> None:
        self.advice = advice


def _reason(
    code: str, round_type: str | None = None, verdict: Verdict | None = None, **params: object
) -> Reason:
    if round_type is not None:
        params["round"] = ROUND_NAMES.get(round_type, ROUND_NAMES[CUSTOM])
    if verdict is not None:
        params["verdict"] = VERDICT_NAMES[verdict]
    return Reason(code, params)


@dataclass
class _Walk:
    rules: Rules
    situation: Situation
    reasons: list[Reason] = field(default_factory=list)
    hr_failed_without_gate: bool = False

    def stop(self, outcome: Outcome, reason: Reason, to: Round | None = None) -> _Stop:
        return _Stop(
            Advice(
                outcome=outcome,
                to_stage_id=to.stage_id if to else None,
                to_round_type=to.round_type if to else None,
                reasons=(*self.reasons, reason),
            )
        )

    def user_verdict(self) -> Verdict | None:
        user = next((r for r in self.situation.rounds if r.round_type == USER), None)
        return verdict_of(user.recommendations) if user else None

    def is_required(self, r: Round) -> bool:
        if not r.is_optional:
            return True
        return (
            self.situation.is_managerial
            and self.rules.managerial_requires_superior_and_director
            and r.round_type in {SUPERIOR, DIRECTOR}
        )

    def visit(self, r: Round) -> None:
        verdict = verdict_of(r.recommendations)
        if r.pending and not (r.place == Place.AHEAD and verdict is None):
            raise self.stop(Outcome.HOLD, _reason("waiting", r.round_type, count=r.pending))
        if verdict is None:
            if not self.is_required(r):
                return
            if r.place == Place.AHEAD:
                if r.is_optional:
                    self.reasons.append(_reason("managerial", r.round_type))
                raise self.stop(Outcome.PROCEED, _reason("next_round", r.round_type), to=r)
            raise self.stop(Outcome.HOLD, _reason("not_held", r.round_type))
        if r.round_type == HR:
            self.visit_hr(verdict)
        elif r.round_type == USER:
            self.visit_user(verdict)
        else:
            self.visit_confirming(r, verdict)

    def visit_hr(self, verdict: Verdict) -> None:
        user = self.user_verdict()
        weight = self.rules.strong_user_yes_weight
        if verdict in PASSING:
            self.reasons.append(_reason("hr_passed", verdict=verdict))
        elif verdict == Verdict.SPLIT:
            if user == Verdict.STRONG_YES and weight >= 1:
                self.reasons.append(_reason("hr_split_carried"))
            else:
                raise self.stop(Outcome.HOLD, _reason("hr_split"))
        elif not self.rules.hr_is_gate:
            self.hr_failed_without_gate = True
            self.reasons.append(_reason("hr_concern", verdict=verdict))
        elif user == Verdict.STRONG_YES and weight == 2 and verdict == Verdict.NO:
            self.reasons.append(_reason("hr_gate_carried"))
        elif user == Verdict.STRONG_YES and (weight == 2 or (weight == 1 and verdict == Verdict.NO)):
            raise self.stop(Outcome.HOLD, _reason("hr_gate_discuss", verdict=verdict))
        else:
            raise self.stop(Outcome.REJECT, _reason("hr_gate", verdict=verdict))

    def visit_user(self, verdict: Verdict) -> None:
        if verdict in FAILING:
            if self.rules.user_decides:
                raise self.stop(Outcome.REJECT, _reason("user_decides", verdict=verdict))
            raise self.stop(Outcome.HOLD, _reason("user_no_discuss", verdict=verdict))
        if verdict == Verdict.SPLIT:
            raise self.stop(Outcome.HOLD, _reason("user_split"))
        strong = verdict == Verdict.STRONG_YES and self.rules.strong_user_yes_weight >= 1
        if self.hr_failed_without_gate and not strong:
            raise self.stop(Outcome.HOLD, _reason("hr_user_disagree"))
        self.reasons.append(_reason("user_strong" if strong else "user_passed"))

    def visit_confirming(self, r: Round, verdict: Verdict) -> None:
        if verdict in PASSING:
            self.reasons.append(_reason("confirm_passed", r.round_type, verdict))
        elif verdict == Verdict.SPLIT:
            raise self.stop(Outcome.HOLD, _reason("confirm_split", r.round_type))
        elif r.round_type in {SUPERIOR, DIRECTOR}:
            raise self.stop(Outcome.REJECT, _reason("confirm_no", r.round_type, verdict))
        else:
            raise self.stop(Outcome.HOLD, _reason("other_no", r.round_type, verdict))


def hr_gate_block(rules: Rules, hr: Verdict | None, user: Verdict | None = None) -> Reason | None:
    """Why HR's verdict keeps the application from leaving the HR interview (None: it may go on).

    Only a gating policy blocks. It reads HR's verdict as recommend() does: a pass goes on; a split or a "no"
    holds or stops, unless the user's strong yes carries it as the policy's weight says. No verdict yet is
    not the gate's business (the round's scorecards are).
    """
    if not rules.hr_is_gate or hr is None or hr in PASSING:
        return None
    weight = rules.strong_user_yes_weight
    strong_user = user == Verdict.STRONG_YES
    if hr == Verdict.SPLIT:
        return None if strong_user and weight >= 1 else _reason("hr_split")
    if strong_user and weight == 2 and hr == Verdict.NO:
        return None
    if strong_user and (weight == 2 or (weight == 1 and hr == Verdict.NO)):
        return _reason("hr_gate_discuss", verdict=hr)
    return _reason("hr_gate", verdict=hr)


def recommend(rules: Rules, situation: Situation) -> Advice:
    """The recommended next step: proceed (to which stage), hold, or reject, with the reasons in words."""
    walk = _Walk(rules, situation)
    try:
        for r in situation.rounds:
            walk.visit(r)
    except _Stop as stop:
        return stop.advice
    if situation.next_stage_id is None:
        return Advice(Outcome.HOLD, reasons=(*walk.reasons, _reason("no_next_stage")))
    return Advice(
        Outcome.PROCEED, to_stage_id=situation.next_stage_id, reasons=(*walk.reasons, _reason("all_passed"))
    )
