"""The stage machine as pure rules: forward only, skipping only optional stages, last stage means hired;
HR's move back goes to the previous stage in use."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rekrut.pipeline.models import Application
from rekrut.pipeline.transitions import (
    Action,
    ApplicationStatus,
    MoveRefused,
    StageRef,
    back_target,
    forward_targets,
    move_back_check,
    move_check,
    status_after,
)

Status = ApplicationStatus  # shorter in the tables below


def pipeline(*optional_flags: bool, off: tuple[int, ...] = ()) -> list[StageRef]:
    return [StageRef(i + 1, i + 1, flag, (i + 1) not in off) for i, flag in enumerate(optional_flags)]


def test_next_required_stage_is_the_only_target():
    stages = pipeline(False, False, False)
    assert forward_targets(stages, stages[0]) == [stages[1]]


def test_optional_stages_can_be_skipped_up_to_the_next_required_one():
    stages = pipeline(False, True, True, False, False)
    assert forward_targets(stages, stages[0]) == [stages[1], stages[2], stages[3]]


def test_switched_off_stages_are_passed_over():
    stages = pipeline(False, False, False, off=(2,))
    assert forward_targets(stages, stages[0]) == [stages[2]]


def test_skipping_a_required_stage_is_refused():
    stages = pipeline(False, False, False)
    with pytest.raises(MoveRefused) as refused:
        move_check(stages, stages[0], stages[2], Status.ACTIVE)
    assert refused.value.code == "skips_required"


def test_moving_backward_is_refused():
    stages = pipeline(False, False, False)
    with pytest.raises(MoveRefused) as refused:
        move_check(stages, stages[2], stages[1], Status.ACTIVE)
    assert refused.value.code == "backward"


def test_reaching_the_last_stage_hires():
    stages = pipeline(False, False)
    assert move_check(stages, stages[0], stages[1], Status.ACTIVE) == Status.HIRED


@pytest.mark.parametrize("status", [Status.REJECTED, Status.WITHDRAWN, Status.HIRED])
def test_closed_applications_do_not_move(status):
    stages = pipeline(False, False, False)
    with pytest.raises(MoveRefused) as refused:
        move_check(stages, stages[0], stages[1], status)
    assert refused.value.code == "not_active"


@pytest.mark.parametrize(
    ("action", "before", "after"),
    [
        (Action.REJECT, Status.ACTIVE, Status.REJECTED),
        (Action.WITHDRAW, Status.ACTIVE, Status.WITHDRAWN),
        (Action.REOPEN, Status.REJECTED, Status.ACTIVE),
        (Action.REOPEN, Status.WITHDRAWN, Status.ACTIVE),
        (Action.MOVE_BACK, Status.ACTIVE, Status.ACTIVE),
        (Action.MOVE_BACK, Status.HIRED, Status.ACTIVE),
    ],
)
def test_status_changes(action, before, after):
    assert status_after(action, before) == after


@pytest.mark.parametrize(
    ("action", "before"),
    [
        (Action.REJECT, Status.REJECTED),
        (Action.REJECT, Status.HIRED),
        (Action.WITHDRAW, Status.WITHDRAWN),
        (Action.REOPEN, Status.ACTIVE),
        (Action.REOPEN, Status.HIRED),
        (Action.MOVE_BACK, Status.REJECTED),
        (Action.MOVE_BACK, Status.WITHDRAWN),
    ],
)
def test_illegal_status_changes_are_refused(action, before):
    with pytest.raises(MoveRefused):
        status_after(action, before)


stage_lists = st.lists(st.tuples(st.booleans(), st.booleans()), min_size=2, max_size=12).map(
    lambda flags: [StageRef(i + 1, i + 1, opt, on) for i, (opt, on) in enumerate(flags)]
)


@given(stages=stage_lists, data=st.data())
def test_every_allowed_move_goes_forward_and_skips_only_optional_active_stages(stages, data):
    active = [s for s in stages if s.is_active]
    if len(active) < 2:
        return
    current = data.draw(st.sampled_from(active))
    target = data.draw(st.sampled_from(stages))
    try:
        move_check(stages, current, target, Status.ACTIVE)
    except MoveRefused:
        allowed = False
    else:
        allowed = True
    skipped = [s for s in active if current.position < s.position < target.position]
    expected = target.is_active and target.position > current.position and all(s.is_optional for s in skipped)
    assert allowed == expected


@given(stages=stage_lists)
def test_a_path_of_next_stages_always_reaches_hired(stages):
    active = [s for s in stages if s.is_active]
    if len(active) < 2:
        return
    current, status = active[0], Status.ACTIVE
    for _ in range(len(stages)):
        if status == Status.HIRED:
            break
        target = forward_targets(stages, current)[-1]
        status = move_check(stages, current, target, status)
        current = target
    assert status == Status.HIRED


def test_the_status_values_are_defined_once_and_the_model_uses_them():
    assert Application._meta.get_field("status").choices == ApplicationStatus.choices
    assert Application._meta.get_field("status").default == ApplicationStatus.ACTIVE


def test_moving_back_goes_to_the_latest_earlier_stage_in_use_the_application_was_in():
    stages = pipeline(False, False, True, True, False, off=(4,))
    everywhere = {s.id for s in stages}
    assert back_target(stages, stages[4], everywhere) == stages[2]
    # It skipped the optional stage 3 on its way: back goes where it came from.
    assert back_target(stages, stages[4], {1, 2, 5}) == stages[1]
    assert move_back_check(stages, stages[1], Status.ACTIVE, everywhere) == stages[0]
    assert move_back_check(stages, stages[4], Status.HIRED, everywhere) == stages[2]


@pytest.mark.parametrize(
    ("current", "status", "code"),
    [(0, Status.ACTIVE, "first_stage"), (2, Status.REJECTED, "not_open"), (2, Status.WITHDRAWN, "not_open")],
)
def test_moving_back_is_refused_from_the_first_stage_and_for_closed_applications(current, status, code):
    stages = pipeline(False, False, False)
    with pytest.raises(MoveRefused) as refused:
        move_back_check(stages, stages[current], status, {1, 2, 3})
    assert refused.value.code == code


@given(stages=stage_lists, data=st.data())
def test_a_move_back_undoes_any_single_forward_move(stages, data):
    active = [s for s in stages if s.is_active]
    if len(active) < 2:
        return
    current = data.draw(st.sampled_from(active[:-1]))
    target = data.draw(st.sampled_from(forward_targets(stages, current)))
    # It has been in the stages in use up to `current` (optional ones perhaps not), then in `target`.
    visited = {s.id for s in active if s.position < current.position and data.draw(st.booleans())}
    assert move_back_check(stages, target, Status.ACTIVE, visited | {current.id, target.id}) == current
