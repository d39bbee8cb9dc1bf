"""Who is told about an interview, and how: each interviewer and the candidate get an e-mail in their own
language with the calendar invitation beside the text (see calendar.py), queued in the caller's
transaction through the outbox. The candidate's copy says what the round assesses, how to prepare and the
etiquette of its mode, and carries the anti-scam line; it never shows internal notes (the cancel reason).
"""

from datetime import datetime

from django.conf import settings
from django.utils import translation

from rekrut.core.localization import local_datetime, zone_abbreviation
from rekrut.core.site import absolute_url
from rekrut.interviews.calendar import (
    CANCEL,
    REQUEST,
    interview_zone,
    invitation_build,
    invitation_part,
)
from rekrut.interviews.hooks import invitation_links
from rekrut.interviews.models import Interview
from rekrut.interviews.purposes import candidate_template
from rekrut.notifications.services import message_queue

INVITED, RESCHEDULED, CANCELLED = "invited", "rescheduled", "cancelled"


def invitations_queue(*, interview: Interview, kind: str, previous_start: datetime | None = None) -> None:
    """Queues the invitation (INVITED), its update (RESCHEDULED) or its cancellation (CANCELLED) to every
    interviewer with an e-mail address and to the candidate when they have one. Keys carry the SEQUENCE,
    so a repeated call queues nothing twice and each change is told once.

    `previous_start` is the old start of a rescheduled interview, shown to each person in their zone."""
    method = CANCEL if kind == CANCELLED else REQUEST
    application = interview.application
    candidate, job = application.candidate, application.job
    common = {
        "candidate": candidate.full_name,
        "job": job.title,
        "company": settings.COMPANY_NAME,
        "contact": settings.ORGANIZER_EMAIL,
        "minutes": interview.duration_minutes,
        "location": interview.place,
        "mode": interview.mode,
        "round_type": interview.round.round_type,
    }
    base_key = f"interview-{interview.pk}-{kind}-{interview.calendar_sequence}"
    for person in interview.interviewers.all():
        if not person.email:
            continue
        with translation.override(person.language):
            ical = invitation_build(interview=interview, for_candidate=False, method=method)
            context = {
                **common,
                "person": str(person),
                "round": interview.round.stage.name,
                "when": local_datetime(interview.starts_at, person.time_zone),
                "was": _was(previous_start, person.time_zone),
                "reason": interview.cancel_reason,
                "url": absolute_url("interviews:scorecard", interview.pk),
            }
        message_queue(
            key=f"{base_key}-user-{person.pk}",
            to=person.email,
            template=f"interviews/email/{kind}",
            context=context,
            language=person.language,
            attachments=[invitation_part(ical, method=method)],
        )
    if candidate.email:
        zone = interview_zone(interview)
        links: dict[str, str] = {}
        if kind != CANCELLED:
            for added in invitation_links.run(interview):
                links.update(added)
        with translation.override(candidate.language):
            ical = invitation_build(interview=interview, for_candidate=True, method=method)
            context = {
                **common,
                "person": candidate.full_name,
                "round": interview.round.stage.name,
                "when": local_datetime(interview.starts_at, zone),
                "was": _was(previous_start, zone),
                "zone": zone_abbreviation(zone),
                **links,
            }
        message_queue(
            key=f"{base_key}-candidate-{candidate.pk}",
            to=candidate.email,
            template=candidate_template(kind, interview.round.round_type),
            context=context,
            language=candidate.language,
            attachments=[invitation_part(ical, method=method)],
        )


def _was(previous_start: datetime | None, zone: str) -> str:
    return local_datetime(previous_start, zone) if previous_start else ""
