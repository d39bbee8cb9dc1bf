"""Each person's own working hours and blocked time. Only the person changes them (HR plans around them)."""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.core.errors import AccessDenied, DomainError
from rekrut.core.limits import OUT_OF_RANGE, moment_in_range
from rekrut.events.services import audit_record
from rekrut.scheduling.availability import Week
from rekrut.scheduling.models import BlockedTime, WorkingHours

# A form filled in at "now" and sent a little later is still "now".
PAST_GRACE = timedelta(minutes=5)
# Leave, the longest common reason to block time, rarely runs past a quarter.
LONGEST_BLOCK = timedelta(days=92)
REASON_MAX = 200


def _week_checked(week: Week) -> list[tuple[int, time, time]]:
    rows: list[tuple[int, time, time]] = []
    for weekday, stretches in sorted(week.items()):
        if weekday not in range(7):
            raise DomainError(_("A week has seven days."), code="weekday")
        previous_end: time | None = None
        for starts, ends in sorted(stretches):
            if ends <= starts:
                raise DomainError(
                    _("Each stretch of working hours must end after it starts (%(starts)s–%(ends)s).")
                    % {"starts": f"{starts:%H.%M}", "ends": f"{ends:%H.%M}"},
                    code="end_before_start",
                )
            if previous_end is not None and starts < previous_end:
                raise DomainError(
                    _("The stretches of one day overlap (%(starts)s): write each hour once.")
                    % {"starts": f"{starts:%H.%M}"},
                    code="overlap",
                )
            previous_end = ends
            rows.append((weekday, starts, ends))
    if not rows:
        raise DomainError(
            _("Give the hours of at least one day, or go back to the standard office hours."), code="empty"
        )
    return rows


@transaction.atomic
def working_hours_set(*, actor: User, user: User, week: Week | None) -> list[WorkingHours]:
    """Replaces the person's weekly hours; `None` goes back to the standard office week (Monday to
    Friday, 08.00–17.00)."""
    if actor.pk != user.pk:
        raise AccessDenied(_("Only the person themselves sets their working hours."))
    rows = _week_checked(week) if week is not None else []
    before = [f"{r.weekday}:{r.starts:%H:%M}-{r.ends:%H:%M}" for r in WorkingHours.objects.filter(user=user)]
    WorkingHours.objects.filter(user=user).delete()
    created = WorkingHours.objects.bulk_create(
        WorkingHours(user=user, weekday=weekday, starts=starts, ends=ends) for weekday, starts, ends in rows
    )
    after = [f"{weekday}:{starts:%H:%M}-{ends:%H:%M}" for weekday, starts, ends in rows]
    if before != after:
        audit_record(
            actor=actor,
            action="scheduling.working_hours_changed",
            subject=user,
            changes={"hours": [before, after]},
        )
    return created


@transaction.atomic
def blocked_time_add(*, actor: User, starts_at: datetime, ends_at: datetime, reason: str = "") -> BlockedTime:
    """Blocks a stretch of the actor's own time: no slot is offered then, and planners are warned."""
    if timezone.is_naive(starts_at) or timezone.is_naive(ends_at):
        raise DomainError(_("The times need a time zone."), code="naive_time")
    if not (moment_in_range(starts_at) and moment_in_range(ends_at)):
        raise DomainError(OUT_OF_RANGE, code="out_of_range")
    if ends_at <= starts_at:
        raise DomainError(_("The blocked time must end after it starts."), code="end_before_start")
    if ends_at < timezone.now() - PAST_GRACE:
        raise DomainError(_("That time is already over. Block a time from now on."), code="in_the_past")
    if ends_at - starts_at > LONGEST_BLOCK:
        raise DomainError(
            _("Block at most %(days)d days at once; add another stretch for longer leave.")
            % {"days": LONGEST_BLOCK.days},
            code="too_long",
        )
    blocked = BlockedTime.objects.create(
        user=actor, starts_at=starts_at, ends_at=ends_at, reason=reason.strip()[:REASON_MAX]
    )
    audit_record(
        actor=actor,
        action="scheduling.blocked_time_added",
        subject=blocked,
        changes={"starts_at": starts_at.isoformat(), "ends_at": ends_at.isoformat()},
    )
    return blocked


@transaction.atomic
def blocked_time_remove(*, actor: User, blocked: BlockedTime) -> None:
    if blocked.user_id != actor.pk:
        raise AccessDenied(_("Only the person themselves removes their blocked time."))
    audit_record(
        actor=actor,
        action="scheduling.blocked_time_removed",
        subject=blocked,
        changes={"starts_at": blocked.starts_at.isoformat(), "ends_at": blocked.ends_at.isoformat()},
    )
    BlockedTime.objects.filter(pk=blocked.pk).delete()
