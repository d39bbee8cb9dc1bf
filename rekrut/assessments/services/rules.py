"""A job's decision rules on assessment results (e.g. "psikotes 'not recommended' blocks moving to the user
interview"), kept by the job's HR owner; guards.py enforces them through pipeline's exit rules."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.assessments.models import AssessmentRule, AssessmentType, Outcome
from rekrut.core.errors import AccessDenied, DomainError
from rekrut.events.actions import action_register
from rekrut.events.services import audit_record
from rekrut.jobs.access import job_access
from rekrut.jobs.models import Job, StageKind

action_register("assessments.rule_added", _("Assessment rule added to a job"))
action_register("assessments.rule_removed", _("Assessment rule removed from a job"))


def _owner_only(actor: User, job: Job) -> None:
    if not job_access(user=actor, job=job).is_hr_owner:
        raise AccessDenied(_("Only the job's HR owner or an HR admin can change its assessment rules."))


@transaction.atomic
def assessment_rule_add(
    *, actor: User, job: Job, assessment_type: AssessmentType, blocking_outcome: str, stage_kind: str
) -> AssessmentRule:
    _owner_only(actor, job)
    if blocking_outcome not in (Outcome.FAILED, Outcome.BORDERLINE):
        raise DomainError(_("Choose the outcome that blocks: not passed, or borderline."), code="outcome")
    if stage_kind not in StageKind.values or stage_kind in (StageKind.APPLIED, StageKind.SCREENING):
        raise DomainError(_("Choose a stage after the assessments."), code="stage_kind")
    if not job.stages.filter(kind=stage_kind, is_active=True).exists():
        raise DomainError(_("This job has no stage of that kind in use."), code="no_such_stage")
    try:
        with transaction.atomic():
            rule = AssessmentRule.objects.create(
                job=job,
                assessment_type=assessment_type,
                blocking_outcome=blocking_outcome,
                stage_kind=stage_kind,
                created_by=actor,
            )
    except IntegrityError:
        raise DomainError(_("This job already has that rule."), code="rule_exists") from None
    audit_record(
        actor=actor,
        action="assessments.rule_added",
        subject=job,
        changes={"type": assessment_type.name_id, "outcome": blocking_outcome, "stage_kind": stage_kind},
    )
    return rule


@transaction.atomic
def assessment_rule_remove(*, actor: User, rule: AssessmentRule) -> None:
    _owner_only(actor, rule.job)
    audit_record(
        actor=actor,
        action="assessments.rule_removed",
        subject=rule.job,
        changes={
            "type": rule.assessment_type.name_id,
            "outcome": rule.blocking_outcome,
            "stage_kind": rule.stage_kind,
        },
    )
    rule.delete()
