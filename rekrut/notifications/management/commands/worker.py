import logging
import threading
from collections.abc import Callable

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections
from django.utils.crypto import get_random_string

log = logging.getLogger("rekrut.worker")


class Command(BaseCommand):
    help = (
        "Run background work: queued tasks (django-tasks database backend), a heartbeat, and a sweep that "
        "sends due outbox messages and recovers work a dead worker left behind."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--sweep-every", "--outbox-every", type=float, default=30, help="seconds between sweeps"
        )
        parser.add_argument("--beat-every", type=float, default=10, help="seconds between heartbeats")

    def handle(self, *args: object, **options: object) -> None:
        from rekrut.notifications.sweep import sweep_run
        from rekrut.notifications.worker import worker_beat, worker_stopped

        # django-tasks-db stamps this id on the tasks it claims; the heartbeat carries the same id, so the
        # sweep can tell a task held by a live worker from one a dead worker left "running".
        worker_id = get_random_string(32)
        worker_beat(worker_id=worker_id)  # before any task: a missing table fails here, loudly
        stop = threading.Event()
        loops: list[tuple[str, float, Callable[[], object]]] = [
            ("heartbeat", float(str(options["beat_every"])), lambda: worker_beat(worker_id=worker_id)),
            ("sweep", float(str(options["sweep_every"])), sweep_run),
        ]
        for name, every, work in loops:
            threading.Thread(target=_every, args=(every, work, stop), name=name, daemon=True).start()
        try:
            call_command(
                "db_worker", interval=1, worker_id=worker_id, reload=False, verbosity=options["verbosity"]
            )
        finally:
            stop.set()
            worker_stopped(worker_id=worker_id)


def _every(seconds: float, work: Callable[[], object], stop: threading.Event) -> None:
    """Runs `work` now and then every `seconds` until stopped; a failure is logged and tried again."""
    while not stop.is_set():
        close_old_connections()
        try:
            work()
        except Exception:
            log.exception("worker %s failed; trying again in %s s", threading.current_thread().name, seconds)
        stop.wait(seconds)
