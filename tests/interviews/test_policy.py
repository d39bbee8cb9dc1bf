"""The decision policy, table-driven: every HR × user outcome (4 × 4 recommendations, plus missing)."""

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from rekrut.interviews.policy import (
    Outcome,
    Place,
    Rec,
    Round,
    Rules,
    Situation,
    Verdict,
    hr_gate_block,
    recommend,
    verdict_of,
)

HR_STAGE, USER_STAGE, SUPERIOR_STAGE, DIRECTOR_STAGE, MEDICAL_STAGE = 3, 4, 6, 7, 8
MISSING = None
SN, N, Y, SY = Rec.STRONG_NO, Rec.NO, Rec.YES, Rec.STRONG_YES
P, H, R = Outcome.PROCEED, Outcome.HOLD, Outcome.REJECT


def situation(hr, user, *, place_user=Place.CURRENT, managerial=False, superior=MISSING, director=MISSING):
    rounds = [
        Round(HR_STAGE, "hr", False, Place.BEHIND, () if hr is MISSING else (hr,)),
        Round(USER_STAGE, "user", False, place_user, () if user is MISSING else (user,)),
        Round(SUPERIOR_STAGE, "superior", True, Place.AHEAD, () if superior is MISSING else (superior,)),
    ]
    if managerial:
        rounds.append(
            Round(DIRECTOR_STAGE, "director", True, Place.AHEAD, () if director is MISSING else (director,))
        )
    return Situation(rounds=tuple(rounds), is_managerial=managerial, next_stage_id=MEDICAL_STAGE)


# The default policy, HR (rows) × user (columns), at the user interview stage.
#            user: missing  strong no  no   yes  strong yes
DEFAULT_TABLE = {
    MISSING: (H, H, H, H, H),  # HR's scorecard is not in: wait for the gate
    SN: (R, R, R, R, R),  # the HR gate stops it; even a strong user yes cannot lift a strong no
    N: (R, R, R, R, H),  # a strong user yes weighs heavily: discuss instead of reject
    Y: (H, R, R, P, P),  # passing HR but failing the user stops it; the user decides
    SY: (H, R, R, P, P),
}
USER_COLUMNS = (MISSING, SN, N, Y, SY)
CASES = [
    pytest.param(hr, user, expected, id=f"hr={hr or 'missing'}-user={user or 'missing'}")
    for hr, row in DEFAULT_TABLE.items()
    for user, expected in zip(USER_COLUMNS, row, strict=True)
]


@pytest.mark.parametrize(("hr", "user", "expected"), CASES)
def test_default_policy_for_every_hr_and_user_outcome(hr, user, expected):
    advice = recommend(Rules(), situation(hr, user))
    assert advice.outcome == expected
    assert advice.reasons, "every recommendation says why"
    if expected == P:
        assert advice.to_stage_id == MEDICAL_STAGE
    else:
        assert advice.to_stage_id is None


@pytest.mark.parametrize(("hr", "user", "expected"), CASES)
def test_the_table_holds_at_the_evaluation_stage_too(hr, user, expected):
    assert recommend(Rules(), situation(hr, user, place_user=Place.BEHIND)).outcome == expected


def test_hr_no_stops_the_application_before_the_user_interview():
    advice = recommend(Rules(), situation(N, MISSING, place_user=Place.AHEAD))
    assert advice.outcome == R
    assert [r.code for r in advice.reasons] == ["hr_gate"]


def test_hr_yes_sends_the_candidate_on_to_the_user_interview():
    advice = recommend(Rules(), situation(Y, MISSING, place_user=Place.AHEAD))
    assert (advice.outcome, advice.to_stage_id, advice.to_round_type) == (P, USER_STAGE, "user")


def test_passing_hr_but_failing_the_user_stops_with_the_reason_in_words():
    advice = recommend(Rules(), situation(SY, N))
    assert advice.outcome == R
    assert advice.reasons[-1].code == "user_decides"
    with translation.override("en"):
        assert "The user's recommendation decides" in str(advice.reasons[-1])
        assert "(no)" in str(advice.reasons[-1])
    with translation.override("id"):
        assert str(advice.reasons[-1])  # renders in Bahasa Indonesia (or the English source) without error


def test_a_strong_user_yes_against_an_hr_no_asks_for_discussion():
    advice = recommend(Rules(), situation(N, SY))
    assert advice.outcome == H
    assert advice.reasons[-1].code == "hr_gate_discuss"


