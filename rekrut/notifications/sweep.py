"""The worker's periodic sweep: every receiver of `worker_sweep` runs once per sweep (every 30 seconds).

Notifications registers its own steps below (stuck tasks back to the queue, then due and orphaned
outbox messages); a higher app adds its own recovery from its AppConfig.ready() with
`worker_sweep.register(receiver)`, without notifications importing it. Unlike other hooks, a receiver's
exception is logged and the sweep goes on: one app's broken recovery must not stop the others, or the
worker.
"""

import logging

from rekrut.core.hooks import Hook
from rekrut.notifications.services import outbox_drain
from rekrut.notifications.worker import sweep_lease_take, tasks_recover_stuck

log = logging.getLogger(__name__)

worker_sweep: Hook[[], object] = Hook(
    "worker_sweep",
    """Called by the worker every sweep with no arguments; recovers work that a dead process left
    half-done. Must be quick and safe to run again; exceptions are logged, never raised.""",
)
worker_sweep.register(tasks_recover_stuck)
worker_sweep.register(outbox_drain)


def sweep_run(*, every: float | None = None, worker_id: str = "") -> int:
    """Runs every receiver once; returns how many failed. (The worker's loop renews stale database
    connections before each sweep.)

    A worker passes its sweep period: then each receiver runs only if this worker takes its lease for
    the period (notifications.worker.sweep_lease_take), so with several workers every periodic job runs
    once per period, not once per worker. Called without one (tests, `rekrut outbox_drain`), all run.
    """
    failures = 0
    for receiver in worker_sweep.receivers:
        name = f"{getattr(receiver, '__module__', '')}.{getattr(receiver, '__qualname__', repr(receiver))}"
        try:
            if every is not None and not sweep_lease_take(job=name[:200], seconds=every, worker_id=worker_id):
                continue
            receiver()
        except Exception:
            failures += 1
            log.exception("worker sweep: %s failed", name)
    return failures
