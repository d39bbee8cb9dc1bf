"""The allowed moves of an application, as data and pure functions (no ORM).

Forward moves may skip only optional stages (PRODUCT.md: superior and director interviews are optional);
any active application can be rejected with a reason or withdrawn; HR can reopen a closed one.
Reaching the last stage in use marks the hire.
"""

from dataclasses import dataclass
from enum import StrEnum


class Action(StrEnum):
    MOVE = "move"
    REJECT = "reject"
    WITHDRAW = "withdraw"
    REOPEN = "reopen"


class Status(StrEnum):
    ACTIVE = "active"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    HIRED = "hired"


@dataclass(frozen=True)
class StageRef:
    id: int
    position: int
    is_optional: bool
    is_active: bool


# (action, from status) -> status after the action
STATUS_AFTER: dict[tuple[Action, Status], Status] = {
    (Action.MOVE, Status.ACTIVE): Status.ACTIVE,
    (Action.REJECT, Status.ACTIVE): Status.REJECTED,
    (Action.WITHDRAW, Status.ACTIVE): Status.WITHDRAWN,
    (Action.REOPEN, Status.REJECTED): Status.ACTIVE,
    (Action.REOPEN, Status.WITHDRAWN): Status.ACTIVE,
}


class MoveRefused(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def status_after(action: Action, status: Status) -> Status:
    try:
        return STATUS_AFTER[(action, status)]
    except KeyError:
        raise MoveRefused(f"{action}_from_{status}") from None


def forward_targets(stages: list[StageRef], current: StageRef) -> list[StageRef]:
    """Stages reachable from `current`: the next active one, then more while the ones passed are optional."""
    ahead = sorted(
        (s for s in stages if s.is_active and s.position > current.position), key=lambda s: s.position
    )
    targets = []
    for stage in ahead:
        targets.append(stage)
        if not stage.is_optional:
            break
    return targets


def move_check(stages: list[StageRef], current: StageRef, target: StageRef, status: Status) -> Status:
    """The status after moving to `target`; raises MoveRefused with the reason's code otherwise."""
    if status != Status.ACTIVE:
        raise MoveRefused("not_active")
    if target.id == current.id:
        raise MoveRefused("same_stage")
    if not target.is_active:
        raise MoveRefused("stage_off")
    if target.position < current.position:
        raise MoveRefused("backward")
    if target not in forward_targets(stages, current):
        raise MoveRefused("skips_required")
    return Status.HIRED if is_last(stages, target) else Status.ACTIVE


def is_last(stages: list[StageRef], stage: StageRef) -> bool:
    return stage.position == max(s.position for s in stages if s.is_active)
