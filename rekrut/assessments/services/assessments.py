"""An application's assessments: assign (or reuse an earlier result), invite, cancel, record the result.

Each runs in one transaction with its audit row. The assessment's row is locked and its version compared,
so an edit made from a stale page is refused instead of overwriting someone else's.
"""

import uuid
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from rekrut.accounts.models import User
from rekrut.assessments.access import AssessmentAccess, assessment_access
from rekrut.assessments.hooks import assessment_cancelling
from rekrut.assessments.models import (
    Assessment,
    AssessmentMode,
    AssessmentStatus,
    AssessmentType,
    Delivery,
    ResultSource,
)
from rekrut.assessments.outcomes import Result, outcome_of
from rekrut.core.errors import AccessDenied, DomainError, StaleEdit
from rekrut.core.ical import CANCEL, REQUEST, CalendarEvent, calendar_build, calendar_part
from rekrut.core.idempotency import idempotent_run
from rekrut.core.limits import NOTE_TEXT, OUT_OF_RANGE, SHORT_TEXT, moment_in_range
from rekrut.core.localization import local_datetime
from rekrut.core.signed_links import IssuedLink, signed_link_issue, signed_links_revoke_for
from rekrut.events.actions import action_register
from rekrut.events.services import audit_record
from rekrut.notifications.services import message_queue
from rekrut.pipeline.access import application_access
from rekrut.pipeline.models import Application
from rekrut.pipeline.services import application_lock

action_register("assessments.assigned", _("Assessment assigned"))
action_register("assessments.reused", _("Earlier assessment result reused"))
action_register("assessments.invited", _("Candidate invited to an assessment"))
action_register("assessments.cancelled", _("Assessment cancelled"))
action_register("assessments.result_recorded", _("Assessment result recorded"))

LINK_PURPOSE = "assessment"
INVITED_TEMPLATE = "assessments/email/invited"
CANCELLED_TEMPLATE = "assessments/email/cancelled"
PAST_GRACE = timedelta(minutes=5)
# The candidate may open the page until the day after (to find the address or the brief again).
LINK_VALID_AFTER = timedelta(days=1)
DEFAULT_MINUTES = 60

STALE = _("Someone else changed this assessment meanwhile. The page now shows its current state.")
OPEN_STATUSES = (AssessmentStatus.ASSIGNED, AssessmentStatus.INVITED, AssessmentStatus.SUBMITTED)


def manage_access(actor: User, application: Application) -> AssessmentAccess:
    access = assessment_access(
        user=actor, application=application_access(user=actor, application=application)
    )
    if not access.application.job.is_hr_owner:
        raise AccessDenied(_("Only the job's HR owner or an HR admin can arrange assessments."))
    if not access.application.is_open:
        raise DomainError(_("This application is closed; reopen it first."), code="not_active")
    return access


def assessment_lock(assessment: Assessment, expected_version: int | None) -> Assessment:
    # The row alone is locked, then read with its relations (see pipeline.services.application_lock).
    Assessment.objects.select_for_update().filter(pk=assessment.pk).values_list("pk", flat=True).get()
    locked = Assessment.objects.select_related(
        "assessment_type", "application__candidate", "application__job__location", "application__stage"
    ).get(pk=assessment.pk)
    if expected_version is not None and locked.version != expected_version:
        raise StaleEdit(STALE)
    return locked


def _bump(assessment: Assessment, *fields: str) -> None:
    assessment.version += 1
    assessment.save(update_fields=[*fields, "version"])


# ---- assigning -------------------------------------------------------------------------------------


def assessment_assign(
    *, actor: User, application: Application, assessment_type: AssessmentType, idempotency_key: str = ""
) -> Assessment:
    """Adds an assessment of this type to the application (then invite the candidate)."""
    return idempotent_run(
        actor=actor,
        key=idempotency_key,
        action="assessments.assign",
        inputs={"application": application, "type": assessment_type},
        run=lambda: _assign(actor=actor, application=application, assessment_type=assessment_type),
    )


