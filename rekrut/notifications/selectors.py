"""Reads about the background worker."""

from datetime import timedelta

from django.utils import timezone

from rekrut.notifications.models import WorkerBeat

# A worker beats every 10 seconds; missing six beats in a row means it is gone.
WORKER_ALIVE_SECONDS = 60


def workers_alive() -> list[str]:
    """The ids of the workers that beat within the last minute."""
    since = timezone.now() - timedelta(seconds=WORKER_ALIVE_SECONDS)
    return list(WorkerBeat.objects.filter(beat_at__gte=since).values_list("worker_id", flat=True))


def worker_is_running() -> bool:
    since = timezone.now() - timedelta(seconds=WORKER_ALIVE_SECONDS)
    return WorkerBeat.objects.filter(beat_at__gte=since).exists()
