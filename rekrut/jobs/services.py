"""Writes for jobs: creating and editing a job, its hiring team and its stages."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.core.errors import AccessDenied, DomainError, StaleEdit
from rekrut.events.actions import action_register
from rekrut.events.services import audit_diff, audit_record, audit_snapshot, audit_value
from rekrut.jobs import hooks
from rekrut.jobs.access import job_access
from rekrut.jobs.ad_check import AdWarning, ad_warnings
from rekrut.jobs.models import (
    AdAcknowledgement,
    HiringTeamMember,
    Job,
    JobStatus,
    Stage,
    StageKind,
    StageTemplate,
    TeamRole,
)
from rekrut.jobs.selectors import job_is_hr_owned_by


@dataclass(frozen=True)
class TeamSpec:
    hr_owner: User
    user: User | None = None
    superior: User | None = None
    director: User | None = None
    interviewers: tuple[User, ...] = ()
    approvers: tuple[User, ...] = ()

    def rows(self) -> list[tuple[User, str]]:
        rows: list[tuple[User, str]] = [(self.hr_owner, TeamRole.HR_OWNER)]
        for person, role in [
            (self.user, TeamRole.USER),
            (self.superior, TeamRole.SUPERIOR),
            (self.director, TeamRole.DIRECTOR),
        ]:
            if person is not None:
                rows.append((person, role))
        rows += [(p, TeamRole.INTERVIEWER) for p in self.interviewers]
        rows += [(p, TeamRole.APPROVER) for p in self.approvers]
        return rows


JOB_FIELDS = (
    "title",
    "department",
    "level",
    "is_managerial",
    "job_family",
    "employment_type",
    "location",
    "work_mode",
    "headcount",
    "description",
    "requirements",
    "salary_min",
    "salary_max",
    "show_salary",
    "valid_through",
    "status",
)

action_register("job.ad_warning_acknowledged", _("Ad warning acknowledged"))


class AdNeedsReview(DomainError):
    """The ad still carries wording the ad check warns about, and the job was to be opened."""

    code = "ad_needs_review"

    def __init__(self, warnings: list[AdWarning]) -> None:
        super().__init__(
            _(
                "The ad still has wording that may discriminate against applicants. Reword it, or "
                "acknowledge each warning below with a reason, before opening the job."
            )
        )
        self.warnings = warnings


def _ad_review(*, actor: User, job: Job, acknowledgements: dict[str, str]) -> None:
    """An open job is published on the careers site, so its ad may not carry a warning HR has neither
    reworded nor acknowledged with a reason (SE Menaker M/6/HK.04/V/2025). A draft or closed job may.
    New acknowledgements (warning key -> reason) are recorded and audited in the caller's transaction."""
    if job.status != JobStatus.OPEN:
        return
    warnings = ad_warnings(job.title, job.description, job.requirements)
    if not warnings:
        return
    known = set(AdAcknowledgement.objects.filter(job=job).values_list("key", flat=True))
    missing = []
    for warning in warnings:
        if warning.key in known:
            continue
        reason = " ".join(str(acknowledgements.get(warning.key, "")).split())
        if not reason:
            missing.append(warning)
            continue
        AdAcknowledgement.objects.create(
            job=job, key=warning.key, phrase=warning.phrase[:200], reason=reason, acknowledged_by=actor
        )
        audit_record(
            actor=actor,
            action="job.ad_warning_acknowledged",
            subject=job,
            changes={"rule": warning.code, "phrase": warning.phrase, "reason": reason},
        )
    if missing:
        raise AdNeedsReview(missing)


def _published_mark(job: Job, *, was_open: bool) -> None:
    # The careers site's "posted on" (schema.org datePosted): the day the job was last opened to applicants.
    if job.status == JobStatus.OPEN and not was_open:
        job.published_at = timezone.now()


def _check_salary_range(fields: dict) -> None:
    low, high = fields.get("salary_min"), fields.get("salary_max")
    if low is not None and high is not None and low > high:
        raise DomainError(_("The minimum salary cannot be higher than the maximum."), code="salary_range")


