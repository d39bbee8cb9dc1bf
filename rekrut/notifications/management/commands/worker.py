import logging
import threading
from collections.abc import Callable
from functools import partial

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import OperationalError, close_old_connections
from django.utils.crypto import get_random_string
from django_tasks_db.utils import is_locked_database_exception

log = logging.getLogger("rekrut.worker")
RESTART_PAUSE_SECONDS = 1.0


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
        parser.add_argument(
            "--queue",
            action="append",
            dest="queues",
            metavar="NAME",
            help=(
                "take tasks only from this queue (repeat for several): default (messages, invitations) or "
                "bulk (candidate imports); without it, every queue"
            ),
        )

    def handle(self, *args: object, **options: object) -> None:
        from rekrut.notifications.sweep import sweep_run
        from rekrut.notifications.worker import worker_beat, worker_stopped

        known = list(settings.TASKS["default"].get("QUEUES", ["default"]))
        queues = list(options["queues"] or [])  # type: ignore[call-overload]
        if unknown := sorted(set(queues) - set(known)):
            raise CommandError(f"Unknown queue {', '.join(unknown)}: the queues are {', '.join(known)}.")
        sweep_every = float(str(options["sweep_every"]))
        # django-tasks-db stamps this id on the tasks it claims; the heartbeat carries the same id, so the
        # sweep can tell a task held by a live worker from one a dead worker left "running".
        current = {"id": get_random_string(32)}
        worker_beat(worker_id=current["id"])  # before any task: a missing table fails here, loudly
        stop = threading.Event()
        loops: list[tuple[str, float, Callable[[], object]]] = [
            ("heartbeat", float(str(options["beat_every"])), lambda: worker_beat(worker_id=current["id"])),
            # Every worker sweeps; leases let one of them run each periodic job per period.
            ("sweep", sweep_every, lambda: sweep_run(every=sweep_every, worker_id=current["id"])),
        ]
        for name, every, work in loops:
            threading.Thread(target=_every, args=(every, work, stop), name=name, daemon=True).start()
        try:
            while True:
                try:
                    call_command(
                        "db_worker",
                        interval=1,
                        worker_id=current["id"],
                        queue_name=",".join(queues) if queues else "*",
                        reload=False,
                        verbosity=options["verbosity"],
                    )
                    return
                except OperationalError as error:
                    if not is_locked_database_exception(error):
                        raise
                    # db_worker gives up when SQLite stays locked past the busy timeout while it claims or
                    # closes a task. The worker carries on under a new id: a task the old id held is then
                    # a dead worker's, and the sweep puts it back once its lease is over.
                    log.warning("worker: the database stayed locked (%s); carrying on", error)
                    old, current["id"] = current["id"], get_random_string(32)
                    _quietly(partial(worker_stopped, worker_id=old))
                    stop.wait(RESTART_PAUSE_SECONDS)
                    close_old_connections()
        finally:
            stop.set()
            _quietly(partial(worker_stopped, worker_id=current["id"]))


def _quietly(work: Callable[[], object]) -> None:
    try:
        work()
    except OperationalError:
        log.warning("worker: could not record its state; the database is busy", exc_info=True)


def _every(seconds: float, work: Callable[[], object], stop: threading.Event) -> None:
    """Runs `work` now and then every `seconds` until stopped; a failure is logged and tried again."""
    while not stop.is_set():
        close_old_connections()
        try:
            work()
        except Exception:
            log.exception("worker %s failed; trying again in %s s", threading.current_thread().name, seconds)
        stop.wait(seconds)