@pytest.mark.parametrize(
    ("weight", "hr", "expected"),
    [(0, N, R), (1, N, H), (2, N, P), (0, SN, R), (1, SN, R), (2, SN, H)],
)
def test_the_weight_of_a_strong_user_yes_is_configurable(weight, hr, expected):
    assert recommend(Rules(strong_user_yes_weight=weight), situation(hr, SY)).outcome == expected


@pytest.mark.parametrize(("user", "expected"), [(SN, R), (N, R), (Y, H), (SY, P), (MISSING, H)])
def test_without_the_hr_gate_an_hr_no_is_a_concern_not_a_stop(user, expected):
    advice = recommend(Rules(hr_is_gate=False), situation(N, user))
    assert advice.outcome == expected


@pytest.mark.parametrize(("user", "expected"), [(SN, H), (N, H), (Y, P)])
def test_when_the_user_does_not_decide_a_user_no_goes_to_discussion(user, expected):
    assert recommend(Rules(user_decides=False), situation(Y, user)).outcome == expected


def test_managerial_jobs_go_on_to_the_superior_then_the_director_interview():
    first = recommend(Rules(), situation(Y, Y, managerial=True, place_user=Place.BEHIND))
    assert (first.outcome, first.to_stage_id) == (P, SUPERIOR_STAGE)
    assert "managerial" in [r.code for r in first.reasons]
    second = recommend(Rules(), situation(Y, Y, managerial=True, superior=Y, place_user=Place.BEHIND))
    assert (second.outcome, second.to_stage_id) == (P, DIRECTOR_STAGE)
    last = recommend(Rules(), situation(Y, Y, managerial=True, superior=Y, director=SY))
    assert (last.outcome, last.to_stage_id) == (P, MEDICAL_STAGE)


def test_a_director_no_stops_a_managerial_application():
    advice = recommend(Rules(), situation(Y, SY, managerial=True, superior=Y, director=N))
    assert advice.outcome == R
    assert advice.reasons[-1].code == "confirm_no"


def test_non_managerial_jobs_skip_the_optional_superior_interview():
    advice = recommend(Rules(), situation(Y, Y))
    assert (advice.outcome, advice.to_stage_id) == (P, MEDICAL_STAGE)


def test_the_managerial_rule_can_be_switched_off():
    advice = recommend(
        Rules(managerial_requires_superior_and_director=False), situation(Y, Y, managerial=True)
    )
    assert (advice.outcome, advice.to_stage_id) == (P, MEDICAL_STAGE)


def test_pending_scorecards_hold_the_decision():
    rounds = (
        Round(HR_STAGE, "hr", False, Place.BEHIND, (Y,)),
        Round(USER_STAGE, "user", False, Place.CURRENT, (Y,), pending=1),
    )
    advice = recommend(Rules(), Situation(rounds, next_stage_id=MEDICAL_STAGE))
    assert advice.outcome == H
    with translation.override("en"):
        assert str(advice.reasons[-1]) == "1 scorecard of the user interview is not in yet."


def test_no_later_stage_means_hold():
    advice = recommend(Rules(), Situation(situation(Y, Y).rounds, next_stage_id=None))
    assert advice.outcome == H


@pytest.mark.parametrize(
    ("recs", "verdict"),
    [
        ((), None),
        ((Y,), Verdict.YES),
        ((SY, SY), Verdict.STRONG_YES),
        ((SY, Y), Verdict.YES),
        ((N, SN), Verdict.STRONG_NO),
        ((N,), Verdict.NO),
        ((Y, N), Verdict.SPLIT),
    ],
)
def test_a_rounds_verdict_from_several_interviewers(recs, verdict):
    assert verdict_of(recs) == verdict


def test_split_hr_panel_is_carried_by_a_strong_user_yes_only():
    split_hr = (
        Round(HR_STAGE, "hr", False, Place.BEHIND, (Y, N)),
        Round(USER_STAGE, "user", False, Place.CURRENT, (SY,)),
    )
    assert recommend(Rules(), Situation(split_hr, next_stage_id=MEDICAL_STAGE)).outcome == P
    plain = (split_hr[0], Round(USER_STAGE, "user", False, Place.CURRENT, (Y,)))
    assert recommend(Rules(), Situation(plain, next_stage_id=MEDICAL_STAGE)).outcome == H


# Properties over every policy setting.
RANK = {R: 0, H: 1, P: 2}
ORDER = [SN, N, Y, SY]
rules_strategy = st.builds(
    Rules,
    hr_is_gate=st.booleans(),
    user_decides=st.booleans(),
    strong_user_yes_weight=st.sampled_from([0, 1, 2]),
    managerial_requires_superior_and_director=st.booleans(),
)
rec_or_missing = st.sampled_from([MISSING, SN, N, Y, SY])


