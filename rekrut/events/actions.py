"""The audit log's action codes and their labels. Rows store the code; pages show the label in the
viewer's language. A code is registered here before anything records it, so a typo fails loudly."""

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

ACTIONS: dict[str, StrOrPromise] = {
    "job.updated": _("Job edited"),
    "job.team_changed": _("Hiring team changed"),
    "job.stages_changed": _("Stages changed"),
    "decision_policy.changed": _("Decision policy changed"),
    "decision_policy.reset": _("Decision policy reset to the company default"),
    "cv.viewed": _("CV viewed"),
    "cv.downloaded": _("CV downloaded"),
    # The candidate themself, through the portal's single-use link: who opened their record, like staff views.
    "candidate.signed_in": _("Candidate signed in to the portal"),
}


def action_register(code: str, label: StrOrPromise) -> None:
    """For a higher app's own actions (offers, medical...): call it at import time of its services."""
    if ACTIONS.get(code, label) != label:
        raise ValueError(f"The audit action {code!r} is already registered with another label.")
    ACTIONS[code] = label


def action_label(code: str) -> StrOrPromise:
    return ACTIONS.get(code, code)


def action_choices() -> list[tuple[str, StrOrPromise]]:
    return sorted(ACTIONS.items(), key=lambda item: str(item[1]))
