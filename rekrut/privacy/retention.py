"""Retention (UU 27/2022 PDP Ps 43, 44: data kept no longer than its purpose needs): a candidate whose every
application ended in a rejection or a withdrawal is anonymised once the company's retention period has
passed since the last one ended, unless HR keeps them longer with a reason.

The worker's sweep runs every 30 seconds; this part does its work at most once an hour, a batch at a
time, and a second worker finds the hour already claimed.
"""

import calendar
import logging
from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Q, QuerySet
from django.utils import timezone

from rekrut.candidates.models import Candidate
from rekrut.core.errors import DomainError
from rekrut.pipeline.models import Application, ApplicationStatus
from rekrut.privacy.erasure import candidate_erase
from rekrut.privacy.models import ErasureReason, PrivacyPolicy, RetentionHold

log = logging.getLogger(__name__)

SWEEP_EVERY = timedelta(hours=1)
BATCH = 200


def privacy_policy() -> PrivacyPolicy:
    policy, _created = PrivacyPolicy.objects.get_or_create(pk=1)
    return policy


def retention_months_in_force() -> int:
    """The retention period the consent text states (read only: the apply page never writes the setting)."""
    months = PrivacyPolicy.objects.filter(pk=1).values_list("retention_months", flat=True).first()
    return months if months is not None else PrivacyPolicy._meta.get_field("retention_months").get_default()


def months_add(day: date, months: int) -> date:
    """`day` moved by whole months, the 31st falling back to the month's last day."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    return day.replace(year=year, month=month + 1, day=min(day.day, calendar.monthrange(year, month + 1)[1]))


def retention_cutoff(*, now: datetime, months: int) -> datetime:
    return datetime.combine(months_add(now.date(), -months), now.timetz())


def candidates_past_retention(*, now: datetime, months: int) -> QuerySet[Candidate]:
    """Candidates with applications, none of them open, the last one closed before the cutoff, not erased
    and not held past today."""
    open_applications = Application.objects.filter(
        candidate=OuterRef("pk"), status__in=(ApplicationStatus.ACTIVE, ApplicationStatus.HIRED)
    )
    held = RetentionHold.objects.filter(candidate=OuterRef("pk"), until__gte=timezone.localdate(now))
    return (
        Candidate.objects.filter(merged_into=None, erasure=None, applications__isnull=False)
        .exclude(Exists(open_applications))
        .exclude(Exists(held))
        .annotate(last_activity=Max("applications__transitions__at"))
        .filter(Q(last_activity__lt=retention_cutoff(now=now, months=months)))
        .order_by("last_activity", "pk")
    )


def retention_erase_due(*, now: datetime | None = None, limit: int = BATCH) -> int:
    """Anonymises up to `limit` candidates past retention; returns how many. Each in its own transaction:
    one that cannot be erased (hired meanwhile) is logged and the others go on."""
    now = now or timezone.now()
    months = privacy_policy().retention_months
    erased = 0
    for candidate in candidates_past_retention(now=now, months=months)[:limit]:
        try:
            candidate_erase(candidate=candidate, actor=None, reason=ErasureReason.RETENTION)
        except DomainError as refused:
            log.warning("retention: candidate %s not erased: %s", candidate.pk, refused)
            continue
        erased += 1
    return erased


def retention_sweep() -> int:
    """The worker sweep's receiver: claims the hour with one conditional update, then erases what is due."""
    now = timezone.now()
    privacy_policy()
    with transaction.atomic():
        claimed = (
            PrivacyPolicy.objects.filter(pk=1)
            .filter(Q(swept_at=None) | Q(swept_at__lte=now - SWEEP_EVERY))
            .update(swept_at=now)
        )
    if not claimed:
        return 0
    return retention_erase_due(now=now)


def retention_ends_on(candidate: Candidate) -> date | None:
    """The day the candidate's data is due for anonymisation, for the candidate and HR pages; None while an
    application is open (or they never applied)."""
    applications = Application.objects.filter(candidate=candidate)
    if (
        not applications.exists()
        or applications.filter(status__in=(ApplicationStatus.ACTIVE, ApplicationStatus.HIRED)).exists()
    ):
        return None
    last = applications.aggregate(last=Max("transitions__at"))["last"]
    if last is None:
        return None
    due = months_add(timezone.localdate(last), privacy_policy().retention_months)
    hold = RetentionHold.objects.filter(candidate=candidate).first()
    return max(due, hold.until) if hold else due
