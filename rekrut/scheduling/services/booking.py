"""The candidate's side of an offer: taking a slot, moving to another one, cancelling.

Taking a slot is one conditional UPDATE (`... SET taken_at = now WHERE id = ? AND taken_at IS NULL`): the
database gives the row count 1 to exactly one of any number of people pressing at once, on SQLite and on
PostgreSQL alike. The interview is then made by the interviews services in the same transaction, on
behalf of the offer's creator, so everyone gets the usual invitation; any refusal rolls the slot back.
The interviewers' rows are locked first (PostgreSQL; SQLite runs one writer at a time), so two offers
sharing interviewers cannot both book the same hour.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from rekrut.accounts.models import User
from rekrut.core.errors import DomainError
from rekrut.core.signed_links import IssuedLink, signed_link_issue, signed_link_revoke
from rekrut.events.services import audit_record
from rekrut.interviews.services.interviews import (
    Place,
    interview_cancel,
    interview_reschedule,
    interview_schedule,
)
from rekrut.scheduling.availability import blocked_times_overlapping, interviews_overlapping
from rekrut.scheduling.models import Slot, SlotOffer
from rekrut.scheduling.selectors.slots import BOOKING_NOTICE
from rekrut.scheduling.services.mails import booked_mail_queue

MANAGE_PURPOSE = "scheduling_manage"
# The link to change a booking stays usable a while after the interview, to show what it was.
MANAGE_AFTER = timedelta(days=1)


class SlotTaken(DomainError):
    code = "slot_taken"

    def __init__(self) -> None:
        super().__init__(_("This time was just taken. Please choose another one."))


class RuleRefused(DomainError):
    code = "rule"


def _locked(offer: SlotOffer) -> SlotOffer:
    return (
        SlotOffer.objects.select_for_update(of=("self",))
        .select_related("application__candidate", "application__job__location", "round__stage", "created_by")
        .get(pk=offer.pk)
    )


def _open_for_picking(offer: SlotOffer) -> None:
    if offer.revoked_at is not None:
        raise DomainError(_("These times were withdrawn. Please contact us for new ones."), code="revoked")
    if offer.cancelled_by_candidate_at is not None:
        raise DomainError(
            _("You cancelled this interview. Please contact us to plan a new one."), code="cancelled"
        )


def _take(offer: SlotOffer, slot_id: int, now: datetime) -> Slot:
    """Holds the slot for this offer, or raises SlotTaken; the interviewers' rows are locked first."""
    list(User.objects.select_for_update().filter(pk__in=offer.interviewers.values("pk")).order_by("pk"))
    won = Slot.objects.filter(
        pk=slot_id, offer=offer, taken_at__isnull=True, starts_at__gte=now + BOOKING_NOTICE
    ).update(taken_at=now)
    if won != 1:
        raise SlotTaken()
    slot = Slot.objects.get(pk=slot_id)
    ends_at = slot.starts_at + timedelta(minutes=offer.duration_minutes)
    people = list(offer.interviewers.all())
    exclude = offer.interview_id if offer.is_booked else None
    if interviews_overlapping(users=people, starts_at=slot.starts_at, ends_at=ends_at, exclude_pk=exclude):
        raise SlotTaken()  # booked through another offer, or planned by HR, since it was offered
    if blocked_times_overlapping(users=people, starts_at=slot.starts_at, ends_at=ends_at):
        raise SlotTaken()
    return slot


def _place(offer: SlotOffer) -> Place:
    return Place(mode=offer.mode, location=offer.location, room=offer.room, meeting_url=offer.meeting_url)