# Mass hiring (a factory's line, a chain's new stores) stays far below this.
HEADCOUNT_MAX = 10_000


def _check_headcount(fields: dict) -> None:
    headcount = fields.get("headcount")
    if headcount is not None and not 1 <= headcount <= HEADCOUNT_MAX:
        raise DomainError(
            _("The headcount must be from 1 to %(max)d.") % {"max": HEADCOUNT_MAX}, code="headcount"
        )


@transaction.atomic
def job_create(
    *, actor: User, team: TeamSpec, acknowledgements: dict[str, str] | None = None, **fields: object
) -> Job:
    """Opens a job with the company's default pipeline; managerial jobs keep the director interview on.
    `acknowledgements` (ad warning key -> reason) lets an open job keep wording the ad check warns about."""
    if not actor.is_hr:
        raise AccessDenied(_("Only HR can open jobs."))
    _check_salary_range(fields)
    _check_headcount(fields)
    job = Job(created_by=actor, **{k: v for k, v in fields.items() if k in JOB_FIELDS})
    _published_mark(job, was_open=False)
    job.save()
    _ad_review(actor=actor, job=job, acknowledgements=acknowledgements or {})
    _team_replace(job=job, team=team)
    stages = []
    for template in StageTemplate.objects.order_by("position"):
        enabled = template.enabled_for_managerial if job.is_managerial else template.enabled_by_default
        stages.append(
            Stage(
                job=job,
                position=template.position,
                name_id=template.name_id,
                name_en=template.name_en,
                kind=template.kind,
                is_optional=template.is_optional,
                is_active=enabled,
            )
        )
    Stage.objects.bulk_create(stages)
    hooks.job_stages_changed.run(job)
    return job


@transaction.atomic
def job_update(
    *,
    actor: User,
    job: Job,
    loaded_at: datetime | None,
    team: TeamSpec | None = None,
    acknowledgements: dict[str, str] | None = None,
    **fields: object,
) -> Job:
    """Saves an edit unless someone else saved the job since the editor loaded it."""
    locked = Job.objects.select_for_update().get(pk=job.pk)
    if not job_is_hr_owned_by(user=actor, job=locked):
        raise AccessDenied(_("Only the job's HR owner or an HR admin can edit it."))
    if loaded_at is not None and locked.updated_at.replace(microsecond=0) > loaded_at.replace(microsecond=0):
        raise StaleEdit(
            _("Someone else changed this job while you were editing. Reload to see their changes.")
        )
    _check_salary_range({**{k: getattr(locked, k) for k in ("salary_min", "salary_max")}, **fields})
    _check_headcount(fields)
    before = audit_snapshot(locked, JOB_FIELDS)
    was_open = locked.status == JobStatus.OPEN
    for key, value in fields.items():
        if key in JOB_FIELDS:
            setattr(locked, key, value)
    _published_mark(locked, was_open=was_open)
    _ad_review(actor=actor, job=locked, acknowledgements=acknowledgements or {})
    locked.save()
    if changes := audit_diff(before, audit_snapshot(locked, JOB_FIELDS)):
        audit_record(actor=actor, action="job.updated", subject=locked, changes=changes)
    if team is not None:
        team_before = _team_for_audit(locked)
        _team_replace(job=locked, team=team)
        if changes := audit_diff(team_before, _team_for_audit(locked)):
            audit_record(actor=actor, action="job.team_changed", subject=locked, changes=changes)
    return locked


