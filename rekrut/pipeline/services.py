"""The one write path for applications: applying, moving, rejecting, withdrawing, reopening.

Every change runs in a transaction, locks the application row, checks the version the actor saw, and writes
a Transition row in the same transaction. Messages go to the outbox in that transaction too.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.candidates.models import Candidate
from rekrut.core.errors import AccessDenied, DomainError, StaleEdit
from rekrut.jobs.models import Job, JobStatus, Stage
from rekrut.jobs.selectors import job_is_hr_owned_by, job_is_managed_by
from rekrut.notifications.services import message_queue
from rekrut.pipeline import transitions
from rekrut.pipeline.models import Application, ApplicationStatus, RejectReason, Transition, TransitionKind
from rekrut.pipeline.transitions import Action, MoveRefused, StageRef, Status

REFUSALS = {
    "not_active": _("This application is closed; reopen it first."),
    "same_stage": _("The application is already in that stage."),
    "stage_off": _("That stage is switched off for this job."),
    "backward": _("Applications only move forward. Reject or reopen instead."),
    "skips_required": _("That move would skip a required stage."),
    "foreign_stage": _("That stage belongs to another job."),
}


def _stage_refs(job: Job) -> list[StageRef]:
    return [StageRef(s.pk, s.position, s.is_optional, s.is_active) for s in job.stages.all()]


def application_lock(application: Application) -> Application:
    """Locks the application's row for this transaction and returns it fresh, with job, stage, candidate.

    The row is locked alone, then read: locking a join makes PostgreSQL re-check the join after a concurrent
    move changed stage_id, and the row would silently drop out of the result.
    """
    Application.objects.select_for_update().filter(pk=application.pk).values_list("pk", flat=True).get()
    return Application.objects.select_related("job", "stage", "candidate").get(pk=application.pk)


def _locked(application: Application, expected_version: int | None) -> Application:
    locked = application_lock(application)
    if expected_version is not None and locked.version != expected_version:
        raise StaleEdit(
            _("Someone else changed this application meanwhile. The page now shows its current state.")
        )
    return locked


def _record(
    *,
    application: Application,
    actor: User | None,
    kind: str,
    from_stage: Stage | None,
    from_status: str,
    reason: RejectReason | None = None,
    note: str = "",
    by_candidate: bool = False,
) -> Transition:
    return Transition.objects.create(
        application=application,
        actor=actor,
        by_candidate=by_candidate,
        at=timezone.now(),
        kind=kind,
        from_stage=from_stage,
        to_stage=application.stage,
        from_status=from_status,
        to_status=application.status,
        reason=reason,
        note=note,
    )


@transaction.atomic
def application_create(*, actor: User, candidate: Candidate, job: Job, note: str = "") -> Application:
    """Puts a candidate into a job's first stage, once per job."""
    if not job_is_managed_by(user=actor, job=job) and not actor.is_hr:
        raise AccessDenied(_("You are not on this job's hiring team."))
    if job.status == JobStatus.CLOSED:
        raise DomainError(_("This job is closed and takes no new applications."), code="job_closed")
    if candidate.merged_into_id:
        raise DomainError(_("This candidate record was merged into another one."), code="merged")
    first = job.stages.filter(is_active=True).order_by("position").first()
    if first is None:
        raise DomainError(_("This job has no stage in use."), code="no_stage")
    now = timezone.now()
    try:
        with transaction.atomic():
            application = Application.objects.create(
                candidate=candidate, job=job, stage=first, applied_at=now, stage_entered_at=now
            )
    except IntegrityError:
        raise DomainError(
            _("%(name)s has already applied for this job.") % {"name": candidate.full_name},
            code="duplicate_application",
        ) from None
    _record(
        application=application,
        actor=actor,
        kind=TransitionKind.APPLIED,
        from_stage=None,
        from_status="",
        note=note,
    )
    return application


