"""The assessment's detailed report (the provider's file) and the assessor's note. For a restricted type
(psikotes) these are specific personal data (UU 27/2022 Ps 4, P2): only holders of the explicit permission
write or read them, and every reading is written to the audit log. Audit rows never quote them."""

from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.assessments.access import AssessmentAccess
from rekrut.assessments.models import Assessment, AssessmentReport
from rekrut.assessments.services.assessments import assessment_lock, manage_access
from rekrut.core.errors import AccessDenied, DomainError
from rekrut.core.limits import LONG_TEXT
from rekrut.core.uploads import UploadRejected, scan_check
from rekrut.events.actions import action_register
from rekrut.events.services import audit_record

action_register("assessments.report_changed", _("Assessment report or note changed"))
action_register("assessments.report_viewed", _("Assessment report and note viewed"))
action_register("assessments.report_downloaded", _("Assessment report downloaded"))

REPORT_WRONG_TYPE = _("Upload the report as a PDF or as a photo or scan (JPEG or PNG).")
REPORT_TOO_LARGE = _("The file unpacks to far more than a report needs. Upload a smaller scan.")
RESTRICTED = _("Only people allowed to see psychological test reports can open or change this report.")


@dataclass(frozen=True)
class ReportUpload:
    name: str
    data: bytes


@transaction.atomic
def assessment_report_save(
    *,
    actor: User,
    assessment: Assessment,
    expected_version: int | None,
    note: str | None = None,
    report: ReportUpload | None = None,
) -> AssessmentReport | None:
    """The note (None: unchanged) and the report file (None: unchanged); only for people who may read them."""
    locked = assessment_lock(assessment, expected_version)
    access = manage_access(actor, locked.application)
    if not access.sees_report(locked):
        raise AccessDenied(RESTRICTED)
    if note is not None and len(note) > LONG_TEXT:
        raise DomainError(
            _("Keep the note to %(max)d characters.") % {"max": LONG_TEXT}, code="note_too_long"
        )
    kind = ""
    if report is not None:
        try:
            kind = scan_check(report.data, wrong_type=REPORT_WRONG_TYPE, too_large=REPORT_TOO_LARGE)
        except UploadRejected as rejected:
            raise DomainError(rejected.message, code=rejected.code) from None
    details = AssessmentReport.objects.filter(assessment=locked).first() or AssessmentReport(
        assessment=locked, updated_by=actor
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
        return details if details.pk else None
    details.updated_by = actor
    details.save()
    locked.version += 1
    locked.save(update_fields=["version"])
    # What changed, never what it says: the log is read by people without the permission.
    audit_record(
        actor=actor, action="assessments.report_changed", subject=locked, changes={"fields": changed}
    )
    return details


def assessment_report_open(
    *, user: User, access: AssessmentAccess, assessment: Assessment, download: bool = False
) -> AssessmentReport | None:
    """The report and note to someone who may read them; each reading of a restricted one is logged."""
    if not access.sees_report(assessment):
        raise AccessDenied(RESTRICTED)
    details = AssessmentReport.objects.filter(assessment=assessment).first()
    if download and (details is None or not details.report):
        return None
    if assessment.assessment_type.details_restricted:
        action = "assessments.report_downloaded" if download else "assessments.report_viewed"
        with transaction.atomic():
            audit_record(actor=user, action=action, subject=assessment)
    return details
