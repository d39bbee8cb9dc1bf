"""The candidate's data requests (UU 27/2022 PDP Ps 6, 8, 9) and HR's answers, keeping a candidate past the
retention period, and JSON Resume in and out by HR. Each act writes its audit row in its transaction."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.candidates.consent import consent_is_given, consent_withdraw
from rekrut.candidates.jsonresume import resume_import, resume_read
from rekrut.candidates.models import Candidate, ConsentPurpose
from rekrut.core.errors import AccessDenied, DomainError
from rekrut.events.actions import action_register
from rekrut.events.services import audit_record
from rekrut.privacy.erasure import candidate_erase
from rekrut.privacy.models import (
    ANSWER_WITHIN,
    DataRequest,
    Erasure,
    ErasureReason,
    RequestKind,
    RequestStatus,
    RetentionHold,
)

action_register("data_request.created", _("Data request received"))
action_register("data_request.answered", _("Data request answered"))
action_register("candidate.retention_extended", _("Candidate kept past the retention period"))
action_register("candidate.resume_imported", _("JSON Resume imported"))
action_register("candidate.resume_exported", _("JSON Resume exported"))
action_register("candidate.data_downloaded", _("Candidate downloaded their data"))

DETAILS_MAX = 2000


def _hr_admin_only(actor: User) -> None:
    if not actor.is_hr_admin:
        raise AccessDenied(_("Only an HR admin handles candidates' data requests."))


@transaction.atomic
def data_request_create(
    *, candidate: Candidate, kind: str, details: str = "", purpose: str = ""
) -> DataRequest:
    """The candidate asks. A consent withdrawal takes effect at once (Ps 9); HR then confirms that every
    use of it stopped. One open request of each kind at a time: asking twice shows the first."""
    details = details.strip()
    if kind not in RequestKind.values:
        raise DomainError(_("Choose what you are asking for."), code="request_kind")
    if Erasure.objects.filter(candidate=candidate).exists():
        raise DomainError(_("Your personal data has already been deleted."), code="already_erased")
    if kind == RequestKind.CORRECTION and not details:
        raise DomainError(_("Write what is wrong and what it should say."), code="details_required")
    if len(details) > DETAILS_MAX:
        raise DomainError(
            _("Keep it under %(count)s characters.") % {"count": DETAILS_MAX}, code="details_too_long"
        )
    if kind == RequestKind.CONSENT_WITHDRAWAL and (
        purpose not in ConsentPurpose.values or not consent_is_given(candidate=candidate, purpose=purpose)
    ):
        raise DomainError(_("Choose a consent you have given and not withdrawn yet."), code="no_consent")
    open_one = DataRequest.objects.filter(
        candidate=candidate, kind=kind, status=RequestStatus.OPEN, purpose=purpose
    ).first()
    if open_one is not None:
        raise DomainError(
            _("You already asked for this on %(date)s; HR answers by %(due)s.")
            % {
                "date": timezone.localtime(open_one.created_at).strftime("%d-%m-%Y %H:%M"),
                "due": timezone.localtime(open_one.due_at).strftime("%d-%m-%Y %H:%M"),
            },
            code="already_asked",
        )
    now = timezone.now()
    request = DataRequest.objects.create(
        candidate=candidate,
        kind=kind,
        details=details,
        purpose=purpose,
        created_at=now,
        due_at=now + ANSWER_WITHIN,
    )
    if kind == RequestKind.CONSENT_WITHDRAWAL:
        consent_withdraw(candidate=candidate, purpose=purpose)
    audit_record(actor=None, action="data_request.created", subject=candidate, changes={"kind": kind})
    return request


@transaction.atomic
def data_request_answer(*, actor: User, request: DataRequest, done: bool, answer: str) -> DataRequest:
    """An HR admin answers: done (a deletion erases the person now) or refused with the reason, which the
    candidate reads (Ps 5–14 allow refusal only on the law's grounds, so a refusal must say which)."""
    _hr_admin_only(actor)
    locked = DataRequest.objects.select_for_update().get(pk=request.pk)
    answer = answer.strip()
    if locked.status != RequestStatus.OPEN:
        raise DomainError(_("This request has already been answered."), code="answered")
    if not done and not answer:
        raise DomainError(
            _("Write why the request is refused: the candidate reads it."), code="reason_required"
        )
    if len(answer) > DETAILS_MAX:
        raise DomainError(_("Keep it under %(count)s characters.") % {"count": DETAILS_MAX}, code="too_long")
    locked.status = RequestStatus.DONE if done else RequestStatus.REFUSED
    locked.answer = answer
    locked.answered_at = timezone.now()
    locked.answered_by = actor
    locked.save()
    audit_record(
        actor=actor,
        action="data_request.answered",
        subject=locked.candidate,
        changes={"kind": locked.kind, "status": locked.status, "late": locked.answered_at > locked.due_at},
    )
    if done and locked.kind == RequestKind.DELETION:
        candidate_erase(candidate=locked.candidate, actor=actor, reason=ErasureReason.REQUEST, request=locked)
        locked.refresh_from_db()
    return locked


@transaction.atomic
def retention_extend(
    *, actor: User, candidate: Candidate, until: date, reason: str, talent_pool: bool
) -> RetentionHold:
    """HR keeps a candidate past the retention period, with a reason. Keeping them for the talent pool
    needs their talent-pool consent (Ps 20, 22): without it, HR asks for one first."""
    if not actor.is_hr:
        raise AccessDenied(_("Only HR can keep a candidate's data longer."))
    reason = reason.strip()
    if not reason:
        raise DomainError(_("Write why this candidate's data is kept longer."), code="reason_required")
    if until <= timezone.localdate():
        raise DomainError(_("Choose a day after today."), code="until_past")
    if until > timezone.localdate().replace(year=timezone.localdate().year + 5):
        raise DomainError(_("Keep a candidate for at most five years at a time."), code="until_far")
    if talent_pool and not consent_is_given(candidate=candidate, purpose=ConsentPurpose.TALENT_POOL):
        raise DomainError(
            _("This candidate has not agreed to the talent pool. Ask for their consent first."),
            code="no_talent_pool_consent",
        )
    if Erasure.objects.filter(candidate=candidate).exists():
        raise DomainError(_("This candidate's personal data has already been erased."), code="already_erased")
    hold, _created = RetentionHold.objects.update_or_create(
        candidate=candidate,
        defaults={"until": until, "reason": reason, "set_by": actor, "set_at": timezone.now()},
    )
    audit_record(
        actor=actor,
        action="candidate.retention_extended",
        subject=candidate,
        changes={"until": until.isoformat(), "reason": reason, "talent_pool": talent_pool},
    )
    return hold


@transaction.atomic
def resume_import_by_hr(*, actor: User, candidate: Candidate, data: bytes) -> list[str]:
    """HR adds a JSON Resume file to a candidate: checked against the schema, kept whole, empty fields
    filled. Returns the fields filled."""
    if not actor.is_hr:
        raise AccessDenied(_("Only HR can import a résumé."))
    document = resume_read(data)
    filled = resume_import(candidate=candidate, document=document, actor=actor)
    audit_record(
        actor=actor, action="candidate.resume_imported", subject=candidate, changes={"filled": filled}
    )
    return filled
