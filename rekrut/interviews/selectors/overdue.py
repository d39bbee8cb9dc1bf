"""Overdue scorecards across the company, counted per job: the HR admin's My work (HR admins are on no team,
so the per-person lists in selectors.interviews are empty for them)."""

from datetime import datetime, timedelta

from django.db.models import Count, F, Q
from django.utils import timezone

from rekrut.interviews.models import Interview, InterviewStatus, ScorecardStatus
from rekrut.interviews.selectors.interviews import OVERDUE_AFTER
from rekrut.pipeline.transitions import ApplicationStatus


def overdue_scorecards_by_job(*, now: datetime | None = None) -> dict[int, int]:
    """Per job id, the scorecards still owed more than OVERDUE_AFTER after their interview ended, on active
    applications. One query whatever the number of interviews."""
    now = now or timezone.now()
    rows = (
        Interview.objects.filter(
            application__status=ApplicationStatus.ACTIVE,
            status=InterviewStatus.SCHEDULED,
            starts_at__lt=now - OVERDUE_AFTER,
        )
        .annotate(
            assigned=Count("interviewers", distinct=True),
            done=Count("scorecards", filter=Q(scorecards__status=ScorecardStatus.SUBMITTED), distinct=True),
        )
        .filter(done__lt=F("assigned"))
        .values_list("application__job_id", "starts_at", "duration_minutes", "assigned", "done")
        .order_by()
    )
    owed: dict[int, int] = {}
    for job_id, starts_at, minutes, assigned, done in rows:
        if now - (starts_at + timedelta(minutes=minutes)) > OVERDUE_AFTER:
            owed[job_id] = owed.get(job_id, 0) + assigned - done
    return owed
