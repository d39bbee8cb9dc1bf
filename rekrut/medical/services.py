"""Writes for medical check-ups: the managed lists, planning, moving, cancelling, recording the result,
inviting the candidate and reading the health details (a read that is logged). Who may read them is
decided on accounts:specific_data (rekrut/accounts/specific_data.py).

Each runs in one transaction with its audit row. A check-up's row is locked and its version compared, so
an edit made from a stale page is refused instead of overwriting someone else's. Audit rows never carry
health data: a note or a report is named as "changed", never quoted.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.core.errors import AccessDenied, DomainError, StaleEdit
from rekrut.core.idempotency import idempotent_run
from rekrut.core.limits import NOTE_TEXT, OUT_OF_RANGE, SHORT_TEXT, moment_in_range
from rekrut.core.localization import local_datetime, zone_abbreviation
from rekrut.core.signed_links import IssuedLink, signed_link_issue, signed_links_revoke_for
from rekrut.core.uploads import UploadRejected, scan_check
from rekrut.events.actions import action_register
from rekrut.events.company_settings import setting_save
from rekrut.events.services import audit_record
from rekrut.medical.access import MedicalAccess, medical_access
from rekrut.medical.models import (
    CheckStatus,
    Conclusion,
    HealthDetails,
    MedicalCheck,
    Package,
    Provider,
)
from rekrut.medical.rules import items_split, package_items_check
from rekrut.notifications.services import message_queue
from rekrut.pipeline.access import application_access
from rekrut.pipeline.models import Application
from rekrut.pipeline.services import application_lock

action_register("medical.planned", _("Medical check-up planned"))
action_register("medical.rescheduled", _("Medical check-up moved"))
action_register("medical.cancelled", _("Medical check-up cancelled"))
action_register("medical.result_recorded", _("Medical check-up conclusion recorded"))
action_register("medical.details_changed", _("Medical check-up note or report changed"))
action_register("medical.details_viewed", _("Medical check-up details viewed"))
action_register("medical.report_downloaded", _("Medical check-up report downloaded"))
action_register("medical.invited", _("Candidate invited to the medical check-up"))

INVITE_PURPOSE = "medical_invite"
# The form is filled in at "now" and sent a little later; an appointment this close behind is still "now".
PAST_GRACE = timedelta(minutes=5)
# The candidate may open the invitation until the day after the appointment (to find the address again).
INVITE_VALID_AFTER = timedelta(days=1)

# A scan or a phone photo of the clinic's letter (core's scan_check), in the MCU's words.
REPORT_WRONG_TYPE = _("Upload the report as a PDF or as a photo or scan (JPEG or PNG).")
REPORT_TOO_LARGE = _("The file unpacks to far more than a medical report needs. Upload a smaller scan.")

STALE = _("Someone else changed this medical check-up meanwhile. The page now shows its current state.")


# ---- the managed lists (Settings) --------------------------------------------------------------------


def provider_save(*, actor: User, obj: Provider, changed: list[str]) -> models.Model:
    return setting_save(actor=actor, obj=obj, changed=changed)


def package_save(*, actor: User, obj: Package, changed: list[str]) -> models.Model:
    """A package's items, one per line; never an HIV test (Kepmenakertrans 68/2004 Ps 5, D5)."""
    if not actor.is_hr_admin:
        raise AccessDenied(_("Only an HR admin can change the company's settings."))
    items = items_split(obj.items)
    if not items:
        raise DomainError(_("List at least one item the clinic checks."), code="no_items")
    package_items_check(name=obj.name, items=items)
    obj.items = "\n".join(items)
    return setting_save(actor=actor, obj=obj, changed=changed)


# ---- planning --------------------------------------------------------------------------------------


def _manage_access(actor: User, application: Application) -> MedicalAccess:
    access = medical_access(user=actor, application=application_access(user=actor, application=application))
    if not access.application.job.is_hr_owner:
        raise AccessDenied(_("Only the job's HR owner or an HR admin can arrange medical check-ups."))
    if not access.application.is_open:
        raise DomainError(_("This application is closed; reopen it first."), code="not_active")
    return access