def _open_of_type_refuse(application: Application, assessment_type: AssessmentType) -> None:
    taken = Assessment.objects.filter(
        application=application, assessment_type=assessment_type, status__in=OPEN_STATUSES
    ).exists()
    if taken:
        raise DomainError(
            _("This application already has a %(type)s in progress. Invite, record or cancel that one.")
            % {"type": assessment_type.name},
            code="already_assigned",
        )


@transaction.atomic
def _assign(*, actor: User, application: Application, assessment_type: AssessmentType) -> Assessment:
    app = application_lock(application)  # one assignment at a time per application
    manage_access(actor, app)
    if not assessment_type.is_active:
        raise DomainError(_("That assessment type is no longer in use. Choose another."), code="type_retired")
    _open_of_type_refuse(app, assessment_type)
    assessment = Assessment.objects.create(
        application=app, assessment_type=assessment_type, created_by=actor, calendar_uid=str(uuid.uuid4())
    )
    audit_record(
        actor=actor,
        action="assessments.assigned",
        subject=assessment,
        changes={"type": {"id": assessment_type.pk, "label": assessment_type.name_id}},
    )
    return assessment


def reusable_results(*, application: Application) -> list[Assessment]:
    """Results of the same person from their other applications, of a type this one has no result of, still
    within the type's validity: offered to HR, never reused silently."""
    now = timezone.now()
    done_here = set(
        Assessment.objects.filter(application=application)
        .exclude(status=AssessmentStatus.CANCELLED)
        .values_list("assessment_type_id", flat=True)
    )
    found = (
        Assessment.objects.filter(
            application__candidate_id=application.candidate_id,
            status=AssessmentStatus.COMPLETED,
            reused_from__isnull=True,
        )
        .exclude(application=application)
        .exclude(assessment_type_id__in=done_here)
        .select_related("assessment_type", "application__job")
        .order_by("-result_recorded_at")
    )
    best: dict[int, Assessment] = {}
    for assessment in found:
        if assessment.result_recorded_at is None:
            continue
        valid_until = assessment.result_recorded_at + timedelta(days=assessment.assessment_type.validity_days)
        if valid_until >= now and assessment.assessment_type_id not in best:
            best[assessment.assessment_type_id] = assessment
    return list(best.values())


def assessment_reuse(
    *, actor: User, application: Application, source: Assessment, idempotency_key: str = ""
) -> Assessment:
    return idempotent_run(
        actor=actor,
        key=idempotency_key,
        action="assessments.reuse",
        inputs={"application": application, "source": source},
        run=lambda: _reuse(actor=actor, application=application, source=source),
    )


@transaction.atomic
def _reuse(*, actor: User, application: Application, source: Assessment) -> Assessment:
    """A copy of an earlier result of the same person on this application, pointing to where it came from."""
    app = application_lock(application)
    manage_access(actor, app)
    offered = {a.pk: a for a in reusable_results(application=app)}
    if source.pk not in offered:
        raise DomainError(
            _(
                "That result cannot be reused here: it belongs to someone else, has expired, or this "
                "application already has an assessment of its type."
            ),
            code="not_reusable",
        )
    source = offered[source.pk]
    _open_of_type_refuse(app, source.assessment_type)
    copy = Assessment.objects.create(
        application=app,
        assessment_type=source.assessment_type,
        status=AssessmentStatus.COMPLETED,
        score=source.score,
        category=source.category,
        rubric_ratings=source.rubric_ratings,
        outcome=source.outcome,
        conclusion=source.conclusion,
        result_source=ResultSource.REUSED,
        # The result's own date, so its validity runs from when it was measured, not from the copy.
        result_recorded_at=source.result_recorded_at,
        result_recorded_by=actor,
        reused_from=source,
        created_by=actor,
        calendar_uid=str(uuid.uuid4()),
    )
    audit_record(
        actor=actor,
        action="assessments.reused",
        subject=copy,
        changes={"from_assessment": source.pk, "from_job": source.application.job.title},
    )
    return copy


