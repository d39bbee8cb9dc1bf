"""The one write path for applications: applying, moving (forward and back), rejecting, withdrawing,
reopening.

Every change runs in a transaction, locks the application row, checks the version the actor saw, and writes
a Transition row in the same transaction. Messages go to the outbox in that transaction too. A forward move
also meets the exit rules of the stage it leaves (pipeline.guards), which only HR may override, with a reason.
"""

from collections.abc import Mapping

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.candidates.consent import consent_is_given
from rekrut.candidates.models import Candidate, ConsentPurpose
from rekrut.core.errors import AccessDenied, DomainError, StaleEdit
from rekrut.events.actions import action_register
from rekrut.events.services import audit_record
from rekrut.jobs.access import job_access
from rekrut.jobs.models import Job, JobStatus, Stage
from rekrut.jobs.selectors import job_is_hr_owned_by, job_is_managed_by
from rekrut.notifications.services import message_queue
from rekrut.pipeline import guards, transitions
from rekrut.pipeline.announcements import transition_announce
from rekrut.pipeline.models import Application, RejectReason, Transition, TransitionKind
from rekrut.pipeline.transitions import Action, ApplicationStatus, MoveRefused, StageRef

REFUSALS = {
    "not_active": _("This application is closed; reopen it first."),
    "same_stage": _("The application is already in that stage."),
    "stage_off": _("That stage is switched off for this job."),
    "backward": _("Applications only move forward. Reject or reopen instead."),
    "skips_required": _("That move would skip a required stage."),
    "foreign_stage": _("That stage belongs to another job."),
    "not_open": _("This application is closed; reopen it first."),
    "first_stage": _("The application is in the first stage in use; there is no stage to move it back to."),
}

action_register("job.filled", _("Job closed: every position is filled"))


def _stages(job: Job) -> list[Stage]:
    return list(job.stages.all())


def _ref(stage: Stage) -> StageRef:
    return StageRef(stage.pk, stage.position, stage.is_optional, stage.is_active)


def _visited(application: Application) -> set[int]:
    """The stages the application has been in, from its history."""
    return set(Transition.objects.filter(application=application).values_list("to_stage_id", flat=True))


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
    override_reason: str = "",
    params: Mapping[str, object] | None = None,
) -> Transition:
    transition = Transition.objects.create(
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
        is_override=bool(override_reason),
        override_reason=override_reason,
        params=dict(params or {}),
    )
    transition_announce(transition)
    return transition


@transaction.atomic
def application_create(
    *, actor: User | None, candidate: Candidate, job: Job, note: str = "", by_candidate: bool = False
) -> Application:
    """Puts a candidate into a job's first stage, once per job. `by_candidate`: they applied themselves
    (the careers site, no actor), which only an open job takes."""
    if by_candidate:
        if job.status != JobStatus.OPEN:
            raise DomainError(_("This job no longer takes applications."), code="job_closed")
    elif actor is None or (not job_is_managed_by(user=actor, job=job) and not actor.is_hr):
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
        by_candidate=by_candidate,
    )
    return application


@transaction.atomic
def application_move(
    *,
    application: Application,
    to_stage: Stage,
    actor: User,
    expected_version: int | None,
    note: str = "",
    override: bool = False,
    override_reason: str = "",
    params: Mapping[str, object] | None = None,
) -> Application:
    """Moves an application forward; reaching the last stage in use records the hire.

    The stage it leaves must let it go (pipeline.guards: its round's scorecards, the HR gate, the
    evaluation's decision). HR may override what blocks it, saying why; the history row records that.
    """
    app = _locked(application, expected_version)
    access = job_access(user=actor, job=app.job)
    if not access.can_manage_applications:
        raise AccessDenied(_("Only the job's HR owner, its user or an HR admin can move applications."))
    if to_stage.job_id != app.job_id:
        raise DomainError(REFUSALS["foreign_stage"], code="foreign_stage")
    stages = _stages(app.job)
    refs = {s.pk: _ref(s) for s in stages}
    try:
        new_status = transitions.move_check(
            list(refs.values()), refs[app.stage_id], refs[to_stage.pk], ApplicationStatus(app.status)
        )
    except MoveRefused as refused:
        raise DomainError(REFUSALS[refused.code], code=refused.code) from None
    blockers = guards.blockers_of(job=app.job, applications=[app])[app.pk]
    override_reason = override_reason.strip() if blockers else ""
    if blockers:
        if not override:
            raise DomainError(blocked_message(app.stage, blockers), code="exit_blocked")
        if not access.can_override_rules:
            raise AccessDenied(
                _("Only the job's HR owner or an HR admin can move an application on past what blocks it.")
            )
        if not override_reason:
            raise DomainError(
                _("Say why the application moves on although “%(stage)s” is not finished.")
                % {"stage": app.stage.name},
                code="override_reason",
            )
    from_stage, from_status = app.stage, app.status
    app.stage, app.status, app.stage_entered_at = to_stage, new_status, timezone.now()
    app.version += 1
    app.save(update_fields=["stage", "status", "stage_entered_at", "version"])
    kind = TransitionKind.HIRED if new_status == ApplicationStatus.HIRED else TransitionKind.MOVED
    _record(
        application=app,
        actor=actor,
        kind=kind,
        from_stage=from_stage,
        from_status=from_status,
        note=note,
        override_reason=override_reason,
        params=params,
    )
    if kind == TransitionKind.HIRED:
        _job_close_when_filled(job=app.job, actor=actor, application=app)
    return app


