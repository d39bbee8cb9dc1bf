"""Where an application stands, in the candidate's words: the step and what comes next, written per stage
kind and never from HR's own names, notes, scores or reasons (those are internal)."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from rekrut.jobs.models import StageKind
from rekrut.pipeline.transitions import ApplicationStatus


@dataclass(frozen=True)
class Standing:
    step: str | Promise  # where the application is
    next: str | Promise  # what happens next, and who acts
    tone: str = "active"  # for the badge: active, done, stopped


# One entry per stage kind. A stage HR renamed ("Tes Psikologi") keeps its kind, and the candidate reads
# the kind's words: the same meaning whatever the job calls its stages.
STEPS: dict[str, Standing] = {
    StageKind.APPLIED: Standing(
        _("Application received"),
        _("The recruitment team will read your application. You do not need to send it again."),
    ),
    StageKind.SCREENING: Standing(
        _("Your CV is being reviewed"),
        _(
            "The recruitment team is comparing your CV with the job's requirements. We will "
            "e-mail you about the next step."
        ),
    ),
    StageKind.ASSESSMENT: Standing(
        _("Tests and assessments"),
        _(
            "You are invited to one or more tests (for example a psychological test or a case study). "
            "Each invitation comes by e-mail and is listed below."
        ),
    ),
    StageKind.HR_INTERVIEW: Standing(
        _("HR interview"),
        _(
            "You are invited to an interview with the HR team. The invitation, or a link to "
            "choose a time, comes by e-mail."
        ),
    ),
    StageKind.USER_INTERVIEW: Standing(
        _("Interview with the future manager"),
        _(
            "The person you would work for wants to talk about the work itself. Watch for the "
            "invitation by e-mail."
        ),
    ),
    StageKind.SUPERIOR_INTERVIEW: Standing(
        _("Interview with the department head"),
        _("A further conversation with the head of the department. The invitation comes by e-mail."),
    ),
    StageKind.DIRECTOR_INTERVIEW: Standing(
        _("Interview with the management"),
        _("A conversation with the company's management. The invitation comes by e-mail."),
    ),
    StageKind.OTHER_INTERVIEW: Standing(
        _("Further interview"),
        _("Another interview is planned. The invitation comes by e-mail."),
    ),
    StageKind.EVALUATION: Standing(
        _("Your interviews are being evaluated"),
        _("The team is weighing your interviews. We will let you know the outcome by e-mail."),
    ),
    StageKind.MEDICAL: Standing(
        _("Medical check-up"),
        _(
            "You are invited to a medical check-up at a clinic. The invitation with the place and "
            "time comes by e-mail."
        ),
    ),
    StageKind.OFFER: Standing(
        _("Job offer"),
        _(
            "An offer is being prepared or has been sent to you. When it is sent, you can read "
            "and answer it here."
        ),
    ),
    StageKind.CONTRACT: Standing(
        _("Employment contract"),
        _("Your employment contract is being prepared for signing. We will contact you about it."),
    ),
    StageKind.ONBOARDING: Standing(
        _("Preparing your first day"),
        _("Welcome aboard. We are preparing your first working day; send the documents we ask for."),
        "done",
    ),
}

UNKNOWN_STEP = Standing(_("In progress"), _("We will e-mail you about the next step."))

# A stopped application says so plainly and kindly; the reason stays with HR.
ENDED: dict[str, Standing] = {
    ApplicationStatus.REJECTED: Standing(
        _("Not continued"),
        _(
            "Thank you for your interest. This application will not go further; you are welcome "
            "to apply for other jobs."
        ),
        "stopped",
    ),
    ApplicationStatus.WITHDRAWN: Standing(
        _("Withdrawn"),
        _("You withdrew this application. To be considered again, apply again or contact us."),
        "stopped",
    ),
    ApplicationStatus.HIRED: Standing(
        _("Hired"),
        _("Congratulations: you have been hired. We will contact you about your first day."),
        "done",
    ),
}


def standing_of(*, status: str, stage_kind: str) -> Standing:
    """The words for an application in `status` at a stage of `stage_kind`."""
    if status in ENDED:
        # A hired person still onboarding sees the onboarding step (documents to send), not just "hired".
        if status == ApplicationStatus.HIRED and stage_kind == StageKind.ONBOARDING:
            return STEPS[StageKind.ONBOARDING]
        return ENDED[status]
    return STEPS.get(stage_kind, UNKNOWN_STEP)
