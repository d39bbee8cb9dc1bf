"""The day-before reminder: interviewers, and the candidate when they have an e-mail address."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from rekrut.accounts.models import User
from rekrut.core.site import absolute_url
from rekrut.interviews.models import Interview, InterviewStatus
from rekrut.interviews.reminders.due import Due, contact_address, due_queue, language_of, local_moment
from rekrut.pipeline.transitions import ApplicationStatus


def interviews_remind_upcoming(*, now: datetime | None = None) -> int:
    """Queues a reminder INTERVIEW_REMINDER_HOURS before each scheduled interview; returns how many.

    An interview scheduled inside that window gets none: its invitation has just told everyone. The key
    holds the start, so an interview moved to another time is reminded of again, for its new time.
    """
    now = now or timezone.now()
    ahead = timedelta(hours=settings.INTERVIEW_REMINDER_HOURS)
    interviews = (
        Interview.objects.filter(
            status=InterviewStatus.SCHEDULED,
            application__status=ApplicationStatus.ACTIVE,
            starts_at__gt=now,
            starts_at__lte=now + ahead,
            created_at__lte=F("starts_at") - ahead,
        )
        .select_related("application__candidate", "application__job__location", "round__stage")
        .prefetch_related("interviewers")
    )
    items: list[Due] = []
    for interview in interviews:
        items += _for_interviewers(interview)
        items += _for_candidate(interview)
    return due_queue(items)


def _key(interview: Interview, who: str) -> str:
    return f"interview-{interview.pk}-reminder-{interview.starts_at:%Y%m%dT%H%MZ}-{who}"


def _for_interviewers(interview: Interview) -> list[Due]:
    return [
        _for_interviewer(interview, person)
        for person in interview.interviewers.all()
        if person.is_active and person.email
    ]


def _for_interviewer(interview: Interview, person: User) -> Due:
    application = interview.application
    return Due(
        key=_key(interview, f"user-{person.pk}"),
        to=person.email,
        language=language_of(person),
        template="interviews/email/reminder_interviewer",
        context=lambda: {
            "person": str(person),
            "candidate": application.candidate.full_name,
            "job": application.job.title,
            "round": interview.round.stage.name,
            "when": local_moment(interview.starts_at, person.time_zone),
            "minutes": interview.duration_minutes,
            "location": interview.place,
            "url": absolute_url("interviews:kit", interview.pk),
            "company": settings.COMPANY_NAME,
        },
    )


def _for_candidate(interview: Interview) -> list[Due]:
    candidate = interview.application.candidate
    if not candidate.email:
        return []
    job = interview.application.job
    return [
        Due(
            key=_key(interview, "candidate"),
            to=candidate.email,
            language=language_of(candidate),
            template="interviews/email/reminder_candidate",
            # The candidate has no zone of their own yet: the job's place of work gives it.
            context=lambda: {
                "candidate": candidate.full_name,
                "job": job.title,
                "round": interview.round.stage.name,
                "when": local_moment(interview.starts_at, job.location.time_zone),
                "minutes": interview.duration_minutes,
                "location": interview.place,
                "company": settings.COMPANY_NAME,
                "contact": contact_address(),
            },
        )
    ]
