"""Writes for the evaluation decision and the decision policy.

A decision is a person's (the job's HR owner or an HR admin), with its reason; the policy's advice is kept
beside it. It moves the application through pipeline.services, so the pipeline's rules and history apply:
a decision to go on is itself what the evaluation stage's exit rule asks for, and one taken with an
override ("decide now", with its reason) carries its moves past whatever else blocks them.
"""

from typing import Any

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.core.errors import AccessDenied, DomainError, StaleEdit
from rekrut.core.idempotency import idempotent_run
from rekrut.events.services import audit_diff, audit_record, audit_snapshot
from rekrut.interviews import policy
from rekrut.interviews.guards import EVALUATION_UNDECIDED
from rekrut.interviews.models import (
    DECIDING_KINDS,
    Decision,
    DecisionOutcome,
    DecisionPolicy,
    StrongYesWeight,
)
from rekrut.interviews.selectors.evaluation import advice_for, rules_of
from rekrut.jobs.models import Job, Stage, StageKind
from rekrut.jobs.selectors import job_is_hr_owned_by
from rekrut.pipeline import services as pipeline_services
from rekrut.pipeline import transitions
from rekrut.pipeline.guards import Blocker
from rekrut.pipeline.models import Application, RejectReason
from rekrut.pipeline.selectors import move_blocks
from rekrut.pipeline.transitions import ApplicationStatus


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
    idempotency_key: str = "",
) -> Decision:
    """Records the evaluation decision and carries it out: proceed (move), hold (stay), or reject.

    The same `idempotency_key` sent again returns the first decision: a double click on "hold" (which
    changes no version) records one decision, and one on "proceed" is not told the application changed.
    """
    arguments = {
        "application": application,
        "outcome": outcome,
        "reason": reason,
        "expected_version": expected_version,
        "to_stage": to_stage,
        "reject_reason": reject_reason,
        "override": override,
        "override_reason": override_reason,
        "notify_candidate": notify_candidate,
    }
    return idempotent_run(
        actor=actor,
        key=idempotency_key,
        action="decision.record",
        inputs=arguments,
        run=lambda: _decide(actor=actor, **arguments),  # type: ignore[arg-type]
    )


@transaction.atomic
def _decide(
    *,
    actor: User,
    application: Application,
    outcome: str,
    reason: str,
    expected_version: int | None,
    to_stage: Stage | None,
    reject_reason: RejectReason | None,
    override: bool,
    override_reason: str,
    notify_candidate: bool,
) -> Decision:
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
    blocked: list[Blocker] = []
    if outcome == DecisionOutcome.PROCEED:
        if to_stage is None or to_stage.job_id != app.job_id:
            raise DomainError(_("Choose the stage the application goes on to."), code="to_stage")
        path = _path_to(app, to_stage)
        # What keeps the application in its stage, besides the evaluation's decision: this is that decision.
        blocked = [
            b for b in move_blocks(job=app.job, applications=[app])[app.pk] if b.code != EVALUATION_UNDECIDED
        ]
        if blocked and not override:
            raise DomainError(
                _("%(blocked)s Tick “decide now” and say why, to go on anyway.")
                % {"blocked": pipeline_services.blocked_message(app.stage, blocked)},
                code="exit_blocked",
            )
    elif outcome == DecisionOutcome.REJECT:
        if reject_reason is None:
            raise DomainError(_("Choose a reason for the rejection."), code="reject_reason")
        to_stage = None
    else:
        to_stage = None
    is_override = override and bool(missing or blocked)
    decision = Decision.objects.create(
        application=app,
        decided_by=actor,
        outcome=outcome,
        from_stage=app.stage,
        to_stage=to_stage,
        reject_reason=reject_reason if outcome == DecisionOutcome.REJECT else None,
        reason=reason.strip(),
        policy_snapshot=advice_snapshot(advice, rules_of(row)),
        is_override=is_override,
        override_reason=override_reason.strip() if is_override else "",
        at=timezone.now(),
    )
    # The reason as typed; the timeline words it as the evaluation's decision in each viewer's language.
    note, params = reason.strip(), {"decision": decision.pk}
    for step in path:
        app = pipeline_services.application_move(
            application=app,
            to_stage=step,
            actor=actor,
            expected_version=None,
            note=note,
            override=decision.is_override,
            override_reason=decision.override_reason,
            params=params,
        )
    if outcome == DecisionOutcome.REJECT and reject_reason is not None:
        pipeline_services.application_reject(
            application=app,
            reason=reject_reason,
            actor=actor,
            expected_version=None,
            note=note,
            notify_candidate=notify_candidate,
            params=params,
        )
    return decision


POLICY_FIELDS = (
    "hr_is_gate",
    "user_decides",
    "strong_user_yes_weight",
    "managerial_requires_superior_and_director",
)


@transaction.atomic
def decision_policy_set(*, actor: User, job: Job | None, rules: policy.Rules) -> DecisionPolicy:
    """Sets the company default (job None; HR admins) or a job's own policy (its HR owner or an HR admin)."""
    if job is None and not actor.is_hr_admin:
        raise AccessDenied(_("Only an HR admin can change the company's decision policy."))
    if job is not None and not job_is_hr_owned_by(user=actor, job=job):
        raise AccessDenied(_("Only the job's HR owner or an HR admin can change its decision policy."))
    if rules.strong_user_yes_weight not in StrongYesWeight.values:
        raise DomainError(_("Choose a weight from the list."), code="weight")
    row, created = DecisionPolicy.objects.select_for_update().get_or_create(job=job)
    # A job's new own policy had no rules of its own before: its "before" is empty, not the default's.
    before = dict.fromkeys(POLICY_FIELDS) if created else audit_snapshot(row, POLICY_FIELDS)
    row.hr_is_gate = rules.hr_is_gate
    row.user_decides = rules.user_decides
    row.strong_user_yes_weight = rules.strong_user_yes_weight
    row.managerial_requires_superior_and_director = rules.managerial_requires_superior_and_director
    row.updated_by = actor
    row.save()
    if changes := audit_diff(before, audit_snapshot(row, POLICY_FIELDS)):
        audit_record(actor=actor, action="decision_policy.changed", subject=row, changes=changes)
    return row


@transaction.atomic
def decision_policy_reset(*, actor: User, job: Job) -> None:
    """The job follows the company default again."""
    if not job_is_hr_owned_by(user=actor, job=job):
        raise AccessDenied(_("Only the job's HR owner or an HR admin can change its decision policy."))
    for row in DecisionPolicy.objects.select_for_update().filter(job=job):
        # Recorded against the row it removes: the log keeps its rules and the job's name.
        changes = audit_diff(audit_snapshot(row, POLICY_FIELDS), dict.fromkeys(POLICY_FIELDS))
        audit_record(actor=actor, action="decision_policy.reset", subject=row, changes=changes)
        row.delete()
