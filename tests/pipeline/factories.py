"""Pipeline factories: an application, created and moved on through the real services."""

from rekrut.accounts.models import User
from rekrut.candidates.models import Candidate
from rekrut.pipeline import services as pipeline_services
from tests.accounts.factories import factory_hr_admin
from tests.candidates.factories import CandidateFactory

# Why application_make may carry an application past a stage's exit rules: the test starts there.
SET_UP_OVERRIDE = "Test set-up: the application starts in a later stage."


def application_make(
    *,
    job,
    actor: User | None = None,
    candidate: Candidate | None = None,
    stage_kind: str = "",
    **candidate_fields: object,
):
    """An application, moved stage by stage (through the service) until it reaches `stage_kind`.

    The stages it passes have exit rules (scorecards, the HR gate, the evaluation's decision) that a test's
    starting point has not met: the moves override them with a reason, as HR may, so `actor` must be HR.
    """
    actor = actor or factory_hr_admin()
    candidate = candidate or CandidateFactory(**candidate_fields)
    application = pipeline_services.application_create(actor=actor, candidate=candidate, job=job)
    if stage_kind:
        for stage in job.stages.filter(is_active=True).order_by("position")[1:]:
            if application.stage.kind == stage_kind:
                break
            if stage.is_optional and stage.kind != stage_kind:
                continue
            application = pipeline_services.application_move(
                application=application,
                to_stage=stage,
                actor=actor,
                expected_version=None,
                override=True,
                override_reason=SET_UP_OVERRIDE,
            )
    return application
