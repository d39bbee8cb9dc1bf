"""Reads for the candidate portal. Everything is scoped to the signed-in candidate: their applications
(every live record with their verified e-mail address), and, per application, only what a candidate may
know: the step in plain words, their interviews, open times to choose, an offer sent, onboarding
documents asked for, and the messages sent to them. Never HR's notes, scores or reasons."""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.db.models.functions import Lower
from django.http import Http404
from django.utils import timezone

from rekrut.candidates.models import Candidate
from rekrut.core.models import SignedLink
from rekrut.interviews.models import Interview, InterviewStatus
from rekrut.notifications.models import OutboxMessage
from rekrut.notifications.selectors import message_to_get, messages_to
from rekrut.offers.models import Offer, OfferStatus
from rekrut.onboarding.models import Onboarding
from rekrut.onboarding.services import LINK_PURPOSE as ONBOARDING_LINK_PURPOSE
from rekrut.pipeline.models import Application
from rekrut.pipeline.transitions import ApplicationStatus
from rekrut.portal.prep.links import AFTER as PREP_AFTER
from rekrut.portal.purposes import SIGN_IN_KEY
from rekrut.portal.status import Standing, standing_of
from rekrut.scheduling.models import SlotOffer

# What the candidate can still see of an offer: the one sent, and their answer to it.
OFFER_SHOWN = (OfferStatus.SENT, OfferStatus.ACCEPTED, OfferStatus.DECLINED, OfferStatus.EXPIRED)


def records_of(candidate: Candidate) -> QuerySet[Candidate]:
    """The candidate's records: the one signed in, and any other live record with the same e-mail address
    (HR may have entered the person twice). Owning the mailbox is what the sign-in link proved."""
    email = candidate.email.strip().lower()
    if not email:
        return Candidate.objects.filter(pk=candidate.pk)
    return Candidate.objects.alias(email_lower=Lower("email")).filter(email_lower=email, merged_into=None)


def applications_of(candidate: Candidate) -> QuerySet[Application]:
    return (
        Application.objects.filter(candidate__in=records_of(candidate))
        .select_related("job__location", "job__department", "stage")
        .order_by("-applied_at", "-pk")
    )


def application_of(*, candidate: Candidate, application_id: int) -> Application:
    """One of the candidate's applications; a 404 for anyone else's, so an id reveals nothing."""
    application = applications_of(candidate).filter(pk=application_id).first()
    if application is None:
        raise Http404
    return application


@dataclass
class ApplicationCard:
    application: Application
    standing: Standing
    interviews: list[Interview] = field(default_factory=list)
    # Held in the last days, while the application is open: the "after the interview" page is offered.
    past_interviews: list[Interview] = field(default_factory=list)
    slot_offers: list[SlotOffer] = field(default_factory=list)
    offer: Offer | None = None
    onboarding: Onboarding | None = None

    @property
    def can_withdraw(self) -> bool:
        return self.application.status == ApplicationStatus.ACTIVE


def _live_link_subjects(model: type, purpose: str, ids: list[int], now: datetime) -> set[int]:
    """Which of these objects HR has sent a link for that still works (their page is open to the
    candidate); the portal offers a way in only then."""
    return set(
        SignedLink.objects.filter(
            subject_type=ContentType.objects.get_for_model(model),
            subject_id__in=ids,
            purpose=purpose,
            revoked_at=None,
            expires_at__gt=now,
        ).values_list("subject_id", flat=True)
    )


