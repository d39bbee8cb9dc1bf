"""What the pipeline holds about a person, for "download my data" and erasure (UU PDP Ps 7, 43): their
applications and each one's history. Erasure keeps every application and transition (reports count them)
and removes only words that name the person or that the candidate wrote."""

from typing import Any

from rekrut.candidates.hooks import ERASED, Person
from rekrut.core.models import append_only_erase
from rekrut.pipeline.models import Application, Transition


def applications_collect(person: Person) -> tuple[str, Any]:
    applications = (
        Application.objects.filter(candidate_id__in=person.candidate_ids)
        .select_related("job", "stage")
        .prefetch_related("transitions__from_stage", "transitions__to_stage")
        .order_by("applied_at", "pk")
    )
    return (
        "applications",
        [
            {
                "job": application.job.title,
                "status": application.status,
                "status_text": str(application.get_status_display()),
                "stage": application.stage.name if application.stage is not None else None,
                "applied_at": application.applied_at.isoformat(),
                "history": [
                    {
                        "at": transition.at.isoformat(),
                        "what": str(transition.get_kind_display()),
                        "from_stage": transition.from_stage.name if transition.from_stage else None,
                        "to_stage": transition.to_stage.name if transition.to_stage else None,
                        "by_you": transition.by_candidate,
                        # The candidate's own words (a withdrawal's reason); the team's notes stay internal.
                        "your_note": transition.note if transition.by_candidate else "",
                    }
                    for transition in application.transitions.all()
                ],
            }
            for application in applications
        ],
    )


def applications_erase(person: Person) -> None:
    transitions = Transition.objects.filter(application__candidate_id__in=person.candidate_ids)
    # What the candidate wrote (a withdrawal's reason) goes whole.
    append_only_erase(transitions.filter(by_candidate=True).exclude(note=""), note=ERASED)
    for transition in transitions.only("pk", "note", "override_reason", "params"):
        fields = {
            "note": transition.note,
            "override_reason": transition.override_reason,
            "params": transition.params,
        }
        if person.mentioned_in(fields):
            append_only_erase(Transition.objects.filter(pk=transition.pk), **person.scrub(fields))  # type: ignore[arg-type]
