"""Writes of the background worker itself: its heartbeat, and putting back tasks that a dead worker held."""

import os
import socket
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from rekrut.notifications.models import SweepLease, WorkerBeat
from rekrut.notifications.selectors import workers_alive

# Beats older than this are history, not information: the table stays a handful of rows.
FORGET_AFTER = timedelta(days=1)


def worker_beat(*, worker_id: str) -> WorkerBeat:
    """Records that this worker is alive now (and forgets workers silent for a day)."""
    now = timezone.now()
    beat, _ = WorkerBeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"beat_at": now, "hostname": socket.gethostname()[:255], "pid": os.getpid()},
        create_defaults={
            "beat_at": now,
            "started_at": now,
            "hostname": socket.gethostname()[:255],
            "pid": os.getpid(),
        },
    )
    WorkerBeat.objects.filter(beat_at__lt=now - FORGET_AFTER).delete()
    return beat


def worker_stopped(*, worker_id: str) -> None:
    """A worker that stops cleanly says so at once, so pages warn without waiting a minute."""
    WorkerBeat.objects.filter(worker_id=worker_id).delete()


def tasks_recover_stuck() -> int:
    """Puts back to READY the django-tasks-db rows left RUNNING by a worker that died; returns how many.

    A row is stuck when it started longer ago than TASK_LEASE_SECONDS and the worker that claimed it (the
    last of its worker_ids) no longer beats; a long task on a live worker is left alone. Another worker
    then runs it again from the start, so tasks are written to be safe to repeat (the outbox's claim
    makes a repeated delivery a no-op). The update repeats the conditions, so two sweeps cannot both
    put back the same row after a worker picked it up again.
    """
    lease_over = timezone.now() - timedelta(seconds=settings.TASK_LEASE_SECONDS)
    alive = set(workers_alive())
    candidates = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=lease_over)
    recovered = 0
    for task_id, worker_ids, started_at in candidates.values_list("id", "worker_ids", "started_at"):
        if worker_ids and worker_ids[-1] in alive:
            continue
        recovered += DBTaskResult.objects.filter(
            pk=task_id, status=TaskResultStatus.RUNNING, started_at=started_at
        ).update(status=TaskResultStatus.READY, started_at=None)
    return recovered


def sweep_lease_take(*, job: str, seconds: float, worker_id: str) -> bool:
    """Takes the periodic `job` for the next `seconds` unless another worker holds it; True when taken.

    One statement decides: the UPDATE only matches a lease that is over, and of two workers racing for it
    the database lets one update the row (the other then matches nothing); the very first time, of two
    INSERTs one meets the unique job name and loses. Clocks of the nodes are assumed in step (NTP).
    """
    now = timezone.now()
    until = now + timedelta(seconds=seconds)
    if SweepLease.objects.filter(job=job, held_until__lte=now).update(held_until=until, worker_id=worker_id):
        return True
    if SweepLease.objects.filter(job=job).exists():
        return False
    try:
        with transaction.atomic():
            SweepLease.objects.create(job=job, held_until=until, worker_id=worker_id)
    except IntegrityError:
        return False
    return True
