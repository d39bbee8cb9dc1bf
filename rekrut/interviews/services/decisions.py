"""Writes for the evaluation decision and the decision policy.

A decision is a person's (the job's HR owner or an HR admin), with its reason; the policy's advice is kept
beside it. It moves the application through pipeline.services, so the pipeline's rules and history apply.
"""

from typing import Any

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.core.errors import AccessDenied, DomainError, StaleEdit
from rekrut.interviews import policy
from rekrut.interviews.models import Decision, DecisionOutcome, DecisionPolicy, StrongYesWeight
from rekrut.interviews.selectors.evaluation import DECIDING_KINDS, advice_for, rules_of
from rekrut.jobs.models import Job, Stage, StageKind
from rekrut.jobs.selectors import job_is_hr_owned_by
from rekrut.pipeline import services as pipeline_services
from rekrut.pipeline import transitions
from rekrut.pipeline.models import Application, ApplicationStatus, RejectReason


def advice_snapshot(advice: policy.Advice, rules: policy.Rules) -> dict[str, Any]:
    """The advice as it read when the decision was taken, in both languages, for the record."""
    reasons = []
    for reason in advice.reasons:
        texts = {}
        for language in ("id", "en"):
            with translation.override(language):
                texts[language] = str(reason)
        reasons.append({"code": reason.code, **texts})
    return {
        "outcome": str(advice.outcome),
        "to_stage_id": advice.to_stage_id,
        "to_round_type": advice.to_round_type,
        "reasons": reasons,
        "rules": {
            "hr_is_gate": rules.hr_is_gate,
            "user_decides": rules.user_decides,
            "strong_user_yes_weight": rules.strong_user_yes_weight,
            "managerial_requires_superior_and_director": rules.managerial_requires_superior_and_director,
        },
    }


def _path_to(application: Application, to_stage: Stage, stages: list[Stage] | None = None) -> list[Stage]:
    """The moves that bring the application to `to_stage`. Only an evaluation stage may be passed on the way:
    this decision is that evaluation."""
    by_pk = {s.pk: s for s in (stages if stages is not None else application.job.stages.all())}
    refs = [transitions.StageRef(s.pk, s.position, s.is_optional, s.is_active) for s in by_pk.values()]
    by_id = {r.id: r for r in refs}
    current, path = by_id[application.stage_id], list[Stage]()
    while True:
        targets = transitions.forward_targets(refs, current)
        if by_id[to_stage.pk] in targets:
            return [*path, to_stage]
        if not targets or to_stage.position <= current.position:
            break
        step = by_pk[targets[-1].id]
        if step.kind != StageKind.EVALUATION:
            raise DomainError(
                _("The application must pass “%(stage)s” first.") % {"stage": step.name},
                code="skips_required",
            )
        path.append(step)
        current = targets[-1]
    raise DomainError(_("The application cannot move to that stage from where it is."), code="unreachable")


def decision_targets(*, application: Application) -> list[Stage]:
    """The stages a "proceed" decision can send the application to from where it is."""
    stages = list(application.job.stages.all())
    targets = []
    for stage in sorted(stages, key=lambda s: s.position):
        if not stage.is_active or stage.position <= application.stage.position:
            continue
        try:
            _path_to(application, stage, stages)
        except DomainError:
            continue
        targets.append(stage)
    return targets