def _time_check(scheduled_at: datetime, *, allow_past: bool) -> None:
    if timezone.is_naive(scheduled_at):
        raise DomainError(_("The appointment needs a time zone."), code="naive_time")
    if not moment_in_range(scheduled_at):
        raise DomainError(OUT_OF_RANGE, code="out_of_range")
    if not allow_past and scheduled_at < timezone.now() - PAST_GRACE:
        raise DomainError(
            _("The appointment cannot be in the past. Choose a time from now on."), code="in_the_past"
        )


def _choices_check(provider: Provider, package: Package) -> None:
    if not provider.is_active:
        raise DomainError(_("That provider is no longer in use. Choose another."), code="provider_retired")
    if not package.is_active:
        raise DomainError(_("That package is no longer in use. Choose another."), code="package_retired")


def _locked(check: MedicalCheck, expected_version: int | None) -> MedicalCheck:
    # The row alone is locked, then read with its relations (see pipeline.services.application_lock).
    MedicalCheck.objects.select_for_update().filter(pk=check.pk).values_list("pk", flat=True).get()
    locked = MedicalCheck.objects.select_related(
        "provider", "package", "application__candidate", "application__job__location"
    ).get(pk=check.pk)
    if expected_version is not None and locked.version != expected_version:
        raise StaleEdit(STALE)
    return locked


def medical_check_plan(
    *,
    actor: User,
    application: Application,
    provider: Provider,
    package: Package,
    scheduled_at: datetime,
    allow_past: bool = False,
    idempotency_key: str = "",
) -> MedicalCheck:
    """Plans the application's MCU. After a result or a cancellation this is a re-test: the new one becomes
    current and the old one stays in the history. A second while one is still planned is refused.
    `allow_past` records a check-up that already happened (the demo)."""
    return idempotent_run(
        actor=actor,
        key=idempotency_key,
        action="medical.plan",
        inputs={"application": application, "provider": provider, "package": package, "at": scheduled_at},
        run=lambda: _plan(
            actor=actor,
            application=application,
            provider=provider,
            package=package,
            scheduled_at=scheduled_at,
            allow_past=allow_past,
        ),
    )


@transaction.atomic
def _plan(
    *,
    actor: User,
    application: Application,
    provider: Provider,
    package: Package,
    scheduled_at: datetime,
    allow_past: bool,
) -> MedicalCheck:
    app = application_lock(application)  # one plan at a time per application
    _manage_access(actor, app)
    _time_check(scheduled_at, allow_past=allow_past)
    _choices_check(provider, package)
    current = MedicalCheck.objects.filter(application=app, is_current=True).first()
    if current is not None and current.status == CheckStatus.PLANNED:
        raise DomainError(
            _("A medical check-up is already planned for this application. Move or cancel it instead."),
            code="already_planned",
        )
    if current is not None:
        current.is_current = False
        current.version += 1
        current.save(update_fields=["is_current", "version"])
    check = MedicalCheck.objects.create(
        application=app,
        provider=provider,
        package=package,
        scheduled_at=scheduled_at,
        replaces=current,
        created_by=actor,
    )
    audit_record(
        actor=actor,
        action="medical.planned",
        subject=check,
        changes={
            "provider": {"id": provider.pk, "label": str(provider)},
            "package": {"id": package.pk, "label": str(package)},
            "scheduled_at": scheduled_at.isoformat(),
            "replaces": current.pk if current else None,
        },
    )
    return check


def _planned_current(check: MedicalCheck) -> None:
    if not check.is_current:
        raise DomainError(_("A newer medical check-up replaced this one."), code="not_current")
    if check.status != CheckStatus.PLANNED:
        raise DomainError(
            _("Only a planned medical check-up can be changed; this one is %(status)s.")
            % {"status": check.get_status_display().lower()},
            code="not_planned",
        )


