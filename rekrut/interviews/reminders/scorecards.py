"""Chasing a missing scorecard: a while after the interview ended, then daily, a limited number of times."""

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from rekrut.accounts.models import User
from rekrut.core.site import absolute_url
from rekrut.interviews.models import (
    MAX_DURATION_MINUTES,
    Interview,
    InterviewStatus,
    Scorecard,
    ScorecardStatus,
)
from rekrut.interviews.reminders.due import Due, due_queue, language_of, local_moment
from rekrut.pipeline.transitions import ApplicationStatus

EVERY = timedelta(days=1)


def scorecards_remind_missing(*, now: datetime | None = None) -> int:
    """Reminds each interviewer whose scorecard is not submitted: SCORECARD_REMINDER_AFTER_HOURS after
    the interview ended, then once a day, at most SCORECARD_REMINDERS_MAX times; returns how many queued.

    Reminder n is due from (end + after + (n-1) days); the key holds n, so each goes out once. After a
    worker outage only the latest due one is sent, never a burst. Closed applications (rejected,
    withdrawn, hired) and cancelled interviews are not chased, as in My work's overdue counts.
    """
    now = now or timezone.now()
    after = timedelta(hours=settings.SCORECARD_REMINDER_AFTER_HOURS)
    most = settings.SCORECARD_REMINDERS_MAX
    # Bounds the scan to interviews that can still owe a reminder, however long Rekrut has run.
    oldest_start = now - after - most * EVERY - timedelta(minutes=MAX_DURATION_MINUTES)
    interviews = list(
        Interview.objects.filter(
            status=InterviewStatus.SCHEDULED,
            application__status=ApplicationStatus.ACTIVE,
            starts_at__gte=oldest_start,
            starts_at__lte=now - after,
        )
        .select_related("application__candidate", "application__job")
        .prefetch_related("interviewers")
    )
    submitted = set(
        Scorecard.objects.filter(interview__in=interviews, status=ScorecardStatus.SUBMITTED).values_list(
            "interview_id", "interviewer_id"
        )
    )
    items: list[Due] = []
    for interview in interviews:
        ended = interview.actual_ended_at or interview.ends_at
        if now < ended + after:
            continue
        number = (now - ended - after) // EVERY + 1
        if number > most:
            continue
        for person in interview.interviewers.all():
            if (interview.pk, person.pk) in submitted or not (person.is_active and person.email):
                continue
            items.append(_reminder(interview, person, number, most))
    return due_queue(items)


def _reminder(interview: Interview, person: User, number: int, most: int) -> Due:
    application = interview.application
    return Due(
        key=f"interview-{interview.pk}-scorecard-reminder-{person.pk}-{number}",
        to=person.email,
        language=language_of(person),
        template="interviews/email/reminder_scorecard",
        context=lambda: {
            "person": str(person),
            "candidate": application.candidate.full_name,
            "job": application.job.title,
            "when": local_moment(interview.starts_at, person.time_zone),
            "number": number,
            "most": most,
            "url": absolute_url("interviews:scorecard", interview.pk),
            "company": settings.COMPANY_NAME,
        },
    )