@transaction.atomic
def application_move(
    *, application: Application, to_stage: Stage, actor: User, expected_version: int | None, note: str = ""
) -> Application:
    """Moves an application forward; reaching the last stage in use records the hire."""
    app = _locked(application, expected_version)
    if not job_is_managed_by(user=actor, job=app.job):
        raise AccessDenied(_("Only the job's HR owner, its user or an HR admin can move applications."))
    if to_stage.job_id != app.job_id:
        raise DomainError(REFUSALS["foreign_stage"], code="foreign_stage")
    refs = _stage_refs(app.job)
    by_id = {r.id: r for r in refs}
    try:
        new_status = transitions.move_check(refs, by_id[app.stage_id], by_id[to_stage.pk], Status(app.status))
    except MoveRefused as refused:
        raise DomainError(REFUSALS[refused.code], code=refused.code) from None
    from_stage, from_status = app.stage, app.status
    app.stage, app.status, app.stage_entered_at = to_stage, new_status, timezone.now()
    app.version += 1
    app.save(update_fields=["stage", "status", "stage_entered_at", "version"])
    kind = TransitionKind.HIRED if new_status == Status.HIRED else TransitionKind.MOVED
    _record(
        application=app, actor=actor, kind=kind, from_stage=from_stage, from_status=from_status, note=note
    )
    return app


@transaction.atomic
def application_reject(
    *,
    application: Application,
    reason: RejectReason,
    actor: User,
    expected_version: int | None,
    note: str = "",
    notify_candidate: bool = True,
) -> Application:
    app = _locked(application, expected_version)
    if not job_is_managed_by(user=actor, job=app.job):
        raise AccessDenied(_("Only the job's HR owner, its user or an HR admin can reject applications."))
    if not reason.is_active:
        raise DomainError(_("Choose a reason from the list."), code="reason_retired")
    _change_status(app, Action.REJECT)
    app.reject_reason = reason
    app.save(update_fields=["status", "reject_reason", "version"])
    _record(
        application=app,
        actor=actor,
        kind=TransitionKind.REJECTED,
        from_stage=app.stage,
        from_status=ApplicationStatus.ACTIVE,
        reason=reason,
        note=note,
    )
    if notify_candidate and app.candidate.email:
        message_queue(
            key=f"application-{app.pk}-rejected-v{app.version}",
            to=app.candidate.email,
            template="pipeline/email/rejected",
            context={
                "candidate_name": app.candidate.full_name,
                "job_title": app.job.title,
                "company": settings.COMPANY_NAME,
            },
        )
    return app


@transaction.atomic
def application_withdraw(
    *,
    application: Application,
    actor: User | None,
    expected_version: int | None,
    note: str = "",
    by_candidate: bool = False,
) -> Application:
    """The candidate withdraws (from the portal, or HR records it on their behalf)."""
    app = _locked(application, expected_version)
    if not by_candidate and (actor is None or not job_is_managed_by(user=actor, job=app.job)):
        raise AccessDenied(_("Only the job's HR owner, its user or an HR admin can record a withdrawal."))
    _change_status(app, Action.WITHDRAW)
    app.save(update_fields=["status", "version"])
    _record(
        application=app,
        actor=actor,
        kind=TransitionKind.WITHDRAWN,
        from_stage=app.stage,
        from_status=ApplicationStatus.ACTIVE,
        note=note,
        by_candidate=by_candidate,
    )
    return app


@transaction.atomic
def application_reopen(
    *, application: Application, actor: User, expected_version: int | None, note: str
) -> Application:
    """HR reopens a rejected or withdrawn application in the stage where it stopped; a reason is required."""
    app = _locked(application, expected_version)
    if not job_is_hr_owned_by(user=actor, job=app.job):
        raise AccessDenied(_("Only HR can reopen an application."))
    if not note.strip():
        raise DomainError(_("Say why the application is reopened."), code="note_required")
    from_status = app.status
    _change_status(app, Action.REOPEN)
    app.reject_reason = None
    app.stage_entered_at = timezone.now()
    app.save(update_fields=["status", "reject_reason", "version", "stage_entered_at"])
    _record(
        application=app,
        actor=actor,
        kind=TransitionKind.REOPENED,
        from_stage=app.stage,
        from_status=from_status,
        note=note,
    )
    return app


def _change_status(app: Application, action: Action) -> None:
    try:
        app.status = transitions.status_after(action, Status(app.status))
    except MoveRefused:
        raise DomainError(
            _("This application cannot be changed that way in its current state."), code="illegal_status"
        ) from None
    app.version += 1
