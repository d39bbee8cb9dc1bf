"""Several workers on several machines: separate queues, periodic jobs once per period, and the release
step that migrates once while nodes start together."""

import io
import threading
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from rekrut.core.db import BULK_QUEUE, DEFAULT_QUEUE
from rekrut.core.management.commands.release import release_lock
from rekrut.intake.tasks import candidate_import_read, candidate_import_run
from rekrut.notifications.models import SweepLease
from rekrut.notifications.sweep import sweep_run, worker_sweep
from rekrut.notifications.tasks import outbox_deliver
from rekrut.notifications.worker import sweep_lease_take

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def test_imports_wait_on_the_bulk_queue_and_messages_on_the_default_one():
    assert candidate_import_read.queue_name == candidate_import_run.queue_name == BULK_QUEUE
    assert outbox_deliver.queue_name == DEFAULT_QUEUE


def test_a_worker_refuses_a_queue_that_does_not_exist(db):
    with pytest.raises(CommandError, match=r"Unknown queue imports: the queues are default, bulk\."):
        call_command("worker", "--queue", "imports")


@pytest.fixture
def receivers(monkeypatch):
    monkeypatch.setattr(worker_sweep, "_receivers", [])
    return worker_sweep


@pytest.mark.django_db
def test_two_workers_run_a_periodic_job_once_per_period(receivers):
    runs: list[str] = []

    def digests_send() -> None:
        runs.append("digest")

    receivers.register(digests_send)
    with time_machine.travel(NOW, tick=False) as clock:
        assert sweep_run(every=30, worker_id="a") == 0
        assert sweep_run(every=30, worker_id="b") == 0
        clock.shift(timedelta(seconds=29))
        sweep_run(every=30, worker_id="b")
        assert runs == ["digest"]
        clock.shift(timedelta(seconds=1))  # the period is over: whoever sweeps next takes it
        sweep_run(every=30, worker_id="b")
        sweep_run(every=30, worker_id="a")
    assert runs == ["digest", "digest"]
    assert SweepLease.objects.get().worker_id == "b"
    assert sweep_run() == 0  # without a period (tests, `rekrut outbox_drain`) every receiver runs
    assert len(runs) == 3


@pytest.mark.django_db
def test_a_failing_job_keeps_its_lease_and_is_tried_next_period(receivers, caplog):
    def broken() -> None:
        raise RuntimeError("the mail server is down")

    receivers.register(broken)
    with time_machine.travel(NOW, tick=False) as clock:
        assert sweep_run(every=30, worker_id="a") == 1
        assert sweep_run(every=30, worker_id="b") == 0  # not retried by the other worker at once
        clock.shift(timedelta(seconds=30))
        assert sweep_run(every=30, worker_id="b") == 1
    assert "broken failed" in caplog.text


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("existing", [False, True], ids=["first-insert", "conditional-update"])
def test_of_many_workers_racing_for_a_lease_exactly_one_takes_it(existing):
    if existing:
        SweepLease.objects.create(job="retention", held_until=datetime(2000, 1, 1, tzinfo=UTC))
    start, taken = threading.Barrier(8), []

    def race(worker: int) -> None:
        try:
            start.wait()
            if sweep_lease_take(job="retention", seconds=30, worker_id=f"w{worker}"):
                taken.append(worker)
        finally:
            connection.close()

    threads = [threading.Thread(target=race, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(taken) == 1
    assert SweepLease.objects.get().worker_id == f"w{taken[0]}"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_nodes_releasing_at_once_take_turns(tmp_path):
    order: list[str] = []
    second_waiting = threading.Event()

    def second_node() -> None:
        try:
            second_waiting.set()
            with release_lock("default"):
                order.append("second in")
        finally:
            connection.close()

    with release_lock("default"):
        order.append("first in")
        other = threading.Thread(target=second_node)
        other.start()
        second_waiting.wait(5)
        other.join(timeout=1)  # it cannot get in while the first holds the lock
        assert other.is_alive()
        order.append("first out")
    other.join(timeout=10)
    assert order == ["first in", "first out", "second in"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_release_migrates_and_says_so():
    out = io.StringIO()
    call_command("release", "--skip-static", stdout=out, verbosity=0)
    assert "release: done" in out.getvalue()