# ---- inviting --------------------------------------------------------------------------------------


PAST_TIME = _("The time cannot be in the past. Choose a time from now on.")
PAST_DEADLINE = _("The deadline cannot be in the past. Choose a time from now on.")


def _moment_check(moment: datetime, *, in_the_past: StrOrPromise) -> None:
    if timezone.is_naive(moment):
        raise DomainError(_("The time needs a time zone."), code="naive_time")
    if not moment_in_range(moment):
        raise DomainError(OUT_OF_RANGE, code="out_of_range")
    if moment < timezone.now() - PAST_GRACE:
        raise DomainError(in_the_past, code="in_the_past")


def _open_check(assessment: Assessment) -> None:
    if assessment.status not in (AssessmentStatus.ASSIGNED, AssessmentStatus.INVITED):
        raise DomainError(
            _("Only an assessment not yet done can be changed; this one is “%(status)s”.")
            % {"status": assessment.get_status_display()},
            code="not_open",
        )


def invitation_context(assessment: Assessment, *, language: str) -> dict:
    """What the candidate reads (page and e-mail), worded in their language and the job location's zone."""
    application = assessment.application
    kind = assessment.assessment_type
    zone = application.job.location.time_zone
    with translation.override(language):
        return {
            "person": application.candidate.full_name,
            "job": application.job.title,
            "company": settings.COMPANY_NAME,
            "contact": settings.ORGANIZER_EMAIL,
            "assessment": kind.name,
            "when": local_datetime(assessment.scheduled_at, zone) if assessment.scheduled_at else "",
            "deadline": local_datetime(assessment.deadline, zone) if assessment.deadline else "",
            "minutes": kind.duration_minutes or "",
            "online": assessment.mode == AssessmentMode.ONLINE,
            "location": assessment.location,
            "meeting_url": assessment.meeting_url,
            "provider": kind.provider_name,
            "measures": kind.measures,
            "instructions": kind.instructions,
            "bring": kind.bring,
            "note": assessment.note_to_candidate,
            "has_brief": bool(kind.brief or kind.brief_file),
        }


def calendar_of(assessment: Assessment, *, method: str) -> str:
    """The candidate's calendar event of an assessment with a time, in the active language."""
    application = assessment.application
    kind = assessment.assessment_type
    minutes = kind.duration_minutes or DEFAULT_MINUTES
    assert assessment.scheduled_at is not None
    return calendar_build(
        CalendarEvent(
            uid=assessment.calendar_uid or f"assessment-{assessment.pk}@rekrut",
            sequence=assessment.calendar_sequence,
            starts_at=assessment.scheduled_at,
            ends_at=assessment.scheduled_at + timedelta(minutes=minutes),
            zone=application.job.location.time_zone,
            summary=str(_("%(assessment)s: %(job)s at %(company)s"))
            % {"assessment": kind.name, "job": application.job.title, "company": settings.COMPANY_NAME},
            location=assessment.location,
            url=assessment.meeting_url,
            attendees=[(application.candidate.email, application.candidate.full_name)],
        ),
        method=method,
        product="Assessment",
    )


