"""The candidate's e-mail after choosing a time: the booking and the link to change or cancel it. The
calendar invitation itself comes from the interviews app, like every interview's."""

from django.conf import settings
from django.utils import translation

from rekrut.core.localization import local_datetime
from rekrut.notifications.services import message_queue
from rekrut.scheduling.models import SlotOffer
from rekrut.scheduling.purposes import BOOKED as BOOKED_TEMPLATE


def booked_context(offer: SlotOffer, *, url: str) -> dict:
    application = offer.application
    interview = offer.interview
    assert interview is not None
    return {
        "person": application.candidate.full_name,
        "job": application.job.title,
        "company": settings.COMPANY_NAME,
        "contact": settings.ORGANIZER_EMAIL,
        "round": offer.round.stage.name,
        "when": local_datetime(interview.starts_at, application.job.location.time_zone),
        "minutes": interview.duration_minutes,
        "mode": interview.get_mode_display(),
        "place": interview.place,
        "link": url,
        "change_until_hours": offer.change_until_hours,
        "max_reschedules": offer.max_reschedules,
    }


def booked_mail_queue(*, offer: SlotOffer, url: str) -> None:
    candidate = offer.application.candidate
    if not candidate.email:
        return
    language = candidate.language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = booked_context(offer, url=url)
    message_queue(
        key=f"slot-offer-{offer.pk}-booked-{offer.manage_link_id}",
        to=candidate.email,
        template=BOOKED_TEMPLATE,
        context=context,
        language=language,
    )