@given(rules=rules_strategy, hr=rec_or_missing, user=rec_or_missing, managerial=st.booleans())
def test_every_situation_gets_advice_with_reasons(rules, hr, user, managerial):
    advice = recommend(rules, situation(hr, user, managerial=managerial))
    assert advice.reasons
    assert (advice.outcome == P) == (advice.to_stage_id is not None)


@given(
    rules=rules_strategy, hr=st.sampled_from(ORDER), low=st.sampled_from(ORDER), high=st.sampled_from(ORDER)
)
def test_a_better_user_recommendation_never_worsens_the_advice(rules, hr, low, high):
    low, high = sorted([low, high], key=ORDER.index)
    worse = recommend(rules, situation(hr, low)).outcome
    better = recommend(rules, situation(hr, high)).outcome
    assert RANK[worse] <= RANK[better]


@given(
    rules=rules_strategy, user=st.sampled_from(ORDER), low=st.sampled_from(ORDER), high=st.sampled_from(ORDER)
)
def test_a_better_hr_recommendation_never_worsens_the_advice(rules, user, low, high):
    low, high = sorted([low, high], key=ORDER.index)
    assert (
        RANK[recommend(rules, situation(low, user)).outcome]
        <= RANK[recommend(rules, situation(high, user)).outcome]
    )


@given(rules=rules_strategy, hr=st.sampled_from([Y, SY]), user=st.sampled_from([SN, N]))
def test_when_the_user_decides_passing_hr_but_failing_the_user_never_proceeds(rules, hr, user):
    outcome = recommend(rules, situation(hr, user)).outcome
    assert outcome == (R if rules.user_decides else H)


@given(hr=st.sampled_from([SN, N]), user=st.sampled_from([MISSING, SN, N, Y]))
def test_with_the_hr_gate_a_failed_hr_interview_without_a_strong_user_yes_is_rejected(hr, user):
    assert recommend(Rules(hr_is_gate=True), situation(hr, user)).outcome == R


# The HR gate as the move service enforces it (interviews.guards): the same reading as the advice.
GATE_CODES = {"hr_gate", "hr_gate_discuss", "hr_split"}
panel = st.sampled_from([(SN,), (N,), (Y,), (SY,), (Y, N), (SY, SN)])


@given(rules=rules_strategy, hr=panel, user=st.sampled_from([(), (SN,), (N,), (Y,), (SY,), (Y, N)]))
def test_the_gate_blocks_exactly_when_the_advice_stops_at_the_hr_interview(rules, hr, user):
    rounds = (
        Round(HR_STAGE, "hr", False, Place.CURRENT, hr),
        Round(USER_STAGE, "user", False, Place.AHEAD if not user else Place.BEHIND, user),
    )
    advice = recommend(rules, Situation(rounds, next_stage_id=MEDICAL_STAGE))
    block = hr_gate_block(rules, verdict_of(hr), verdict_of(user))
    stopped_by_hr = advice.reasons[-1].code in GATE_CODES
    if rules.hr_is_gate:
        assert (block is not None) == stopped_by_hr
        assert block is None or block.code == advice.reasons[-1].code
    else:
        assert block is None


@pytest.mark.parametrize(
    ("gate", "hr", "user", "weight", "expected"),
    [
        (True, Verdict.NO, None, 1, "hr_gate"),
        (True, Verdict.STRONG_NO, None, 1, "hr_gate"),
        (True, Verdict.SPLIT, None, 1, "hr_split"),
        (True, Verdict.NO, Verdict.STRONG_YES, 1, "hr_gate_discuss"),
        (True, Verdict.NO, Verdict.STRONG_YES, 2, None),  # a decisive strong yes carries an HR "no"
        (True, Verdict.STRONG_NO, Verdict.STRONG_YES, 2, "hr_gate_discuss"),
        (True, Verdict.NO, Verdict.STRONG_YES, 0, "hr_gate"),
        (True, Verdict.YES, None, 1, None),
        (True, None, None, 1, None),  # no verdict yet: the round's scorecards block, not the gate
        (False, Verdict.STRONG_NO, None, 1, None),
        (False, Verdict.SPLIT, None, 1, None),
    ],
)
def test_the_hr_gate_block(gate, hr, user, weight, expected):
    block = hr_gate_block(Rules(hr_is_gate=gate, strong_user_yes_weight=weight), hr, user)
    assert (block.code if block else None) == expected
