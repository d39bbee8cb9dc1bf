"""The worker outlives a database that stays locked past its busy timeout (django-tasks-db gives up then)."""

import pytest
from django.core.management import call_command
from django.db import OperationalError

from rekrut.notifications.management.commands import worker as worker_command
from rekrut.notifications.models import WorkerBeat

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def quiet_worker(monkeypatch):
    """No heartbeat or sweep threads, and the test's own connection (in its transaction) stays open."""
    monkeypatch.setattr(worker_command, "_every", lambda *args: None)
    monkeypatch.setattr(worker_command, "close_old_connections", lambda: None)


def test_a_locked_database_does_not_end_the_worker(monkeypatch):
    runs: list[str] = []

    def db_worker(name, *, worker_id, **options):
        assert name == "db_worker"
        runs.append(worker_id)
        if len(runs) == 1:
            # What db_worker raises when BEGIN EXCLUSIVE (claiming a task) waits past the busy timeout.
            raise OperationalError("database is locked")

    monkeypatch.setattr(worker_command, "call_command", db_worker)
    monkeypatch.setattr(worker_command, "RESTART_PAUSE_SECONDS", 0)
    call_command("worker", "--sweep-every", "3600", "--beat-every", "3600")

    assert len(runs) == 2 and runs[0] != runs[1]  # carried on, under a new id
    # The first id no longer beats, so the sweep treats a task it held as a dead worker's and puts it back.
    assert not WorkerBeat.objects.filter(worker_id=runs[0]).exists()


def test_any_other_database_error_still_stops_the_worker(monkeypatch):
    def db_worker(name, **options):
        raise OperationalError("no such table: django_tasks_database_dbtaskresult")

    monkeypatch.setattr(worker_command, "call_command", db_worker)
    with pytest.raises(OperationalError):
        call_command("worker", "--sweep-every", "3600", "--beat-every", "3600")