@transaction.atomic
def decision_record(
    *,
    actor: User,
    application: Application,
    outcome: str,
    reason: str,
    expected_version: int | None,
    to_stage: Stage | None = None,
    reject_reason: RejectReason | None = None,
    override: bool = False,
    override_reason: str = "",
    notify_candidate: bool = True,
) -> Decision:
    """Records the evaluation decision and carries it out: proceed (move), hold (stay), or reject."""
    app = pipeline_services.application_lock(application)
    if not job_is_hr_owned_by(user=actor, job=app.job):
        raise AccessDenied(_("Only the job's HR owner or an HR admin can decide on an application."))
    if expected_version is not None and app.version != expected_version:
        raise StaleEdit(
            _("Someone else changed this application meanwhile. The page now shows its current state.")
        )
    if app.status != ApplicationStatus.ACTIVE:
        raise DomainError(_("This application is closed; reopen it first."), code="not_active")
    if app.stage.kind not in DECIDING_KINDS:
        raise DomainError(
            _("Decisions are taken at an interview or the internal evaluation stage."),
            code="not_deciding_stage",
        )
    if outcome not in DecisionOutcome.values:
        raise DomainError(_("Choose proceed, hold or reject."), code="outcome")
    if not reason.strip():
        raise DomainError(_("Say why: the decision is recorded with its reason."), code="reason_required")
    advice, missing, row = advice_for(application=app)
    if missing and not override:
        raise DomainError(
            _(
                "Not every required scorecard is in (missing: %(missing)s). Wait for them, or tick "
                "“decide now” and say why it cannot wait."
            )
            % {"missing": "; ".join(str(m) for m in missing)},
            code="scorecards_missing",
        )
    if override and not override_reason.strip():
        raise DomainError(_("Say why the decision cannot wait for every scorecard."), code="override_reason")
    path: list[Stage] = []
    if outcome == DecisionOutcome.PROCEED:
        if to_stage is None or to_stage.job_id != app.job_id:
            raise DomainError(_("Choose the stage the application goes on to."), code="to_stage")
        path = _path_to(app, to_stage)
    elif outcome == DecisionOutcome.REJECT:
        if reject_reason is None:
            raise DomainError(_("Choose a reason for the rejection."), code="reject_reason")
        to_stage = None
    else:
        to_stage = None
    decision = Decision.objects.create(
        application=app,
        decided_by=actor,
        outcome=outcome,
        from_stage=app.stage,
        to_stage=to_stage,
        reject_reason=reject_reason if outcome == DecisionOutcome.REJECT else None,
        reason=reason.strip(),
        policy_snapshot=advice_snapshot(advice, rules_of(row)),
        is_override=bool(missing) and override,
        override_reason=override_reason.strip() if missing and override else "",
        at=timezone.now(),
    )
    note = str(_("Evaluation decision: %(reason)s") % {"reason": reason.strip()})
    for step in path:
        app = pipeline_services.application_move(
            application=app, to_stage=step, actor=actor, expected_version=None, note=note
        )
    if outcome == DecisionOutcome.REJECT and reject_reason is not None:
        pipeline_services.application_reject(
            application=app,
            reason=reject_reason,
            actor=actor,
            expected_version=None,
            note=note,
            notify_candidate=notify_candidate,
        )
    return decision


@transaction.atomic
def decision_policy_set(*, actor: User, job: Job | None, rules: policy.Rules) -> DecisionPolicy:
    """Sets the company default (job None; HR admins) or a job's own policy (its HR owner or an HR admin)."""
    if job is None and not actor.is_hr_admin:
        raise AccessDenied(_("Only an HR admin can change the company's decision policy."))
    if job is not None and not job_is_hr_owned_by(user=actor, job=job):
        raise AccessDenied(_("Only the job's HR owner or an HR admin can change its decision policy."))
    if rules.strong_user_yes_weight not in StrongYesWeight.values:
        raise DomainError(_("Choose a weight from the list."), code="weight")
    row, _created = DecisionPolicy.objects.select_for_update().get_or_create(job=job)
    row.hr_is_gate = rules.hr_is_gate
    row.user_decides = rules.user_decides
    row.strong_user_yes_weight = rules.strong_user_yes_weight
    row.managerial_requires_superior_and_director = rules.managerial_requires_superior_and_director
    row.updated_by = actor
    row.save()
    return row


@transaction.atomic
def decision_policy_reset(*, actor: User, job: Job) -> None:
    """The job follows the company default again."""
    if not job_is_hr_owned_by(user=actor, job=job):
        raise AccessDenied(_("Only the job's HR owner or an HR admin can change its decision policy."))
    DecisionPolicy.objects.filter(job=job).delete()
