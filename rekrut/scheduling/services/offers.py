"""HR offers a candidate interview times; the candidate gets a signed link to pick one."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.core.errors import AccessDenied, DomainError
from rekrut.core.idempotency import idempotent_run
from rekrut.core.localization import local_datetime
from rekrut.core.signed_links import IssuedLink, signed_link_issue, signed_link_revoke
from rekrut.events.services import audit_record
from rekrut.interviews.models import MAX_DURATION_MINUTES, PlanRound
from rekrut.interviews.services.interviews import Place, interviewers_onto_team
from rekrut.jobs.selectors import job_is_managed_by
from rekrut.notifications.services import message_queue
from rekrut.pipeline.models import Application
from rekrut.pipeline.transitions import ApplicationStatus
from rekrut.scheduling.availability import free_windows
from rekrut.scheduling.models import Slot, SlotOffer
from rekrut.scheduling.purposes import OFFER
from rekrut.scheduling.selectors.slots import BOOKING_NOTICE

PICK_PURPOSE = "scheduling_pick"
OFFER_TEMPLATE = OFFER
MAX_SLOTS = 60
LIMITS = {
    # name: (lowest, highest)
    "change_until_hours": (0, 7 * 24),
    "max_reschedules": (0, 10),
    "valid_hours": (1, 30 * 24),
}


@dataclass(frozen=True)
class Rules:
    """What HR lets the candidate do: change or cancel until `change_until_hours` before the interview, at
    most `max_reschedules` times; and how long the link to pick a time stays open."""

    change_until_hours: int = 24
    max_reschedules: int = 2
    valid_hours: int = 72

    def checked(self) -> "Rules":
        for name, (lowest, highest) in LIMITS.items():
            value = getattr(self, name)
            if not lowest <= value <= highest:
                raise DomainError(
                    _("%(rule)s must be between %(lowest)d and %(highest)d.")
                    % {"rule": RULE_LABELS[name], "lowest": lowest, "highest": highest},
                    code="rule_range",
                )
        return self


RULE_LABELS = {
    "change_until_hours": _("Changes allowed until (hours before)"),
    "max_reschedules": _("Reschedules allowed"),
    "valid_hours": _("Link valid for (hours)"),
}


def _manager(actor: User, application: Application) -> None:
    if not job_is_managed_by(user=actor, job=application.job):
        raise AccessDenied(_("Only the job's HR owner, its user or an HR admin can offer interview times."))


def _starts_checked(
    starts: Iterable[datetime], *, interviewers: Sequence[User], duration_minutes: int
) -> list[datetime]:
    moments = sorted(set(starts))
    if not moments:
        raise DomainError(_("Choose at least one time to offer."), code="no_slots")
    if len(moments) > MAX_SLOTS:
        raise DomainError(
            _("Offer at most %(max)d times at once.") % {"max": MAX_SLOTS}, code="too_many_slots"
        )
    if any(timezone.is_naive(moment) for moment in moments):
        raise DomainError(_("The times need a time zone."), code="naive_time")
    if moments[0] < timezone.now() + BOOKING_NOTICE:
        raise DomainError(
            _("Offer times at least %(hours)d hours from now, so the candidate can still choose them.")
            % {"hours": BOOKING_NOTICE.seconds // 3600},
            code="too_soon",
        )
    length = timedelta(minutes=duration_minutes)
    windows = free_windows(users=interviewers, start=moments[0], end=moments[-1] + length)
    zone = ZoneInfo(interviewers[0].time_zone)
    for moment in moments:
        if not any(begin <= moment and moment + length <= end for begin, end in windows):
            raise DomainError(
                _("%(when)s is no longer free for every interviewer. Reload the page and choose again.")
                % {"when": local_datetime(moment, str(zone))},
                code="not_free",
            )
    return moments


def slot_offer_create(
    *,
    actor: User,
    application: Application,
    plan_round: PlanRound,
    starts: Iterable[datetime],
    duration_minutes: int,
    interviewers: Iterable[User],
    place: Place,
    rules: Rules = Rules(),
    idempotency_key: str = "",
) -> tuple[SlotOffer, IssuedLink | None]:
    """Offers the candidate the chosen times of one round and e-mails them the link to pick one (in their
    language). An earlier open offer of the same round is withdrawn, so the candidate holds one link.

    The same `idempotency_key` sent again (a double click) returns the first offer and no link (its token
    was shown once), instead of a second offer that would withdraw the link just e-mailed."""
    moments, people = sorted(set(starts)), list(dict.fromkeys(interviewers))
    issued: list[IssuedLink] = []

    def run() -> SlotOffer:
        offer, link = _create(
            actor=actor,
            application=application,
            plan_round=plan_round,
            moments=moments,
            duration_minutes=duration_minutes,
            people=people,
            place=place,
            rules=rules,
        )
        issued.append(link)
        return offer

    offer = idempotent_run(
        actor=actor,
        key=idempotency_key,
        action="scheduling.offer_create",
        inputs={
            "application": application,
            "round": plan_round,
            "starts": moments,
            "minutes": duration_minutes,
            "interviewers": sorted(person.pk for person in people),
            "place": [place.mode, place.location.strip(), place.room.strip(), place.meeting_url.strip()],
            "rules": [rules.change_until_hours, rules.max_reschedules, rules.valid_hours],
        },
        run=run,
    )
    return offer, issued[0] if issued else None


@transaction.atomic
def _create(
    *,
    actor: User,
    application: Application,
    plan_round: PlanRound,
    moments: list[datetime],
    duration_minutes: int,
    people: list[User],
    place: Place,
    rules: Rules,
) -> tuple[SlotOffer, IssuedLink]:
    _manager(actor, application)
    if application.status != ApplicationStatus.ACTIVE:
        raise DomainError(_("This application is closed; reopen it first."), code="not_active")
    if plan_round.job_id != application.job_id:
        raise DomainError(_("That round belongs to another job."), code="foreign_round")
    if not 1 <= duration_minutes <= MAX_DURATION_MINUTES:
        raise DomainError(
            _("The interview must last between 1 and %(max)d minutes.") % {"max": MAX_DURATION_MINUTES},
            code="duration",
        )
    if not people:
        raise DomainError(_("Choose at least one interviewer."), code="no_interviewers")
    if any(not person.is_active for person in people):
        raise DomainError(_("Interviewers must be active users."), code="inactive_interviewer")
    interviewers_onto_team(actor=actor, job=application.job, people=people, add_to_team=False)
    place = place.checked()
    rules = rules.checked()
    moments = _starts_checked(moments, interviewers=people, duration_minutes=duration_minutes)
    for earlier in SlotOffer.objects.filter(
        application=application, round=plan_round, revoked_at=None, interview=None
    ):
        _revoke(actor=actor, offer=earlier)
    now = timezone.now()
    offer = SlotOffer.objects.create(
        application=application,
        round=plan_round,
        duration_minutes=duration_minutes,
        mode=place.mode,
        location=place.location,
        room=place.room,
        meeting_url=place.meeting_url,
        change_until_hours=rules.change_until_hours,
        max_reschedules=rules.max_reschedules,
        expires_at=now + timedelta(hours=rules.valid_hours),
        created_by=actor,
    )
    offer.interviewers.set(people)
    Slot.objects.bulk_create(Slot(offer=offer, starts_at=moment) for moment in moments)
    issued = signed_link_issue(
        purpose=PICK_PURPOSE,
        subject=offer,
        valid_for=timedelta(hours=rules.valid_hours),
        created_by=actor,
        url_name="scheduling:pick",
    )
    offer.link = issued.link
    offer.save(update_fields=["link"])
    _offer_mail(offer, url=issued.url or "")
    audit_record(
        actor=actor,
        action="scheduling.offer_created",
        subject=offer,
        changes={"slots": len(moments), "round": plan_round.pk, "application": application.pk},
    )
    return offer, issued


def offer_mail_context(offer: SlotOffer, *, url: str) -> dict:
    application = offer.application
    zone = application.job.location.time_zone
    return {
        "person": application.candidate.full_name,
        "job": application.job.title,
        "company": settings.COMPANY_NAME,
        "contact": settings.ORGANIZER_EMAIL,
        "round": offer.round.stage.name,
        "round_type": offer.round.round_type,
        "minutes": offer.duration_minutes,
        "mode": offer.mode,
        "link": url,
        "expires": local_datetime(offer.expires_at, zone),
        "change_until_hours": offer.change_until_hours,
    }


def _offer_mail(offer: SlotOffer, *, url: str) -> None:
    candidate = offer.application.candidate
    if not candidate.email:
        return  # HR copies the link into a chat instead; the page says so.
    language = candidate.language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = offer_mail_context(offer, url=url)
    message_queue(
        key=f"slot-offer-{offer.pk}-link-{offer.link_id}",
        to=candidate.email,
        template=OFFER_TEMPLATE,
        context=context,
        language=language,
    )


def _revoke(*, actor: User, offer: SlotOffer) -> None:
    if offer.link is not None:
        signed_link_revoke(link=offer.link, actor=actor)
    offer.revoked_at, offer.revoked_by = timezone.now(), actor
    offer.save(update_fields=["revoked_at", "revoked_by"])
    audit_record(actor=actor, action="scheduling.offer_revoked", subject=offer)


@transaction.atomic
def slot_offer_revoke(*, actor: User, offer: SlotOffer) -> SlotOffer:
    """Withdraws the link: the candidate can no longer pick a time. A booking already made stays an
    ordinary interview (HR reschedules or cancels it on the interview's page)."""
    locked = (
        SlotOffer.objects.select_for_update(of=("self",))
        .select_related("application__job", "link")
        .get(pk=offer.pk)
    )
    _manager(actor, locked.application)
    if locked.revoked_at is not None:
        raise DomainError(_("This offer was already withdrawn."), code="already_revoked")
    if locked.is_booked:
        raise DomainError(
            _("The candidate already chose a time. Change or cancel the interview on its page instead."),
            code="booked",
        )
    _revoke(actor=actor, offer=locked)
    return locked