@transaction.atomic
def team_members_add(
    *, actor: User, job: Job, people: Iterable[User], role: str = TeamRole.INTERVIEWER
) -> list[User]:
    """Adds people to the job's hiring team, so they may see its candidates; returns who was new.

    Interviewers come from the hiring team: whoever interviews a candidate sees their data, so bringing
    someone else in is a visible team change by someone allowed to make it (audited), never a side door.
    """
    if not job_access(user=actor, job=job).can_edit:
        raise AccessDenied(_("Only the job's HR owner or an HR admin can add people to its hiring team."))
    if role not in TeamRole.values:
        raise DomainError(_("Unknown role on the team."), code="team_role")
    on_team = set(HiringTeamMember.objects.filter(job=job, role=role).values_list("user_id", flat=True))
    new = [person for person in dict.fromkeys(people) if person.pk not in on_team]
    if new:
        team_before = _team_for_audit(job)
        HiringTeamMember.objects.bulk_create(
            HiringTeamMember(job=job, user=person, role=role) for person in new
        )
        audit_record(
            actor=actor,
            action="job.team_changed",
            subject=job,
            changes=audit_diff(team_before, _team_for_audit(job)),
        )
    return new


def _team_for_audit(job: Job) -> dict[str, object]:
    members = job.team.select_related("user").order_by("role", "user_id")
    return {"team": [{"user": audit_value(m.user), "role": m.role} for m in members]}


def _team_replace(*, job: Job, team: TeamSpec) -> None:
    job.team.all().delete()
    seen: set[tuple[int, str]] = set()
    rows = []
    for person, role in team.rows():
        if (person.pk, role) not in seen:
            seen.add((person.pk, role))
            rows.append(HiringTeamMember(job=job, user=person, role=role))
    HiringTeamMember.objects.bulk_create(rows)


@dataclass(frozen=True)
class StageSpec:
    """One row of the stage editor: an existing stage (id) or a new one (id None), in the wanted order."""

    id: int | None
    name_id: str
    name_en: str
    kind: str
    is_optional: bool
    is_active: bool


@transaction.atomic
def job_stages_configure(*, actor: User, job: Job, stages: list[StageSpec]) -> list[Stage]:
    """Renames, reorders, adds and switches off stages. Stages are never deleted: history points at them."""
    if not job_is_hr_owned_by(user=actor, job=job):
        raise AccessDenied(_("Only the job's HR owner or an HR admin can change its stages."))
    existing = {s.pk: s for s in Stage.objects.select_for_update().filter(job=job)}
    given = {spec.id for spec in stages if spec.id is not None}
    if given - existing.keys():
        raise DomainError(_("A stage does not belong to this job."), code="foreign_stage")
    if existing.keys() - given:
        raise DomainError(_("Stages cannot be removed, only switched off."), code="stage_removed")
    active = [s for s in stages if s.is_active]
    if not active or active[0].kind != StageKind.APPLIED:
        raise DomainError(_("The first stage in use must be of the kind Applied."), code="first_stage")
    for spec in stages:
        if not spec.name_id.strip() or not spec.name_en.strip():
            raise DomainError(_("Every stage needs a name in both languages."), code="stage_name")
        if spec.kind not in StageKind.values:
            raise DomainError(_("Unknown stage kind."), code="stage_kind")
    switched_off = [existing[s.id] for s in stages if s.id and not s.is_active and existing[s.id].is_active]
    before = _stages_for_audit(sorted(existing.values(), key=lambda stage: stage.position))
    if switched_off:
        hooks.stages_switching_off.run(job, switched_off)
    # Shift positions out of the way first: the unique (job, position) constraint holds at every step.
    Stage.objects.filter(job=job).update(position=F("position") + 1000)
    result = []
    for position, spec in enumerate(stages, start=1):
        stage = existing[spec.id] if spec.id else Stage(job=job)
        stage.position, stage.name_id, stage.name_en = position, spec.name_id.strip(), spec.name_en.strip()
        stage.kind, stage.is_optional, stage.is_active = spec.kind, spec.is_optional, spec.is_active
        stage.save()
        result.append(stage)
    if changes := audit_diff(before, _stages_for_audit(result)):
        audit_record(actor=actor, action="job.stages_changed", subject=job, changes=changes)
    hooks.job_stages_changed.run(job)
    return result


def _stages_for_audit(stages: list[Stage]) -> dict[str, object]:
    """The stages in their order (the position is the place in the list)."""
    fields = ("id", "name_id", "name_en", "kind", "is_optional", "is_active")
    return {"stages": [audit_snapshot(stage, fields) for stage in stages]}
