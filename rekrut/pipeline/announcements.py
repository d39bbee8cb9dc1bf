"""What other systems are told about an application's history, through webhooks (see docs in the README,
"Webhooks"). Every history row is announced once: its key is the row's id."""

from rekrut.notifications.webhooks.services import webhooks_announce
from rekrut.pipeline.models import Transition, TransitionKind
from rekrut.pipeline.transitions import ApplicationStatus

_EVENT_OF_KIND = {
    TransitionKind.APPLIED: "application.created",
    TransitionKind.MOVED: "application.moved",
    TransitionKind.MOVED_BACK: "application.moved",
    TransitionKind.REOPENED: "application.moved",
    TransitionKind.REJECTED: "application.closed",
    TransitionKind.WITHDRAWN: "application.closed",
}


def transition_announce(transition: Transition) -> None:
    """Queues the webhooks of one history row in its transaction: they leave only if it commits."""
    data = transition_payload(transition)
    event = _EVENT_OF_KIND.get(TransitionKind(transition.kind))
    if event:
        webhooks_announce(event=event, key=f"transition-{transition.pk}", data=data)
    if transition.to_status == ApplicationStatus.HIRED and transition.from_status != ApplicationStatus.HIRED:
        webhooks_announce(event="application.hired", key=f"transition-{transition.pk}-hired", data=data)


def _stage(stage: object) -> dict[str, object] | None:
    if stage is None:
        return None
    return {"id": stage.pk, "kind": stage.kind, "name": stage.name_id}  # type: ignore[attr-defined]


def transition_payload(transition: Transition) -> dict[str, object]:
    application = transition.application
    return {
        "application": {
            "id": application.pk,
            "job": {"id": application.job_id, "title": application.job.title},
            "candidate": {"id": application.candidate_id, "full_name": application.candidate.full_name},
            "status": application.status,
        },
        "kind": transition.kind,
        "from_stage": _stage(transition.from_stage),
        "to_stage": _stage(transition.to_stage),
        "from_status": transition.from_status,
        "to_status": transition.to_status,
        "by_candidate": transition.by_candidate,
        "at": transition.at.isoformat(),
    }