@transaction.atomic
def assessment_invite(
    *,
    actor: User,
    assessment: Assessment,
    expected_version: int | None,
    scheduled_at: datetime | None = None,
    deadline: datetime | None = None,
    mode: str = AssessmentMode.ON_SITE,
    location: str = "",
    meeting_url: str = "",
    note: str = "",
) -> IssuedLink:
    """E-mails the candidate the assessment (a time and place or link, or a deadline for work done at home)
    with a link to its page, in their language, and a calendar invitation when it has a time. Inviting again
    (a new time) withdraws the earlier links and updates the same calendar event."""
    locked = assessment_lock(assessment, expected_version)
    manage_access(actor, locked.application)
    _open_check(locked)
    if locked.assessment_type.delivery == Delivery.ONLINE:
        # A generic invitation would carry no test: the online test has its own link, deadline and clock.
        raise DomainError(
            _("This is a Rekrut online test: send it from the application's online tests page."),
            code="online_test",
        )
    candidate = locked.application.candidate
    if not candidate.email:
        raise DomainError(
            _("The candidate has no e-mail address. Add one, or tell them by phone."), code="no_email"
        )
    if scheduled_at is None and deadline is None:
        raise DomainError(
            _("Give a time for the assessment, or a deadline for work done at home."), code="no_time"
        )
    if scheduled_at is not None:
        _moment_check(scheduled_at, in_the_past=PAST_TIME)
    if deadline is not None:
        _moment_check(deadline, in_the_past=PAST_DEADLINE)
    if mode not in AssessmentMode.values:
        raise DomainError(_("Choose on site or online."), code="mode")
    location, meeting_url, note = location.strip(), meeting_url.strip(), note.strip()
    if scheduled_at is not None and mode == AssessmentMode.ON_SITE and not location:
        raise DomainError(_("Say where the candidate should come."), code="no_place")
    if scheduled_at is not None and mode == AssessmentMode.ONLINE and not meeting_url:
        raise DomainError(_("Give the link the candidate opens to take the assessment."), code="no_link")
    if len(location) > SHORT_TEXT or len(note) > NOTE_TEXT:
        raise DomainError(_("The place or the note is too long."), code="too_long")
    moved = locked.status == AssessmentStatus.INVITED
    locked.scheduled_at, locked.deadline = scheduled_at, deadline
    locked.mode, locked.location = mode, location if mode == AssessmentMode.ON_SITE else ""
    locked.meeting_url = meeting_url if mode == AssessmentMode.ONLINE else ""
    locked.note_to_candidate = note
    locked.status, locked.invited_at = AssessmentStatus.INVITED, timezone.now()
    if not locked.calendar_uid:
        locked.calendar_uid = str(uuid.uuid4())
    if moved:
        locked.calendar_sequence += 1
    _bump(
        locked,
        "scheduled_at",
        "deadline",
        "mode",
        "location",
        "meeting_url",
        "note_to_candidate",
        "status",
        "invited_at",
        "calendar_uid",
        "calendar_sequence",
    )
    signed_links_revoke_for(subject=locked, actor=actor, purpose=LINK_PURPOSE)
    last = max(filter(None, [scheduled_at, deadline]))
    issued = signed_link_issue(
        purpose=LINK_PURPOSE,
        subject=locked,
        valid_for=last + LINK_VALID_AFTER - timezone.now(),
        created_by=actor,
        url_name="assessments:page",
    )
    attachments = []
    if scheduled_at is not None:
        with translation.override(candidate.language):
            attachments.append(calendar_part(calendar_of(locked, method=REQUEST), method=REQUEST))
    message_queue(
        key=f"assessment-invite-{locked.pk}-{issued.link.pk}",
        to=candidate.email,
        template=INVITED_TEMPLATE,
        context={**invitation_context(locked, language=candidate.language), "url": issued.url},
        language=candidate.language,
        attachments=attachments,
    )
    audit_record(
        actor=actor,
        action="assessments.invited",
        subject=locked,
        changes={
            "to": candidate.email,
            "at": scheduled_at.isoformat() if scheduled_at else None,
            "deadline": deadline.isoformat() if deadline else None,
        },
    )
    return issued


