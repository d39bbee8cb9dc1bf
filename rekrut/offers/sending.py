"""Sending the approved offer to the candidate and recording their answer: accept, decline with a reason,
or ask to discuss. The candidate answers through a signed link that works until the end of the offer's
last day in the work location's time zone; an offer still unanswered then is marked expired by the
worker's sweep (and refused on the page even before the sweep runs).
"""

from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rekrut.accounts.models import User
from rekrut.core.errors import AccessDenied, DomainError, StaleEdit
from rekrut.core.limits import NOTE_TEXT, REASON_TEXT
from rekrut.core.signed_links import IssuedLink, signed_link_issue, signed_links_revoke_for
from rekrut.core.site import absolute_url
from rekrut.events.actions import action_register
from rekrut.events.services import audit_record
from rekrut.jobs.models import HiringTeamMember, TeamRole
from rekrut.notifications.services import message_queue
from rekrut.notifications.webhooks.events import event_register
from rekrut.notifications.webhooks.services import webhooks_announce
from rekrut.offers.letter import offer_terms_record, terms_hash_of
from rekrut.offers.models import AnswerKind, Offer, OfferAnswer, OfferStatus
from rekrut.pipeline.access import application_access

action_register("offer.sent", gettext_lazy("Offer sent to the candidate"))
action_register("offer.accepted", gettext_lazy("Offer accepted by the candidate"))
action_register("offer.declined", gettext_lazy("Offer declined by the candidate"))
action_register("offer.discuss_asked", gettext_lazy("Candidate asked to discuss the offer"))
action_register("offer.expired", gettext_lazy("Offer expired unanswered"))

event_register("offer.sent", gettext_lazy("An offer was sent to a candidate"))
event_register("offer.accepted", gettext_lazy("A candidate accepted an offer"))
event_register("offer.declined", gettext_lazy("A candidate declined an offer"))

ANSWER_PURPOSE = "offer_answer"
# A candidate with questions writes a few times, not hundreds: more is someone misusing the link.
DISCUSS_MAX = 10


def answer_deadline(offer: Offer) -> datetime:
    """The end of the offer's last day (expires_on) in the work location's zone (WIB/WITA/WIT)."""
    zone = ZoneInfo(offer.work_location.time_zone or settings.TIME_ZONE)
    return datetime.combine(offer.expires_on + timedelta(days=1), time(0, 0), tzinfo=zone)


def offer_is_past_expiry(offer: Offer) -> bool:
    return timezone.now() >= answer_deadline(offer)


def _locked(offer: Offer) -> Offer:
    return (
        Offer.objects.select_for_update(of=("self",))
        .select_related("application__job", "application__candidate", "work_location", "department")
        .get(pk=offer.pk)
    )


def _webhook_data(offer: Offer) -> dict[str, Any]:
    # No amounts: pay is specific personal data (UU 27/2022 Ps 4, rule P2); the receiver asks the API.
    return {
        "offer": offer.pk,
        "application": offer.application_id,
        "candidate": offer.application.candidate_id,
        "job": offer.application.job_id,
        "version": offer.version,
        "status": offer.status,
        "start_date": offer.start_date.isoformat(),
    }


