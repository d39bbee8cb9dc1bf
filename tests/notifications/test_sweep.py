"""The worker's sweep: its hook, its isolation of failures, and putting back tasks a dead worker held."""

import threading
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from rekrut.notifications.management.commands.worker import _every
from rekrut.notifications.services import outbox_drain
from rekrut.notifications.sweep import sweep_run, worker_sweep
from rekrut.notifications.worker import tasks_recover_stuck, worker_beat

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def receivers(monkeypatch):
    """Receivers registered for one test only."""
    monkeypatch.setattr(worker_sweep, "_receivers", list(worker_sweep.receivers))
    return worker_sweep


def test_the_sweep_recovers_tasks_and_drains_the_outbox_first():
    assert worker_sweep.receivers[:2] == (tasks_recover_stuck, outbox_drain)


def test_a_registered_receiver_runs_every_sweep(receivers):
    calls = []
    receivers.register(lambda: calls.append("intake"))
    assert sweep_run() == 0
    assert sweep_run() == 0
    assert calls == ["intake", "intake"]


def test_a_failing_receiver_does_not_stop_the_others(receivers, caplog):
    calls = []

    def broken():
        raise RuntimeError("intake recovery is broken")

    receivers.register(broken)
    receivers.register(lambda: calls.append("after"))
    assert sweep_run() == 1
    assert calls == ["after"]
    assert "broken failed" in caplog.text and "intake recovery is broken" in caplog.text


def test_a_failure_in_the_workers_loop_is_logged_and_the_loop_goes_on(caplog):
    """The sweep and heartbeat threads survive anything a round raises (a database hiccup, say)."""
    stop = threading.Event()
    calls = []

    def flaky():
        calls.append(1)
        if len(calls) == 1:
            raise ConnectionError("database went away")
        if len(calls) == 3:
            stop.set()

    thread = threading.Thread(target=_every, args=(0.01, flaky, stop))
    thread.start()
    thread.join(timeout=5)
    assert not thread.is_alive()
    assert len(calls) == 3
    assert "database went away" in caplog.text


def task_row(*, worker_id: str, started: datetime, status: str = TaskResultStatus.RUNNING) -> DBTaskResult:
    return DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [1], "kwargs": {}},
        task_path="rekrut.notifications.tasks.outbox_deliver",
        backend_name="default",
        run_after=datetime(9999, 1, 1, tzinfo=UTC),
        started_at=started,
        worker_ids=[worker_id],
    )


def test_a_task_left_running_by_a_dead_worker_is_put_back_after_the_lease(settings):
    settings.TASK_LEASE_SECONDS = 120
    with time_machine.travel(NOW - timedelta(minutes=5), tick=False):
        worker_beat(worker_id="dead")
    with time_machine.travel(NOW - timedelta(seconds=30), tick=False):
        worker_beat(worker_id="alive")
    long_on_dead = task_row(worker_id="dead", started=NOW - timedelta(minutes=4))
    fresh_on_dead = task_row(worker_id="dead", started=NOW - timedelta(seconds=60))
    long_on_live = task_row(worker_id="alive", started=NOW - timedelta(minutes=4))
    never_beat = task_row(worker_id="db-worker-without-heartbeat", started=NOW - timedelta(minutes=4))
    finished = task_row(
        worker_id="dead", started=NOW - timedelta(minutes=4), status=TaskResultStatus.SUCCESSFUL
    )

    with time_machine.travel(NOW, tick=False):
        assert tasks_recover_stuck() == 2
        assert tasks_recover_stuck() == 0

    status = dict(DBTaskResult.objects.values_list("id", "status"))
    assert status[long_on_dead.pk] == status[never_beat.pk] == TaskResultStatus.READY
    assert status[fresh_on_dead.pk] == status[long_on_live.pk] == TaskResultStatus.RUNNING
    assert status[finished.pk] == TaskResultStatus.SUCCESSFUL
    # Ready again means a worker picks it up: it is among the rows django-tasks-db hands out.
    assert DBTaskResult.objects.ready().filter(pk=long_on_dead.pk).exists()