def cards_of(candidate: Candidate, *, now: datetime | None = None) -> list[ApplicationCard]:
    """Each application with what the candidate may do about it, in a fixed number of queries."""
    now = now or timezone.now()
    applications = list(applications_of(candidate))
    ids = [application.pk for application in applications]
    cards = {
        application.pk: ApplicationCard(
            application=application,
            standing=standing_of(status=application.status, stage_kind=application.stage.kind),
        )
        for application in applications
    }
    interviews = (
        Interview.objects.filter(
            application_id__in=ids, status=InterviewStatus.SCHEDULED, starts_at__gte=now - PREP_AFTER
        )
        .select_related("round__stage", "application__job__location")
        .order_by("starts_at")
    )
    for interview in interviews:
        card = cards[interview.application_id]
        if interview.ends_at >= now:
            card.interviews.append(interview)
        elif card.application.status == ApplicationStatus.ACTIVE:
            card.past_interviews.insert(0, interview)  # the latest first
    # Times to choose from: an offer not withdrawn, still open and not yet booked.
    open_offers = SlotOffer.objects.filter(
        application_id__in=ids,
        application__status=ApplicationStatus.ACTIVE,
        revoked_at=None,
        interview=None,
        expires_at__gt=now,
    ).select_related("round__stage")
    for slot_offer in open_offers:
        cards[slot_offer.application_id].slot_offers.append(slot_offer)
    # A booked interview the candidate may still move or cancel is reached through its offer.
    booked = {
        slot_offer.interview_id: slot_offer
        for slot_offer in SlotOffer.objects.filter(
            application_id__in=ids, interview__isnull=False, cancelled_by_candidate_at=None
        ).only("pk", "interview_id", "application_id")
    }
    for card in cards.values():
        for interview in card.interviews:
            interview.portal_slot_offer = booked.get(interview.pk)  # type: ignore[attr-defined]
    offers = Offer.objects.filter(application_id__in=ids, status__in=OFFER_SHOWN).order_by("version", "pk")
    for offer in offers:
        cards[offer.application_id].offer = offer  # the newest version wins
    onboardings = list(Onboarding.objects.filter(application_id__in=ids, handed_off_at=None))
    with_link = _live_link_subjects(Onboarding, ONBOARDING_LINK_PURPOSE, [o.pk for o in onboardings], now)
    for onboarding in onboardings:
        if onboarding.pk in with_link:
            cards[onboarding.application_id].onboarding = onboarding
    return list(cards.values())


def interview_of(*, candidate: Candidate, interview_id: int, cancelled_too: bool = False) -> Interview:
    """One of the candidate's own interviews, not cancelled (unless `cancelled_too`); a 404 otherwise."""
    statuses = (
        [InterviewStatus.SCHEDULED, InterviewStatus.CANCELLED]
        if cancelled_too
        else [InterviewStatus.SCHEDULED]
    )
    interview = (
        Interview.objects.filter(
            pk=interview_id,
            application__candidate__in=records_of(candidate),
            status__in=statuses,
        )
        .select_related("round__stage", "application__job__location", "application__candidate")
        .first()
    )
    if interview is None:
        raise Http404
    return interview


def slot_offer_of(*, candidate: Candidate, slot_offer_id: int) -> SlotOffer:
    slot_offer = (
        SlotOffer.objects.filter(pk=slot_offer_id, application__candidate__in=records_of(candidate))
        .select_related("application")
        .first()
    )
    if slot_offer is None:
        raise Http404
    return slot_offer


def offer_of(*, candidate: Candidate, offer_id: int) -> Offer:
    offer = Offer.objects.filter(
        pk=offer_id, application__candidate__in=records_of(candidate), status__in=OFFER_SHOWN
    ).first()
    if offer is None:
        raise Http404
    return offer


def onboarding_of(*, candidate: Candidate, onboarding_id: int) -> Onboarding:
    onboarding = Onboarding.objects.filter(
        pk=onboarding_id, application__candidate__in=records_of(candidate), handed_off_at=None
    ).first()
    if onboarding is None or not _live_link_subjects(
        Onboarding, ONBOARDING_LINK_PURPOSE, [onboarding.pk], timezone.now()
    ):
        raise Http404
    return onboarding


def _addresses(candidate: Candidate) -> str:
    return candidate.email.strip()


def portal_messages(candidate: Candidate) -> QuerySet[OutboxMessage]:
    """The e-mails sent to the candidate's address, newest first, without the sign-in links themselves
    (they hold keys, and say nothing about an application)."""
    return messages_to(address=_addresses(candidate)).exclude(key__startswith=SIGN_IN_KEY)


def portal_message(*, candidate: Candidate, message_id: int) -> OutboxMessage:
    message = message_to_get(address=_addresses(candidate), message_id=message_id)
    if message.key.startswith(SIGN_IN_KEY):
        raise Http404
    return message
