"""The daily digest to each HR owner of their open jobs' applications that have not moved for a while."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from rekrut.accounts.models import User
from rekrut.core.site import absolute_url
from rekrut.interviews.reminders.due import Due, due_queue, language_of
from rekrut.jobs.models import HiringTeamMember, JobStatus, TeamRole
from rekrut.pipeline.models import Application
from rekrut.pipeline.transitions import ApplicationStatus

# A longer list is cut; the rest are on My work, which the digest links to.
DIGEST_LIMIT = 100


@dataclass
class Stalled:
    candidate: str
    stage: object  # a Stage: its name is read in the recipient's language when the e-mail is written
    days: int
    url: str


def stalled_digests_send(*, now: datetime | None = None) -> int:
    """Queues one digest a day per HR owner, from STALLED_DIGEST_HOUR in the owner's own zone (08:00 WIB,
    WITA or WIT), listing the active applications of their open jobs that have stayed in their stage for
    STALLED_AFTER_DAYS days or more; returns how many. An owner with nothing stalled gets nothing.

    The key holds the owner's local date, so a day has one digest whatever the number of workers and
    sweeps. Jobs on hold are left out: HR paused them on purpose. Three queries, however many owners.
    """
    now = now or timezone.now()
    jobs_of: dict[User, set[int]] = defaultdict(set)
    date_of: dict[int, str] = {}
    owners = HiringTeamMember.objects.filter(
        role=TeamRole.HR_OWNER, job__status=JobStatus.OPEN, user__is_active=True
    ).select_related("user")
    for member in owners.exclude(user__email=""):
        local = timezone.localtime(now, ZoneInfo(member.user.time_zone))
        if local.hour >= settings.STALLED_DIGEST_HOUR:
            jobs_of[member.user].add(member.job_id)
            date_of[member.user.pk] = local.date().isoformat()
    if not jobs_of:
        return 0
    since = now - timedelta(days=settings.STALLED_AFTER_DAYS)
    stalled = (
        Application.objects.filter(
            status=ApplicationStatus.ACTIVE,
            job_id__in=set().union(*jobs_of.values()),
            stage_entered_at__lte=since,
        )
        .select_related("candidate", "job", "stage")
        .order_by("job__title", "job_id", "stage_entered_at", "pk")
    )
    by_job: dict[int, list[Application]] = defaultdict(list)
    for application in stalled:
        by_job[application.job_id].append(application)
    items = []
    for owner, job_ids in jobs_of.items():
        applications = [a for job_id in job_ids for a in by_job.get(job_id, [])]
        if applications:
            applications.sort(key=lambda a: (a.job.title, a.job_id, a.stage_entered_at, a.pk))
            items.append(_digest(owner, date_of[owner.pk], applications, now))
    return due_queue(items)


def _digest(owner: User, local_date: str, applications: list[Application], now: datetime) -> Due:
    jobs: dict[int, dict] = {}
    for application in applications[:DIGEST_LIMIT]:
        job = jobs.setdefault(
            application.job_id,
            {
                "title": application.job.title,
                "url": absolute_url("desk:board", application.job_id),
                "stalled": [],
            },
        )
        job["stalled"].append(
            Stalled(
                candidate=application.candidate.full_name,
                stage=application.stage,
                days=(now - application.stage_entered_at).days,
                url=absolute_url("desk:candidate", application.candidate_id),
            )
        )
    return Due(
        key=f"stalled-digest-{owner.pk}-{local_date}",
        to=owner.email,
        language=language_of(owner),
        template="pipeline/email/stalled_digest",
        context=lambda: {
            "person": str(owner),
            "count": len(applications),
            "days": settings.STALLED_AFTER_DAYS,
            "jobs": list(jobs.values()),
            "more": max(0, len(applications) - DIGEST_LIMIT),
            "my_work": absolute_url("desk:my_work"),
            "company": settings.COMPANY_NAME,
        },
    )
