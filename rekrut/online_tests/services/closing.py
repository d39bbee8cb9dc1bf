"""Closing attempts whose time is up: the worker's sweep (notifications.sweep.worker_sweep, every 30 seconds)
and `rekrut online_tests_close` (a manual tool) submit them with the answers saved before.

The pages close an attempt they open; this closes those nobody opens again, so HR sees the result without
waiting for the candidate to come back.
"""

import logging

from django.utils import timezone

from rekrut.online_tests.models import Attempt, AttemptStatus
from rekrut.online_tests.services.taking import GRACE, attempt_submit

log = logging.getLogger(__name__)

# A sweep takes a bounded batch; the next one (30 seconds later) takes the rest.
BATCH = 500


def attempts_close_overdue(*, limit: int = BATCH) -> int:
    """Submits in-progress attempts past their end (plus the grace for answers on their way); returns how
    many. Safe to run again: attempt_submit locks the row and leaves a submitted attempt as it is. One
    attempt that fails is logged and skipped, so it cannot hold back the others."""
    due = Attempt.objects.filter(status=AttemptStatus.IN_PROGRESS, ends_at__lt=timezone.now() - GRACE)
    closed = 0
    for attempt in due.order_by("ends_at", "pk")[:limit]:
        try:
            attempt_submit(attempt=attempt, auto=True)  # its own transaction: one failure undoes only itself
        except Exception:
            log.exception("online test attempt %s could not be closed", attempt.pk)
            continue
        closed += 1
    return closed


def attempts_close_sweep() -> None:
    """The worker's step."""
    closed = attempts_close_overdue()
    if closed:
        log.info("%d online-test attempt(s) submitted when time was up", closed)