@transaction.atomic
def offer_send(*, actor: User, offer: Offer, expected_version: int | None = None) -> IssuedLink:
    """E-mails the approved offer to the candidate, in their language, with a link to read it, download
    it and answer. The terms sent are kept with their hash: an acceptance points at exactly these."""
    locked = _locked(offer)
    application = locked.application
    access = application_access(user=actor, application=application)
    if not access.job.is_hr_owner:
        raise AccessDenied(_("Only the job's HR owner or an HR admin can send the offer."))
    if expected_version is not None and locked.lock_version != expected_version:
        raise StaleEdit(_("Someone changed this offer after you opened it. Reload the page."))
    if not access.is_open:
        raise DomainError(_("This application is closed; reopen it before making an offer."), code="closed")
    if locked.status != OfferStatus.APPROVED:
        raise DomainError(
            _(
                "Only an offer approved by everyone in its approval chain can be sent; "
                "this one is: %(status)s."
            )
            % {"status": locked.get_status_display()},
            code="not_approved",
        )
    if offer_is_past_expiry(locked) or locked.expires_on < timezone.localdate():
        raise DomainError(
            _("The offer was valid until %(day)s. Change its validity date (a new version) and send that.")
            % {"day": _day(locked.expires_on)},
            code="expired",
        )
    candidate = application.candidate
    if not candidate.email:
        raise DomainError(
            _("The candidate has no e-mail address. Add one on their record before sending the offer."),
            code="no_email",
        )
    record = offer_terms_record(locked)
    locked.sent_terms, locked.terms_hash = record, terms_hash_of(record)
    locked.sent_by, locked.sent_at = actor, timezone.now()
    locked.status = OfferStatus.SENT
    locked.save()
    signed_links_revoke_for(subject=locked, actor=actor, purpose=ANSWER_PURPOSE)
    issued = signed_link_issue(
        purpose=ANSWER_PURPOSE,
        subject=locked,
        valid_for=answer_deadline(locked) - timezone.now(),
        created_by=actor,
        url_name="offers:answer",
    )
    message_queue(
        key=f"offer-sent-{locked.pk}-{issued.link.pk}",
        to=candidate.email,
        template="offers/email/candidate_offer",
        context={
            "person": candidate.full_name,
            "job": locked.position,
            "company": settings.COMPANY_NAME,
            "contact": settings.ORGANIZER_EMAIL,
            "valid_until": _day(locked.expires_on, candidate.language),
            "url": issued.url,
        },
        language=candidate.language,
    )
    audit_record(
        actor=actor,
        action="offer.sent",
        subject=locked,
        changes={"version": locked.version, "to": candidate.email, "terms_hash": locked.terms_hash},
    )
    webhooks_announce(event="offer.sent", key=f"offer-{locked.pk}-sent", data=_webhook_data(locked))
    return issued


def _day(day: Any, language: str | None = None) -> str:
    if language:
        with translation.override(language):
            return date_format(day, "DATE_FORMAT")
    return date_format(day, "DATE_FORMAT")


def _answerable(offer: Offer, seen_hash: str) -> None:
    """The refusals a candidate may meet, in their language: answered, replaced, expired, changed."""
    if offer.status == OfferStatus.SUPERSEDED:
        raise DomainError(
            _("This offer was replaced by a revised one, which we will send you."), code="superseded"
        )
    if offer.status == OfferStatus.ACCEPTED:
        raise DomainError(_("You have already accepted this offer."), code="answered")
    if offer.status == OfferStatus.DECLINED:
        raise DomainError(_("You have already declined this offer."), code="answered")
    if offer.status == OfferStatus.EXPIRED or (
        offer.status == OfferStatus.SENT and offer_is_past_expiry(offer)
    ):
        raise DomainError(
            _("This offer was valid until %(day)s and can no longer be answered. Please contact us.")
            % {"day": _day(offer.expires_on)},
            code="expired",
        )
    if offer.status != OfferStatus.SENT:
        raise DomainError(_("This offer cannot be answered now. Please contact us."), code="not_sent")
    if seen_hash != offer.terms_hash:
        raise DomainError(
            _("The offer shown to you is not the current one. Reload the page and read it again."),
            code="terms_changed",
        )


def _answer(
    offer: Offer, *, kind: str, text: str, seen_hash: str, ip: str | None, user_agent: str
) -> OfferAnswer:
    return OfferAnswer.objects.create(
        offer=offer, kind=kind, text=text, terms_hash=seen_hash, ip=ip, user_agent=user_agent[:300]
    )


def _hr_recipients(offer: Offer) -> list[User]:
    """Who hears of the candidate's answer: whoever sent the offer and the job's HR owners."""
    people = [offer.sent_by] if offer.sent_by and offer.sent_by.is_active else []
    owners = HiringTeamMember.objects.filter(
        job=offer.application.job, role=TeamRole.HR_OWNER, user__is_active=True
    ).select_related("user")
    for member in owners:
        if member.user not in people:
            people.append(member.user)
    return [person for person in people if person.email]


def _tell_hr(offer: Offer, answer: OfferAnswer) -> None:
    application = offer.application
    for person in _hr_recipients(offer):
        message_queue(
            key=f"offer-answer-{answer.pk}-{person.pk}",
            to=person.email,
            template="offers/email/answered",
            context={
                "person": person.get_full_name() or person.get_username(),
                "candidate": application.candidate.full_name,
                "job": application.job.title,
                "version": offer.version,
                "kind": answer.kind,
                "text": answer.text,
                "page": absolute_url("offers:detail", application.pk),
                "company": settings.COMPANY_NAME,
            },
            language=person.language,
        )


