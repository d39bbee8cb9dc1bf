"""What the candidate hands in for a case study or a work sample, through the assessment's signed link or
the portal, before the deadline. The file is checked by its content (PDF, a photo, an Office document or a
ZIP package, without macros, not a zip bomb) and stored under a random name; the candidate's consent to
the assessment's use of their data (UU 27/2022 Ps 20) is recorded with the first hand-in."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekrut.assessments.models import Assessment, AssessmentStatus
from rekrut.candidates.consent import consent_is_given, consent_record
from rekrut.candidates.models import ConsentPurpose
from rekrut.core.errors import DomainError
from rekrut.core.uploads import (
    MB,
    OLE_MAGIC,
    ZIP_MAGIC,
    UploadRejected,
    ZipLimits,
    scan_check,
    upload_size_check,
    zip_check,
    zip_names,
)
from rekrut.events.actions import action_register
from rekrut.events.services import audit_record

action_register("assessments.work_submitted", _("Work handed in for an assessment"))

WORK_WRONG_TYPE = _(
    "Upload your work as a PDF, a Word, Excel or PowerPoint file (without macros), an image, or a ZIP."
)
WORK_TOO_LARGE = _("The file unpacks to far more than the work needs. Upload a smaller file.")
WORK_LIMITS = ZipLimits(total_bytes=100 * MB, part_bytes=50 * MB, xml_bytes=40 * MB)
# Office packages by the part that says what they are; a macro part makes them refused.
_PACKAGES = (("word/document.xml", "docx"), ("xl/workbook.xml", "xlsx"), ("ppt/presentation.xml", "pptx"))
_MACROS = ("word/vbaProject.bin", "xl/vbaProject.bin", "ppt/vbaProject.bin")
ASSESSMENT_CONSENT = ConsentPurpose.ASSESSMENT
# The wording on the assessment page (templates/assessments/public.html): a new wording gets a new version.
CONSENT_TEXT_VERSION = "assessment-work-2026-11"


def document_accept(data: bytes, *, name: str = "") -> str:
    """The file's ending from its content ("pdf", "docx", "xlsx", "pptx", "zip", "jpg", "png"), or a
    DomainError in the uploader's words."""
    try:
        upload_size_check(data)
        if data.startswith(ZIP_MAGIC):
            names = zip_names(data)
            if any(part in names for part in _MACROS):
                raise UploadRejected(WORK_WRONG_TYPE, code="unsupported_type")
            zip_check(data, limits=WORK_LIMITS)
            return next((ending for part, ending in _PACKAGES if part in names), "zip")
        if data.startswith(OLE_MAGIC):
            raise UploadRejected(WORK_WRONG_TYPE, code="unsupported_type")
        return scan_check(data, wrong_type=WORK_WRONG_TYPE, too_large=WORK_TOO_LARGE)
    except UploadRejected as rejected:
        raise DomainError(rejected.message, code=rejected.code) from None


def work_can_submit(assessment: Assessment) -> bool:
    open_status = assessment.status in (AssessmentStatus.INVITED, AssessmentStatus.SUBMITTED)
    return open_status and assessment.deadline is not None and timezone.now() <= assessment.deadline


@transaction.atomic
def assessment_work_submit(
    *,
    assessment: Assessment,
    name: str,
    data: bytes,
    consent: bool,
    language: str,
    ip: str | None = None,
    user_agent: str = "",
) -> Assessment:
    """Stores the candidate's work (a later upload before the deadline replaces it)."""
    Assessment.objects.select_for_update().filter(pk=assessment.pk).values_list("pk", flat=True).get()
    locked = Assessment.objects.select_related("application__candidate", "application__job").get(
        pk=assessment.pk
    )
    if locked.status not in (AssessmentStatus.INVITED, AssessmentStatus.SUBMITTED):
        raise DomainError(_("This assessment no longer accepts work."), code="closed")
    if locked.deadline is None:
        raise DomainError(
            _("This assessment takes place at a set time; there is nothing to upload."), code="no_upload"
        )
    if timezone.now() > locked.deadline:
        raise DomainError(
            _("The deadline has passed, so the work can no longer be handed in here. Contact the recruiter."),
            code="deadline_passed",
        )
    candidate = locked.application.candidate
    if not consent and not consent_is_given(candidate=candidate, purpose=ASSESSMENT_CONSENT):
        raise DomainError(
            _("Agree to how your work and result are used before handing it in."), code="consent_required"
        )
    ending = document_accept(data, name=name)
    if consent:
        consent_record(
            candidate=candidate,
            purpose=ASSESSMENT_CONSENT,
            language=language,
            text_version=CONSENT_TEXT_VERSION,
            job=locked.application.job,
            ip=ip,
            user_agent=user_agent,
        )
    if locked.work_sample:
        locked.work_sample.delete(save=False)
    locked.work_sample_kind = ending
    locked.work_sample.save("work", ContentFile(data), save=False)
    locked.work_sample_name = (name or "").strip()[:200]
    locked.work_sample_size = len(data)
    locked.work_submitted_at = timezone.now()
    locked.status = AssessmentStatus.SUBMITTED
    locked.version += 1
    locked.save(
        update_fields=[
            "work_sample",
            "work_sample_kind",
            "work_sample_name",
            "work_sample_size",
            "work_submitted_at",
            "status",
            "version",
        ]
    )
    audit_record(
        actor=None, action="assessments.work_submitted", subject=locked, changes={"size": len(data)}, ip=ip
    )
    return locked