def _job_close_when_filled(*, job: Job, actor: User, application: Application) -> None:
    """A hire that fills the headcount closes the job, whoever made the hire and from which page.

    Not through jobs' job_update: that is the job owner's edit (HR only), while this follows from a hire
    the job's user may make too. The job row is locked before counting, so two last hires at once close
    it once, and the audit row says which hire filled it."""
    locked = Job.objects.select_for_update().get(pk=job.pk)
    if locked.status == JobStatus.CLOSED:
        return
    hired = Application.objects.filter(job=locked, status=ApplicationStatus.HIRED).count()
    if hired < locked.headcount:
        return
    before = locked.status
    locked.status = JobStatus.CLOSED
    locked.save(update_fields=["status", "updated_at"])
    job.status = locked.status
    audit_record(
        actor=actor,
        action="job.filled",
        subject=locked,
        changes={
            "status": {"before": before, "after": JobStatus.CLOSED.value},
            "hired": hired,
            "headcount": locked.headcount,
            "application": application.pk,
        },
    )


def blocked_message(stage: Stage, blockers: list[guards.Blocker]) -> str:
    """The refusal of a blocked move, naming every reason."""
    return _("The application cannot leave “%(stage)s” yet. %(reasons)s") % {
        "stage": stage.name,
        "reasons": " ".join(str(b) for b in blockers),
    }


@transaction.atomic
def application_move_back(
    *, application: Application, actor: User, expected_version: int | None, reason: str
) -> Application:
    """HR moves an open application back to the stage it was in before, to undo a mistaken move.

    That is the latest earlier stage in use that it has been in (transitions.back_target); a reason is
    required and recorded, and moving back from the last stage undoes the hire.
    """
    app = _locked(application, expected_version)
    if not job_access(user=actor, job=app.job).is_hr_owner:
        raise AccessDenied(_("Only the job's HR owner or an HR admin can move an application back."))
    if not reason.strip():
        raise DomainError(_("Say why the application moves back."), code="reason_required")
    stages = _stages(app.job)
    refs = {s.pk: _ref(s) for s in stages}
    try:
        target = transitions.move_back_check(
            list(refs.values()), refs[app.stage_id], ApplicationStatus(app.status), _visited(app)
        )
    except MoveRefused as refused:
        raise DomainError(REFUSALS[refused.code], code=refused.code) from None
    from_stage, from_status = app.stage, app.status
    app.status = transitions.status_after(Action.MOVE_BACK, ApplicationStatus(from_status))
    app.stage = next(s for s in stages if s.pk == target.id)
    app.stage_entered_at = timezone.now()
    app.version += 1
    app.save(update_fields=["stage", "status", "stage_entered_at", "version"])
    _record(
        application=app,
        actor=actor,
        kind=TransitionKind.MOVED_BACK,
        from_stage=from_stage,
        from_status=from_status,
        note=reason.strip(),
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
    params: Mapping[str, object] | None = None,
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
        params=params,
    )
    if notify_candidate and app.candidate.email:
        message_queue(
            key=f"application-{app.pk}-rejected-v{app.version}",
            to=app.candidate.email,
            template="pipeline/email/rejected",
            language=app.candidate.language,
            context={
                "candidate_name": app.candidate.full_name,
                "job_title": app.job.title,
                "company": settings.COMPANY_NAME,
                # The talent pool is mentioned only to someone who agreed to it (UU PDP Ps 20, 22).
                "talent_pool": consent_is_given(candidate=app.candidate, purpose=ConsentPurpose.TALENT_POOL),
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
        app.status = transitions.status_after(action, ApplicationStatus(app.status))
    except MoveRefused:
        raise DomainError(
            _("This application cannot be changed that way in its current state."), code="illegal_status"
        ) from None
    app.version += 1