@transaction.atomic
def slot_book(*, offer: SlotOffer, slot_id: int) -> tuple[SlotOffer, IssuedLink | None]:
    """The candidate takes one slot: the interview is scheduled and everyone is invited. Pressing again
    (a double tap, a resent form) returns the booking already made and issues nothing new.

    Returns the offer and the new link to manage the booking (None when it was already booked)."""
    locked = _locked(offer)
    _open_for_picking(locked)
    if locked.is_booked:
        return locked, None
    now = timezone.now()
    if now >= locked.expires_at:
        raise DomainError(
            _("The time to choose has passed. Please contact us for new times."), code="expired"
        )
    slot = _take(locked, slot_id, now)
    interview = interview_schedule(
        actor=locked.created_by,
        application=locked.application,
        plan_round=locked.round,
        starts_at=slot.starts_at,
        duration_minutes=locked.duration_minutes,
        interviewers=list(locked.interviewers.all()),
        place=_place(locked),
    )
    issued = signed_link_issue(
        purpose=MANAGE_PURPOSE,
        subject=locked,
        valid_for=interview.ends_at + MANAGE_AFTER - now,
        created_by=None,
        url_name="scheduling:manage",
    )
    locked.interview, locked.manage_link = interview, issued.link
    locked.save(update_fields=["interview", "manage_link"])
    if locked.link is not None:
        # Picking is done; the candidate changes the booking through the manage link from now on.
        signed_link_revoke(link=locked.link, actor=None)
    audit_record(
        actor=None,
        action="scheduling.slot_booked",
        subject=locked,
        changes={"starts_at": slot.starts_at.isoformat(), "interview": interview.pk},
    )
    booked_mail_queue(offer=locked, url=issued.url or "")
    return locked, issued


def change_refusal(offer: SlotOffer, *, now: datetime | None = None, rescheduling: bool) -> str:
    """Why the candidate may not change the booking now (the rule stated), or "" when they may."""
    now = now or timezone.now()
    if not offer.is_booked or offer.interview is None or offer.interview.is_cancelled:
        return str(_("This interview is no longer scheduled. Please contact us."))
    if now >= offer.changes_close_at(offer.interview.starts_at):
        return ngettext(
            "Changes are possible until %(hours)d hour before the interview. Please contact us directly if "
            "you cannot come.",
            "Changes are possible until %(hours)d hours before the interview. Please contact us directly if "
            "you cannot come.",
            offer.change_until_hours,
        ) % {"hours": offer.change_until_hours}
    if rescheduling and offer.reschedules_used >= offer.max_reschedules:
        return ngettext(
            "You have already moved this interview %(count)d time, the most allowed. Please contact us.",
            "You have already moved this interview %(count)d times, the most allowed. Please contact us.",
            offer.reschedules_used,
        ) % {"count": offer.reschedules_used}
    return ""


@transaction.atomic
def booking_reschedule(*, offer: SlotOffer, slot_id: int) -> SlotOffer:
    """The candidate moves the interview to another open slot of the same offer, within HR's rules."""
    locked = _locked(offer)
    _open_for_picking(locked)
    refusal = change_refusal(locked, rescheduling=True)
    if refusal:
        raise RuleRefused(refusal)
    assert locked.interview is not None
    now = timezone.now()
    before = locked.interview.starts_at
    slot = _take(locked, slot_id, now)
    interview_reschedule(
        actor=locked.created_by,
        interview=locked.interview,
        starts_at=slot.starts_at,
        duration_minutes=locked.duration_minutes,
        place=_place(locked),
    )
    # The old time is free again for this candidate to come back to.
    Slot.objects.filter(offer=locked, starts_at=before).update(taken_at=None)
    locked.reschedules_used += 1
    locked.save(update_fields=["reschedules_used"])
    audit_record(
        actor=None,
        action="scheduling.booking_rescheduled",
        subject=locked,
        changes={"starts_at": [before.isoformat(), slot.starts_at.isoformat()]},
    )
    return locked


@transaction.atomic
def booking_cancel(*, offer: SlotOffer, reason: str = "") -> SlotOffer:
    """The candidate cancels, within HR's rules; the interviewers get the cancellation."""
    locked = _locked(offer)
    _open_for_picking(locked)
    refusal = change_refusal(locked, rescheduling=False)
    if refusal:
        raise RuleRefused(refusal)
    assert locked.interview is not None
    said = reason.strip()[:200]
    # The reason is read by staff: written in the company's language, whatever the candidate's page shows.
    with translation.override(settings.LANGUAGE_CODE):
        stored = (
            _("Cancelled by the candidate: %(reason)s") % {"reason": said}
            if said
            else _("Cancelled by the candidate.")
        )
        interview_cancel(actor=locked.created_by, interview=locked.interview, reason=str(stored))
    Slot.objects.filter(offer=locked).update(taken_at=None)
    locked.cancelled_by_candidate_at = timezone.now()
    locked.save(update_fields=["cancelled_by_candidate_at"])
    audit_record(actor=None, action="scheduling.booking_cancelled", subject=locked, changes={"reason": said})
    return locked
