"""A large import running in the worker never holds other users' writes up (SQLite's one writer at a time).

The import runs in a thread with its own database connection, as the worker process would; meanwhile an
HR admin moves applications on the board. Each move must finish within 2 seconds, and the import must end
with all of its rows or none.
"""

import threading
import time

import pytest
from django.db import connection, connections
from django.utils.translation import gettext_lazy

from rekrut.candidates.models import Candidate
from rekrut.core.errors import DomainError
from rekrut.intake import candidate_import as candidate_kind
from rekrut.intake import importing
from rekrut.intake.models import CandidateImport, ImportStatus
from rekrut.pipeline.models import Application
from rekrut.pipeline.services import application_move
from tests.candidates.filebuilders import csv_bytes
from tests.pipeline.factories import application_make

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the single-writer lock is SQLite's"),
]

ROWS = 1_500  # several seconds of saving: far more than one second in a single transaction
MOVE_LIMIT_SECONDS = 2.0


def _queued_import(actor, job) -> CandidateImport:
    rows = [[f"Pelamar {i}", f"pelamar{i}@example.com", f"0813{i:08d}"] for i in range(ROWS)]
    started = importing.import_start(
        actor=actor, name="besar.csv", data=csv_bytes([["Nama", "Email", "No HP"], *rows]), job=job
    )
    mapped = importing.import_map(actor=actor, candidate_import=started, mapping=started.mapping)
    return importing.import_queue(actor=actor, candidate_import=mapped)


def _run_in_worker(import_id: int) -> tuple[threading.Thread, dict[str, object]]:
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["status"] = importing.import_run(import_id=import_id).status
        except Exception as error:  # the main thread reports it
            outcome["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=work, name="import-worker")
    thread.start()
    return thread, outcome


def _wait_until_saving(import_id: int) -> None:
    """Returns once every row is checked and the saving (phase two) is under way: its first batch saved,
    or a second gone by."""
    deadline, saving_since = time.monotonic() + 120, None
    while time.monotonic() < deadline:
        state = CandidateImport.objects.filter(pk=import_id).values("status", "processed", "imported").get()
        if state["imported"] or state["status"] in (ImportStatus.DONE, ImportStatus.FAILED):
            return
        if state["status"] == ImportStatus.RUNNING and state["processed"] >= ROWS:
            saving_since = saving_since or time.monotonic()
            if time.monotonic() - saving_since > 1:
                return
        time.sleep(0.02)
    pytest.fail("the import never reached its saving phase")


def _moves_while_it_saves(
    thread: threading.Thread, applications: list[Application], actor, import_id: int
) -> list[float]:
    """Moves each application on, 0.4 s apart, while the import runs; how long each move took.
    Fails unless at least one move happened while the import had saved some rows but not all."""
    took, overlapped = [], False
    for application in applications:
        if not thread.is_alive():
            break
        saved = CandidateImport.objects.filter(pk=import_id).values_list("imported", flat=True).get()
        overlapped = overlapped or 0 < saved < ROWS
        to_stage = application.job.stages.filter(is_active=True).order_by("position")[1]
        began = time.monotonic()
        application_move(
            application=application,
            to_stage=to_stage,
            actor=actor,
            expected_version=None,
            override=True,
            override_reason="Dipindah saat impor berjalan",
        )
        took.append(time.monotonic() - began)
        time.sleep(0.4)
    assert overlapped, f"no move happened while the rows were being saved ({took})"
    return took


def test_moves_finish_quickly_while_a_large_import_saves_and_it_imports_every_row(personas, team_a_job):
    waiting = [application_make(job=team_a_job, full_name=f"Kandidat {i}") for i in range(4)]
    candidate_import = _queued_import(personas.recruiter, team_a_job)

    thread, outcome = _run_in_worker(candidate_import.pk)
    _wait_until_saving(candidate_import.pk)
    took = _moves_while_it_saves(thread, waiting, personas.hr_admin, candidate_import.pk)
    thread.join(timeout=300)

    assert "error" not in outcome, outcome
    assert max(took) < MOVE_LIMIT_SECONDS, took
    assert outcome["status"] == ImportStatus.DONE
    assert Candidate.objects.count() == ROWS + len(waiting)
    assert Application.objects.filter(job=team_a_job).count() == ROWS + len(waiting)


def test_a_failure_late_in_a_large_import_leaves_none_of_its_rows(personas, team_a_job, monkeypatch):
    waiting = [application_make(job=team_a_job, full_name=f"Kandidat {i}") for i in range(3)]
    candidate_import = _queued_import(personas.recruiter, team_a_job)
    real = candidate_kind.candidate_create
    saved = []

    def refuse_near_the_end(**fields):
        if len(saved) == ROWS - 10:  # someone added this person by hand meanwhile, say
            raise DomainError(gettext_lazy("This person may already be in Rekrut."))
        saved.append(fields["full_name"])
        return real(**fields)

    monkeypatch.setattr(candidate_kind, "candidate_create", refuse_near_the_end)
    thread, outcome = _run_in_worker(candidate_import.pk)
    _wait_until_saving(candidate_import.pk)
    took = _moves_while_it_saves(thread, waiting, personas.hr_admin, candidate_import.pk)
    thread.join(timeout=300)

    assert "error" not in outcome, outcome
    assert max(took) < MOVE_LIMIT_SECONDS, took
    assert outcome["status"] == ImportStatus.FAILED
    assert len(saved) == ROWS - 10  # batches were really committed before the refusal...
    assert Candidate.objects.count() == len(waiting)  # ...and taken out again
    assert CandidateImport.objects.get(pk=candidate_import.pk).saved_ids == []


def test_the_worker_reads_the_file_outside_any_transaction(personas, monkeypatch):
    from rekrut.core import tables

    seen = []

    def read(**kwargs):
        seen.append(connection.in_atomic_block)
        return tables.table_read(**kwargs)

    monkeypatch.setattr(importing, "table_read", read)
    data = csv_bytes([["Nama", "Email"], ["Budi", "budi@example.com"]])
    uploaded = importing.import_upload(actor=personas.recruiter, name="k.csv", data=data)
    assert importing.import_read(import_id=uploaded.pk).status == ImportStatus.MAPPING
    assert seen == [False]