@transaction.atomic
def offer_accept(*, offer: Offer, seen_hash: str, ip: str | None, user_agent: str = "") -> OfferAnswer:
    """The candidate accepts exactly the terms they were shown (their hash): the time, the address and the
    browser are recorded (UU 11/2008 ITE Ps 11: an electronic agreement needs to show who agreed to what)."""
    locked = _locked(offer)
    _answerable(locked, seen_hash)
    locked.status = OfferStatus.ACCEPTED
    locked.save(update_fields=["status", "updated_at"])
    answer = _answer(
        locked, kind=AnswerKind.ACCEPTED, text="", seen_hash=seen_hash, ip=ip, user_agent=user_agent
    )
    audit_record(
        actor=None,
        action="offer.accepted",
        subject=locked,
        changes={"version": locked.version, "terms_hash": seen_hash},
        ip=ip,
    )
    webhooks_announce(event="offer.accepted", key=f"offer-{locked.pk}-accepted", data=_webhook_data(locked))
    _tell_hr(locked, answer)
    return answer


def _text(text: str, *, limit: int, missing: str) -> str:
    text = text.strip()
    if not text:
        raise DomainError(missing, code="text_missing")
    if len(text) > limit:
        raise DomainError(
            _("Please keep it under %(limit)s characters.") % {"limit": limit}, code="text_too_long"
        )
    return text


@transaction.atomic
def offer_decline(
    *, offer: Offer, seen_hash: str, reason: str, ip: str | None, user_agent: str = ""
) -> OfferAnswer:
    reason = _text(reason, limit=REASON_TEXT, missing=_("Please tell us briefly why you decline."))
    locked = _locked(offer)
    _answerable(locked, seen_hash)
    locked.status = OfferStatus.DECLINED
    locked.save(update_fields=["status", "updated_at"])
    answer = _answer(
        locked, kind=AnswerKind.DECLINED, text=reason, seen_hash=seen_hash, ip=ip, user_agent=user_agent
    )
    audit_record(
        actor=None, action="offer.declined", subject=locked, changes={"version": locked.version}, ip=ip
    )
    webhooks_announce(event="offer.declined", key=f"offer-{locked.pk}-declined", data=_webhook_data(locked))
    _tell_hr(locked, answer)
    return answer


@transaction.atomic
def offer_discuss(
    *, offer: Offer, seen_hash: str, message: str, ip: str | None, user_agent: str = ""
) -> OfferAnswer:
    """The candidate's question to HR; the offer stays open for an answer."""
    message = _text(message, limit=NOTE_TEXT, missing=_("Write what you would like to discuss."))
    locked = _locked(offer)
    _answerable(locked, seen_hash)
    if locked.answers.filter(kind=AnswerKind.DISCUSS).count() >= DISCUSS_MAX:
        raise DomainError(
            _(
                "You have sent us many messages about this offer; we will reply. "
                "You can also write to %(contact)s."
            )
            % {"contact": settings.ORGANIZER_EMAIL},
            code="too_many",
        )
    answer = _answer(
        locked, kind=AnswerKind.DISCUSS, text=message, seen_hash=seen_hash, ip=ip, user_agent=user_agent
    )
    audit_record(
        actor=None, action="offer.discuss_asked", subject=locked, changes={"version": locked.version}, ip=ip
    )
    _tell_hr(locked, answer)
    return answer


def offers_expire() -> int:
    """The worker's sweep: sent offers past the end of their last day become expired. Safe to repeat."""
    expired = 0
    due = Offer.objects.filter(
        status=OfferStatus.SENT, expires_on__lt=timezone.localdate() + timedelta(days=1)
    )
    for offer_id in due.values_list("pk", flat=True):
        with transaction.atomic():
            offer = _locked(Offer(pk=offer_id))
            if offer.status != OfferStatus.SENT or not offer_is_past_expiry(offer):
                continue
            offer.status = OfferStatus.EXPIRED
            offer.save(update_fields=["status", "updated_at"])
            audit_record(
                actor=None, action="offer.expired", subject=offer, changes={"version": offer.version}
            )
            expired += 1
    return expired