@transaction.atomic
def assessment_cancel(
    *, actor: User, assessment: Assessment, reason: str, expected_version: int | None
) -> Assessment:
    """Cancels an assessment not yet done; an invited candidate gets a message (and their calendar event is
    withdrawn) and the link stops opening."""
    locked = assessment_lock(assessment, expected_version)
    manage_access(actor, locked.application)
    if locked.status not in OPEN_STATUSES:
        raise DomainError(_("Only an assessment not yet done can be cancelled."), code="not_open")
    reason = reason.strip()
    if not reason:
        raise DomainError(_("Say why the assessment is cancelled."), code="reason_required")
    if len(reason) > SHORT_TEXT:
        raise DomainError(
            _("Keep the reason to %(max)d characters.") % {"max": SHORT_TEXT}, code="reason_too_long"
        )
    was_invited = locked.status != AssessmentStatus.ASSIGNED
    locked.status, locked.cancel_reason = AssessmentStatus.CANCELLED, reason
    locked.calendar_sequence += 1
    _bump(locked, "status", "cancel_reason", "calendar_sequence")
    signed_links_revoke_for(subject=locked, actor=actor, purpose=LINK_PURPOSE)
    assessment_cancelling.run(locked, actor)
    candidate = locked.application.candidate
    if was_invited and candidate.email:
        attachments = []
        if locked.scheduled_at is not None:
            with translation.override(candidate.language):
                attachments.append(calendar_part(calendar_of(locked, method=CANCEL), method=CANCEL))
        message_queue(
            key=f"assessment-cancelled-{locked.pk}",
            to=candidate.email,
            template=CANCELLED_TEMPLATE,
            context=invitation_context(locked, language=candidate.language),
            language=candidate.language,
            attachments=attachments,
        )
    audit_record(actor=actor, action="assessments.cancelled", subject=locked, changes={"reason": reason})
    return locked


# ---- the result ------------------------------------------------------------------------------------

CONCLUSION_MAX = 500


@transaction.atomic
def assessment_result_record(
    *,
    actor: User,
    assessment: Assessment,
    expected_version: int | None,
    score: Decimal | None = None,
    category: str = "",
    ratings: dict[str, int] | None = None,
    conclusion: str = "",
    taken_on: date | None = None,
    source: str = ResultSource.MANUAL,
) -> Assessment:
    """Records (or corrects) the result in the type's shape; the outcome follows from it (outcomes.py).
    The conclusion is a line every reader of the application sees: never the report's details."""
    locked = assessment_lock(assessment, expected_version)
    manage_access(actor, locked.application)
    if locked.status == AssessmentStatus.CANCELLED:
        raise DomainError(_("This assessment was cancelled; assign a new one."), code="cancelled")
    if locked.result_source == ResultSource.REUSED:
        raise DomainError(
            _("This result was reused from an earlier application; correct it there."), code="reused"
        )
    kind = locked.assessment_type
    outcome = outcome_of(kind, Result(score=score, category=category, ratings=ratings))
    conclusion = conclusion.strip()
    if len(conclusion) > CONCLUSION_MAX:
        raise DomainError(
            _("Keep the conclusion to %(max)d characters.") % {"max": CONCLUSION_MAX},
            code="conclusion_too_long",
        )
    if taken_on is not None and taken_on > timezone.localdate():
        raise DomainError(_("The date of the assessment cannot be in the future."), code="future_date")
    before = {"outcome": locked.outcome, "score": str(locked.score or ""), "category": locked.category}
    shape_values = {
        "score": score if kind.shape == "score" else None,
        "category": category if kind.shape == "category" else "",
        "rubric_ratings": dict(ratings or {}) if kind.shape == "rubric" else {},
    }
    for name, value in shape_values.items():
        setattr(locked, name, value)
    locked.outcome, locked.conclusion, locked.result_source = outcome, conclusion, source
    locked.status = AssessmentStatus.COMPLETED
    recorded = timezone.now()
    if taken_on is not None:
        recorded = timezone.make_aware(datetime.combine(taken_on, datetime.min.time().replace(hour=12)))
    locked.result_recorded_at, locked.result_recorded_by = recorded, actor
    _bump(
        locked,
        "score",
        "category",
        "rubric_ratings",
        "outcome",
        "conclusion",
        "result_source",
        "status",
        "result_recorded_at",
        "result_recorded_by",
    )
    audit_record(
        actor=actor,
        action="assessments.result_recorded",
        subject=locked,
        changes={
            "outcome": {"before": before["outcome"], "after": outcome},
            "source": source,
            **({"score": str(score)} if kind.shape == "score" else {}),
            **({"category": category} if kind.shape == "category" else {}),
        },
    )
    return locked