@transaction.atomic
def medical_check_reschedule(
    *,
    actor: User,
    check: MedicalCheck,
    provider: Provider,
    package: Package,
    scheduled_at: datetime,
    expected_version: int | None,
) -> MedicalCheck:
    """Another time, clinic or package for a planned check-up (then invite the candidate again)."""
    locked = _locked(check, expected_version)
    _manage_access(actor, locked.application)
    _planned_current(locked)
    _time_check(scheduled_at, allow_past=False)
    _choices_check(provider, package)
    before = {"provider": locked.provider_id, "package": locked.package_id, "at": locked.scheduled_at}
    locked.provider, locked.package, locked.scheduled_at = provider, package, scheduled_at
    locked.version += 1
    locked.save(update_fields=["provider", "package", "scheduled_at", "version"])
    after = {"provider": provider.pk, "package": package.pk, "at": scheduled_at}
    audit_record(
        actor=actor,
        action="medical.rescheduled",
        subject=locked,
        changes={
            name: {"before": str(before[name]), "after": str(after[name])}
            for name in before
            if before[name] != after[name]
        },
    )
    return locked


@transaction.atomic
def medical_check_cancel(
    *, actor: User, check: MedicalCheck, reason: str, expected_version: int | None
) -> MedicalCheck:
    locked = _locked(check, expected_version)
    _manage_access(actor, locked.application)
    _planned_current(locked)
    reason = reason.strip()
    if not reason:
        raise DomainError(_("Say why the medical check-up is cancelled."), code="reason_required")
    if len(reason) > SHORT_TEXT:
        raise DomainError(
            _("Keep the reason to %(max)d characters.") % {"max": SHORT_TEXT}, code="reason_too_long"
        )
    locked.status, locked.cancel_reason = CheckStatus.CANCELLED, reason
    locked.version += 1
    locked.save(update_fields=["status", "cancel_reason", "version"])
    # A cancelled appointment's invitation must not send the candidate to the clinic.
    signed_links_revoke_for(subject=locked, actor=actor, purpose=INVITE_PURPOSE)
    audit_record(actor=actor, action="medical.cancelled", subject=locked, changes={"reason": reason})
    return locked


# ---- the result ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportUpload:
    name: str
    data: bytes


@transaction.atomic
def medical_result_record(
    *,
    actor: User,
    check: MedicalCheck,
    conclusion: str,
    expected_version: int | None,
    note: str | None = None,
    report: ReportUpload | None = None,
) -> MedicalCheck:
    """Records (or corrects) the conclusion (D6). The note and the report are health details (P2): only
    someone holding the permission may write them; None leaves them as they are."""
    locked = _locked(check, expected_version)
    access = _manage_access(actor, locked.application)
    if not locked.is_current:
        raise DomainError(_("A newer medical check-up replaced this one."), code="not_current")
    if locked.status == CheckStatus.CANCELLED:
        raise DomainError(_("This medical check-up was cancelled; plan a new one."), code="cancelled")
    if conclusion not in Conclusion.values:
        raise DomainError(_("Choose the doctor's conclusion."), code="conclusion")
    writes_details = bool(note and note.strip()) or report is not None
    if writes_details and not access.sees_health_details:
        raise AccessDenied(
            _("Only people allowed to see health data can add the doctor's note or the report.")
        )
    if note is not None and len(note) > NOTE_TEXT:
        raise DomainError(
            _("Keep the note to %(max)d characters.") % {"max": NOTE_TEXT}, code="note_too_long"
        )
    kind = ""
    if report is not None:
        try:
            kind = scan_check(report.data, wrong_type=REPORT_WRONG_TYPE, too_large=REPORT_TOO_LARGE)
        except UploadRejected as rejected:
            raise DomainError(rejected.message, code=rejected.code) from None
    before = locked.conclusion
    locked.status, locked.conclusion = CheckStatus.DONE, conclusion
    locked.result_recorded_at, locked.result_recorded_by = timezone.now(), actor
    locked.version += 1
    locked.save(update_fields=["status", "conclusion", "result_recorded_at", "result_recorded_by", "version"])
    signed_links_revoke_for(subject=locked, actor=actor, purpose=INVITE_PURPOSE)
    audit_record(
        actor=actor,
        action="medical.result_recorded",
        subject=locked,
        changes={"conclusion": {"before": before, "after": conclusion}},
    )
    if access.sees_health_details and (note is not None or report is not None):
        _details_save(actor=actor, check=locked, note=note, report=report, kind=kind)
    return locked


