"""The allowed moves of an application, as data and pure functions (no queries).

Forward moves may skip only optional stages (PRODUCT.md: superior and director interviews are optional);
any active application can be rejected with a reason or withdrawn; HR can reopen a closed one, and move an
open one back to the stage it was in before, to undo a mistaken move. Reaching the last stage in use marks
the hire.

ApplicationStatus is defined here once: the model's field choices, the services, the selectors and the
apps above pipeline all use it.
"""

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _


class Action(StrEnum):
    MOVE = "move"
    MOVE_BACK = "move_back"
    REJECT = "reject"
    WITHDRAW = "withdraw"
    REOPEN = "reopen"


class ApplicationStatus(TextChoices):
    ACTIVE = "active", _("Active")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    HIRED = "hired", _("Hired")


# Applications still in the pipeline: the board shows them, and a hired one may still be moved back.
OPEN_STATUSES = (ApplicationStatus.ACTIVE, ApplicationStatus.HIRED)


@dataclass(frozen=True)
class StageRef:
    id: int
    position: int
    is_optional: bool
    is_active: bool


# (action, from status) -> status after the action
STATUS_AFTER: dict[tuple[Action, ApplicationStatus], ApplicationStatus] = {
    (Action.MOVE, ApplicationStatus.ACTIVE): ApplicationStatus.ACTIVE,
    # Undoing a mistaken move, also the one that marked the hire.
    (Action.MOVE_BACK, ApplicationStatus.ACTIVE): ApplicationStatus.ACTIVE,
    (Action.MOVE_BACK, ApplicationStatus.HIRED): ApplicationStatus.ACTIVE,
    (Action.REJECT, ApplicationStatus.ACTIVE): ApplicationStatus.REJECTED,
    (Action.WITHDRAW, ApplicationStatus.ACTIVE): ApplicationStatus.WITHDRAWN,
    (Action.REOPEN, ApplicationStatus.REJECTED): ApplicationStatus.ACTIVE,
    (Action.REOPEN, ApplicationStatus.WITHDRAWN): ApplicationStatus.ACTIVE,
}


class MoveRefused(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def status_after(action: Action, status: ApplicationStatus) -> ApplicationStatus:
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


def move_check(
    stages: list[StageRef], current: StageRef, target: StageRef, status: ApplicationStatus
) -> ApplicationStatus:
    """The status after moving to `target`; raises MoveRefused with the reason's code otherwise."""
    if status != ApplicationStatus.ACTIVE:
        raise MoveRefused("not_active")
    if target.id == current.id:
        raise MoveRefused("same_stage")
    if not target.is_active:
        raise MoveRefused("stage_off")
    if target.position < current.position:
        raise MoveRefused("backward")
    if target not in forward_targets(stages, current):
        raise MoveRefused("skips_required")
    return ApplicationStatus.HIRED if is_last(stages, target) else ApplicationStatus.ACTIVE


def is_last(stages: list[StageRef], stage: StageRef) -> bool:
    return stage.position == max(s.position for s in stages if s.is_active)


def back_target(stages: list[StageRef], current: StageRef, visited: Collection[int]) -> StageRef | None:
    """Where a move back leads: the latest earlier stage in use that the application has been in.

    Stages it skipped (optional ones) or that were switched on after it passed are not returned to: a move
    back undoes a move. None from the first stage.
    """
    behind = [s for s in stages if s.is_active and s.position < current.position and s.id in visited]
    return max(behind, key=lambda s: s.position) if behind else None


def move_back_check(
    stages: list[StageRef], current: StageRef, status: ApplicationStatus, visited: Collection[int]
) -> StageRef:
    """The stage an open application goes back to; raises MoveRefused with the reason's code otherwise."""
    if (Action.MOVE_BACK, status) not in STATUS_AFTER:
        raise MoveRefused("not_open")
    target = back_target(stages, current, visited)
    if target is None:
        raise MoveRefused("first_stage")
    return target