def _details_save(
    *, actor: User, check: MedicalCheck, note: str | None, report: ReportUpload | None, kind: str
) -> None:
    details = HealthDetails.objects.filter(check_up=check).first() or HealthDetails(
        check_up=check, updated_by=actor
    )
    changed = []
    if note is not None and note.strip() != details.note:
        details.note = note.strip()
        changed.append("note")
    if report is not None:
        details.report_kind, details.report_size = kind, len(report.data)
        details.report_name = (report.name or "").strip()[:200]
        details.report.save("report", ContentFile(report.data), save=False)
        changed.append("report")
    if not changed:
        return
    details.updated_by = actor
    details.save()
    # What changed, never what it says: the log is read by people without the permission.
    audit_record(actor=actor, action="medical.details_changed", subject=check, changes={"fields": changed})


def health_details_open(*, user: User, access: MedicalAccess, check: MedicalCheck) -> HealthDetails | None:
    """The note and report of a check-up, to someone holding the permission; the reading is logged."""
    if not access.sees_health_details:
        raise AccessDenied(_("Only people allowed to see health data can open a medical check-up's details."))
    with transaction.atomic():
        audit_record(actor=user, action="medical.details_viewed", subject=check)
    return HealthDetails.objects.filter(check_up=check).first()


def health_report_open(*, user: User, access: MedicalAccess, check: MedicalCheck) -> HealthDetails | None:
    """The report, to someone holding the permission (None: there is none); the download is logged."""
    if not access.sees_health_details:
        raise AccessDenied(_("Only people allowed to see health data can open a medical check-up's report."))
    details = HealthDetails.objects.filter(check_up=check).exclude(report="").first()
    if details is not None:
        with transaction.atomic():
            audit_record(actor=user, action="medical.report_downloaded", subject=check)
    return details


# ---- the candidate's invitation --------------------------------------------------------------------


def invitation_context(check: MedicalCheck, *, language: str) -> dict:
    """What the candidate reads (page and e-mail), worded in their language and the clinic's zone."""
    application = check.application
    zone = application.job.location.time_zone
    with translation.override(language):
        return {
            "person": application.candidate.full_name,
            "job": application.job.title,
            "company": settings.COMPANY_NAME,
            "contact": settings.ORGANIZER_EMAIL,
            "when": local_datetime(check.scheduled_at, zone),
            "zone": zone_abbreviation(zone),
            "provider": check.provider,
            "package": check.package,
            "items": check.package.item_list,
        }


@transaction.atomic
def medical_invite(*, actor: User, check: MedicalCheck, expected_version: int | None) -> IssuedLink:
    """E-mails the candidate a link to the appointment and what to bring, in their language. A new
    invitation withdraws the earlier links, so only the latest appointment can be opened."""
    locked = _locked(check, expected_version)
    _manage_access(actor, locked.application)
    _planned_current(locked)
    candidate = locked.application.candidate
    if not candidate.email:
        raise DomainError(
            _("The candidate has no e-mail address. Add one, or tell them the appointment by phone."),
            code="no_email",
        )
    if locked.scheduled_at < timezone.now():
        raise DomainError(_("The appointment has passed. Move it to a new time first."), code="in_the_past")
    signed_links_revoke_for(subject=locked, actor=actor, purpose=INVITE_PURPOSE)
    issued = signed_link_issue(
        purpose=INVITE_PURPOSE,
        subject=locked,
        valid_for=locked.scheduled_at + INVITE_VALID_AFTER - timezone.now(),
        created_by=actor,
        url_name="medical:invitation",
    )
    message_queue(
        key=f"medical-invite-{locked.pk}-{issued.link.pk}",
        to=candidate.email,
        template="medical/email/invited",
        context={**invitation_context(locked, language=candidate.language), "url": issued.url},
        language=candidate.language,
    )
    audit_record(actor=actor, action="medical.invited", subject=locked, changes={"to": candidate.email})
    return issued
