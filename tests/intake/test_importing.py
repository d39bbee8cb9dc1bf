"""Bulk import service: reading, mapping, the all-or-nothing run and its row report."""

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext_lazy

from rekrut.candidates.models import Candidate, Source
from rekrut.core.errors import AccessDenied, DomainError
from rekrut.core.phones import PhoneInvalid
from rekrut.intake import candidate_import as candidate_kind
from rekrut.intake import import_rows, import_saving, importing
from rekrut.intake.models import CandidateImport, ImportStatus
from rekrut.jobs.models import JobStatus
from rekrut.pipeline.models import Application, Transition, TransitionKind
from tests.candidates.factories import CandidateFactory
from tests.candidates.filebuilders import csv_bytes, xlsx_bytes
from tests.jobs.factories import job_make
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db

HEADER = ["Nama Lengkap", "E-mail", "No. HP", "Kota Domisili"]


def rows_of(n: int) -> list[list[str]]:
    return [[f"Pelamar {i}", f"pelamar{i}@example.com", f"0813{i:08d}", "Bandung"] for i in range(1, n + 1)]


def start(actor, rows, *, name="kandidat.csv", data=None, **kwargs) -> CandidateImport:
    return importing.import_start(actor=actor, name=name, data=data or csv_bytes([HEADER, *rows]), **kwargs)


def run(actor, candidate_import: CandidateImport) -> CandidateImport:
    """Confirms the guessed mapping and runs the import as the worker would."""
    importing.import_map(actor=actor, candidate_import=candidate_import, mapping=candidate_import.mapping)
    importing.import_queue(actor=actor, candidate_import=candidate_import)
    return importing.import_run(import_id=candidate_import.pk)


def test_csv_happy_path_saves_every_row_normalized(personas):
    rows = [
        ["Budi  Santoso", "Budi@Example.com", "0812-3456-7890", "Jakarta Selatan"],
        ["Siti Rahayu", "", "+62 813 1111 2222", ""],
        ["Andi Wijaya", "andi@example.com", "", "Surabaya"],
    ]
    candidate_import = start(personas.recruiter, rows)
    assert candidate_import.status == ImportStatus.MAPPING
    assert candidate_import.mapping["full_name"] == "Nama Lengkap"
    assert candidate_import.mapping["phone"] == "No. HP"
    assert candidate_import.total == 3

    done = run(personas.recruiter, candidate_import)

    assert done.status == ImportStatus.DONE
    assert (done.imported, done.processed, done.errors) == (3, 3, [])
    budi = Candidate.objects.get(full_name="Budi Santoso")
    assert (budi.email, budi.phone, budi.city) == ("budi@example.com", "+6281234567890", "Jakarta Selatan")
    assert budi.source == Source.IMPORT
    assert budi.created_by == personas.recruiter
    assert Candidate.objects.get(full_name="Siti Rahayu").phone == "+6281311112222"
    assert not Application.objects.exists()


def test_xlsx_with_a_job_applies_everyone_to_its_first_stage_with_history(personas, team_a_job):
    data = xlsx_bytes(
        [
            ["Nama", "Email", "No HP", "Kota"],
            ["Dewi Lestari", "dewi@example.com", 81234567890.0, "Medan"],  # Excel ate the leading 0
            ["Rudi Hartono", "rudi@example.com", "0857-1234-5678", "Makassar"],
        ]
    )
    candidate_import = start(personas.recruiter, [], name="pelamar.xlsx", data=data, job=team_a_job)

    done = run(personas.recruiter, candidate_import)

    assert done.status == ImportStatus.DONE and done.imported == 2
    first_stage = team_a_job.stages.filter(is_active=True).order_by("position").first()
    applications = Application.objects.filter(job=team_a_job).select_related("candidate")
    assert sorted(a.candidate.full_name for a in applications) == ["Dewi Lestari", "Rudi Hartono"]
    assert {a.stage for a in applications} == {first_stage}
    assert Candidate.objects.get(full_name="Dewi Lestari").phone == "+6281234567890"
    history = Transition.objects.filter(application__job=team_a_job)
    assert history.count() == 2
    assert {(t.kind, t.actor, t.to_stage) for t in history} == {
        (TransitionKind.APPLIED, personas.recruiter, first_stage)
    }


def test_cp1252_csv_keeps_accented_names(personas):
    rows = [["José Müller", "jose@example.com", "0812-2222-3333", "Denpasar"]]
    data = csv_bytes([HEADER, *rows], encoding="cp1252", delimiter=";")
    assert "José".encode("cp1252") in data  # really not UTF-8

    done = run(personas.recruiter, start(personas.recruiter, [], data=data))

    assert done.status == ImportStatus.DONE
    assert Candidate.objects.get().full_name == "José Müller"


def test_a_file_without_a_name_column_cannot_be_mapped_or_run(personas):
    data = csv_bytes([["E-mail", "No. HP"], ["a@example.com", "0812-3456-7890"]])
    candidate_import = start(personas.recruiter, [], data=data)
    assert candidate_import.mapping["full_name"] is None

    with pytest.raises(DomainError) as refused:
        importing.import_map(
            actor=personas.recruiter, candidate_import=candidate_import, mapping={"email": "E-mail"}
        )
    assert refused.value.code == "name_required"
    with pytest.raises(DomainError) as refused:
        importing.import_queue(actor=personas.recruiter, candidate_import=candidate_import)
    assert refused.value.code == "name_required"
    candidate_import.refresh_from_db()
    assert candidate_import.status == ImportStatus.MAPPING


@pytest.mark.parametrize(
    ("mapping", "code"),
    [
        ({"full_name": "Nama Lengkap", "email": "Nama Lengkap"}, "column_twice"),
        ({"full_name": "Nama"}, "bad_column"),
        ({"full_name": "Nama Lengkap", "salary": "Kota Domisili"}, "bad_field"),
    ],
)
def test_mapping_rules(personas, mapping, code):
    candidate_import = start(personas.recruiter, rows_of(1))
    with pytest.raises(DomainError) as refused:
        importing.import_map(actor=personas.recruiter, candidate_import=candidate_import, mapping=mapping)
    assert refused.value.code == code


def test_one_bad_phone_among_30_rows_fails_the_import_and_saves_nothing(personas, team_a_job):
    rows = rows_of(30)
    rows[16][2] = "0812-ABC"  # the 17th person: row 18 of the file, under the header row

    done = run(personas.recruiter, start(personas.recruiter, rows, job=team_a_job))

    assert done.status == ImportStatus.FAILED
    assert done.imported == 0
    assert done.processed == 30
    assert len(done.errors) == 1
    error = done.errors[0]
    assert (error["row"], error["field"], error["column"]) == (18, "phone", "No. HP")
    assert "0812-ABC" in error["message"]
    assert Candidate.objects.count() == 0
    assert Application.objects.count() == 0


def test_every_problem_of_every_row_is_reported(personas):
    rows = [
        ["", "bukan-email", "123", "Bandung"],
        ["Citra", "citra@example.com", "0812-3456-7890", "x" * 81],
    ]
    done = run(personas.recruiter, start(personas.recruiter, rows))
    assert [(e["row"], e["field"]) for e in done.errors] == [
        (2, "full_name"),
        (2, "email"),
        (2, "phone"),
        (3, "city"),
    ]
    assert Candidate.objects.count() == 0


def test_duplicates_inside_the_file_are_refused_naming_the_earlier_row(personas):
    rows = [
        ["Budi Santoso", "budi@example.com", "0812-3456-7890", ""],
        ["Ani", "ani@example.com", "", ""],
        ["Budi S.", "BUDI@example.com", "+62 812 3456 7890", ""],  # same person, written otherwise
    ]
    done = run(personas.recruiter, start(personas.recruiter, rows))
    assert done.status == ImportStatus.FAILED
    assert [(e["row"], e["field"]) for e in done.errors] == [(4, "email"), (4, "phone")]
    assert all("row 2" in e["message"] for e in done.errors)
    assert Candidate.objects.count() == 0


def test_a_person_already_in_rekrut_is_refused_naming_the_record(personas):
    existing = CandidateFactory(
        full_name="Rina Marlina",
        email="rina.m@example.com",
        phone="+6281299998888",
        created_by=personas.recruiter,
    )
    rows = [
        ["Pelamar Baru", "baru@example.com", "", ""],
        ["Rina M.", "", "0812-9999-8888", ""],
    ]
    done = run(personas.recruiter, start(personas.recruiter, rows))
    assert done.status == ImportStatus.FAILED
    [error] = done.errors
    assert (error["row"], error["field"]) == (3, "phone")
    assert "Rina Marlina" in error["message"] and f"#{existing.pk}" in error["message"]
    assert Candidate.objects.count() == 1


def test_a_person_of_another_team_is_refused_without_naming_them(personas, team_b_job):
    """Team A's recruiter learns the person is in Rekrut, but not who applied to team B's job (UU PDP)."""
    application = application_make(job=team_b_job, full_name="Bayu Saputra", email="bayu@example.com")
    done = run(personas.recruiter, start(personas.recruiter, [["Bayu S.", "BAYU@example.com", "", ""]]))
    assert done.status == ImportStatus.FAILED
    [error] = done.errors
    assert error["field"] == "email" and "another team" in error["message"]
    assert "Bayu Saputra" not in error["message"] and f"#{application.candidate_id}" not in error["message"]
    # The other team's HR owner, who may see the candidate, is told who it is.
    done = run(
        personas.other_recruiter, start(personas.other_recruiter, [["Bayu S.", "bayu@example.com", "", ""]])
    )
    assert "Bayu Saputra" in done.errors[0]["message"]


def test_only_hr_may_import(personas):
    with pytest.raises(AccessDenied):
        start(personas.hiring_manager, rows_of(1))
    assert not CandidateImport.objects.exists()


def test_the_job_must_be_one_the_importer_manages(personas, team_b_job):
    with pytest.raises(AccessDenied):
        start(personas.recruiter, rows_of(1), job=team_b_job)


def test_a_closed_job_takes_no_import(personas):
    closed = job_make(hr_owner=personas.recruiter, title="Teller", status=JobStatus.CLOSED)
    with pytest.raises(DomainError) as refused:
        start(personas.recruiter, rows_of(1), job=closed)
    assert refused.value.code == "job_closed"


def test_an_unreadable_file_is_a_domain_error_with_the_readers_message(personas):
    with pytest.raises(DomainError) as refused:
        start(personas.recruiter, [], name="cv.pdf", data=b"%PDF-1.4 not a table")
    assert refused.value.code == "unsupported_type"
    assert "CSV" in str(refused.value.message)


def test_a_refusal_in_a_later_batch_takes_the_earlier_batches_out_again(personas, team_a_job, monkeypatch):
    """Saved in batches of two: the first batch is committed when the fifth row is refused (someone closed
    the job, say); the compensating step removes it, and the report says why nothing was imported."""
    monkeypatch.setattr(import_saving, "BATCH_ROWS", 2)
    real = candidate_kind.application_create
    calls = []

    def refuse_the_fifth(**kwargs):
        calls.append(kwargs)
        if len(calls) == 5:
            assert Candidate.objects.count() == 5  # two batches committed, the third under way
            raise DomainError(gettext_lazy("This job is closed and takes no new applications."))
        return real(**kwargs)

    monkeypatch.setattr(candidate_kind, "application_create", refuse_the_fifth)
    done = run(personas.recruiter, start(personas.recruiter, rows_of(6), job=team_a_job))

    assert done.status == ImportStatus.FAILED
    assert [(e["row"], e["message"]) for e in done.errors] == [
        (6, "This job is closed and takes no new applications.")
    ]
    assert Candidate.objects.count() == 0
    assert Application.objects.count() == 0
    assert not Transition.objects.exists()
    assert CandidateImport.objects.get(pk=done.pk).saved_ids == []


def test_progress_is_written_while_checking(personas):
    candidate_import = start(personas.recruiter, rows_of(120))
    importing.import_map(
        actor=personas.recruiter, candidate_import=candidate_import, mapping=candidate_import.mapping
    )
    importing.import_queue(actor=personas.recruiter, candidate_import=candidate_import)
    with CaptureQueriesContext(connection) as queries:
        importing.import_run(import_id=candidate_import.pk)
    progress = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith("UPDATE") and '"processed" = 50' in q["sql"]
    ]
    assert progress, "no progress written after the first 50 rows"
    assert CandidateImport.objects.get(pk=candidate_import.pk).processed == 120


def test_a_second_run_does_nothing(personas):
    done = run(personas.recruiter, start(personas.recruiter, rows_of(2)))
    again = importing.import_run(import_id=done.pk)
    assert again.status == ImportStatus.DONE
    assert Candidate.objects.count() == 2


def test_a_failed_import_can_be_mapped_again_and_run(personas):
    data = csv_bytes([["Nama", "Catatan", "HP"], ["Budi", "0812-3456-7890", "sore hari"]])
    candidate_import = start(personas.recruiter, [], data=data)
    assert run(personas.recruiter, candidate_import).status == ImportStatus.FAILED  # HP holds the notes

    fixed = {"full_name": "Nama", "phone": "Catatan", "notes": "HP"}
    importing.import_map(actor=personas.recruiter, candidate_import=candidate_import, mapping=fixed)
    importing.import_queue(actor=personas.recruiter, candidate_import=candidate_import)
    done = importing.import_run(import_id=candidate_import.pk)

    assert done.status == ImportStatus.DONE
    assert (Candidate.objects.get().phone, Candidate.objects.get().notes) == ("+6281234567890", "sore hari")


def test_another_recruiter_cannot_map_or_start_an_import(personas):
    candidate_import = start(personas.recruiter, rows_of(1))
    with pytest.raises(AccessDenied):
        importing.import_queue(actor=personas.other_recruiter, candidate_import=candidate_import)
    with pytest.raises(Http404):
        importing.import_get(user=personas.other_recruiter, import_id=candidate_import.pk)
    assert importing.import_get(user=personas.hr_admin, import_id=candidate_import.pk) == candidate_import


def test_source_and_linkedin_columns(personas):
    data = csv_bytes(
        [
            ["Nama", "Sumber", "LinkedIn"],
            ["Budi", "JobStreet", "linkedin.com/in/budi-santoso"],
            ["Ani", "Teman kantor", ""],
        ]
    )
    done = run(personas.recruiter, start(personas.recruiter, [], data=data, source=Source.CAMPUS))
    assert done.status == ImportStatus.DONE
    budi, ani = Candidate.objects.get(full_name="Budi"), Candidate.objects.get(full_name="Ani")
    assert budi.source == Source.JOB_BOARD
    assert budi.links == ["https://linkedin.com/in/budi-santoso"]
    assert ani.source == Source.CAMPUS  # not recognised: the import's source, and the file's word kept
    assert "Teman kantor" in ani.notes


def test_preview_shows_the_first_ten_rows_as_saved_with_their_problems(personas):
    rows = rows_of(12)
    rows[1][1] = "bukan-email"
    candidate_import = start(personas.recruiter, rows)
    preview = importing.import_preview(candidate_import)
    assert [row.number for row in preview] == list(range(2, 12))
    assert preview[0].fields["phone"] == "+6281300000001"
    assert [p.field for p in preview[1].problems] == ["email"]
    assert not preview[0].problems
    cells = {cell.field: cell for cell in preview[1].cells}
    assert cells["email"].problems and not cells["full_name"].problems


def test_row_report_is_written_in_the_importers_language(personas, monkeypatch):
    """Lazy messages are rendered under the import's language, not whatever the worker has active."""

    def refuse(raw):
        raise PhoneInvalid(gettext_lazy("Enter a valid URL."))  # a message Django itself translates

    monkeypatch.setattr(import_rows, "phone_normalize", refuse)
    with translation.override("id"):
        candidate_import = start(personas.recruiter, rows_of(1))
        importing.import_map(
            actor=personas.recruiter, candidate_import=candidate_import, mapping=candidate_import.mapping
        )
        importing.import_queue(actor=personas.recruiter, candidate_import=candidate_import)
    with translation.override("en"):
        done = importing.import_run(import_id=candidate_import.pk)
    assert done.language == "id"
    [error] = done.errors
    with translation.override("id"):
        expected = str(gettext_lazy("Enter a valid URL."))
    assert expected != "Enter a valid URL."
    assert expected in error["message"]


def test_the_report_names_the_row_as_it_stands_in_the_file_even_after_blank_lines(personas):
    rows = rows_of(4)
    rows[3][2] = "0812-ABC"
    # Blank lines after the header and between rows 2 and 3: the bad row is line 7 of the file.
    data = csv_bytes([HEADER, ["", "", ""], rows[0], rows[1], ["", "", ""], rows[2], rows[3]])
    done = run(personas.recruiter, start(personas.recruiter, rows, data=data))
    assert [(e["row"], e["field"]) for e in done.errors] == [(7, "phone")]


def test_a_run_left_by_a_dead_worker_is_queued_again_by_the_sweep_and_finishes(
    personas, django_capture_on_commit_callbacks
):
    """A worker died mid-run (phase two is one transaction, so nothing was saved): the sweep requeues it."""
    from datetime import timedelta

    from django.utils import timezone

    from rekrut.notifications.sweep import sweep_run

    candidate_import = start(personas.recruiter, rows_of(3))
    importing.import_map(
        actor=personas.recruiter, candidate_import=candidate_import, mapping=candidate_import.mapping
    )
    importing.import_queue(actor=personas.recruiter, candidate_import=candidate_import)
    fresh = timezone.now() - timedelta(minutes=5)
    CandidateImport.objects.filter(pk=candidate_import.pk).update(
        status=ImportStatus.RUNNING, started_at=fresh
    )
    assert importing.imports_recover_stuck() == 0  # a run still within its lease is left alone
    stale = timezone.now() - importing.RUN_LEASE - timedelta(minutes=1)
    CandidateImport.objects.filter(pk=candidate_import.pk).update(started_at=stale)
    with django_capture_on_commit_callbacks(execute=True):
        assert sweep_run() == 0  # the intake app registered its recovery with the worker's sweep
    candidate_import.refresh_from_db()
    assert candidate_import.status == ImportStatus.DONE and candidate_import.imported == 3
    assert Candidate.objects.count() == 3


def test_the_progress_page_says_so_when_the_worker_is_not_running(personas, client_for):
    from django.urls import reverse

    candidate_import = start(personas.recruiter, rows_of(2))
    CandidateImport.objects.filter(pk=candidate_import.pk).update(status=ImportStatus.QUEUED)
    page = client_for(personas.recruiter).get(reverse("intake:import_status", args=[candidate_import.pk]))
    assert "background worker is not running" in page.content.decode()


def test_the_upload_keeps_the_file_without_reading_it(personas, monkeypatch):
    """A large sheet takes seconds to read: not in the upload's request and write transaction."""
    read = []
    monkeypatch.setattr(importing, "table_read", lambda **kwargs: read.append(kwargs))
    data = csv_bytes([HEADER, *rows_of(3)])
    uploaded = importing.import_upload(actor=personas.recruiter, name="k.csv", data=data)
    assert (uploaded.status, uploaded.rows, bytes(uploaded.upload), read) == (
        ImportStatus.READING,
        [],
        data,
        [],
    )


def test_a_file_whose_reading_task_was_lost_is_read_after_the_sweep(
    personas, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone

    uploaded = importing.import_upload(
        actor=personas.recruiter, name="k.csv", data=csv_bytes([HEADER, *rows_of(2)])
    )
    assert importing.imports_recover_stuck() == 0  # still within its lease
    CandidateImport.objects.filter(pk=uploaded.pk).update(
        queued_at=timezone.now() - importing.QUEUE_LEASE - timedelta(minutes=1)
    )
    assert importing.imports_recover_stuck() == 1  # the immediate test backend reads it at once
    assert CandidateImport.objects.get(pk=uploaded.pk).status == ImportStatus.MAPPING


def test_a_run_a_dead_worker_left_half_saved_is_taken_out_and_run_again(personas, team_a_job, monkeypatch):
    candidate_import = start(personas.recruiter, rows_of(5), job=team_a_job)
    monkeypatch.setattr(import_saving, "BATCH_ROWS", 2)
    real = candidate_kind.candidate_create
    calls = []

    def die_on_the_fourth(**fields):
        calls.append(fields)
        if len(calls) == 4:
            raise SystemExit("the worker process was killed")  # not an Exception: nothing cleans up
        return real(**fields)

    monkeypatch.setattr(candidate_kind, "candidate_create", die_on_the_fourth)
    with pytest.raises(SystemExit):
        run(personas.recruiter, candidate_import)
    left = CandidateImport.objects.get(pk=candidate_import.pk)
    assert left.status == ImportStatus.RUNNING and len(left.saved_ids) == 2
    assert Candidate.objects.count() == 2

    monkeypatch.setattr(candidate_kind, "candidate_create", real)
    CandidateImport.objects.filter(pk=left.pk).update(status=ImportStatus.QUEUED)  # as the sweep does
    done = importing.import_run(import_id=left.pk)

    assert done.status == ImportStatus.DONE, done.errors
    assert Candidate.objects.count() == 5
    assert Application.objects.filter(job=team_a_job).count() == 5


def test_a_record_a_colleague_worked_on_meanwhile_is_kept_and_named(personas, team_a_job, monkeypatch):
    """The import is undone, but not a colleague's work: a candidate already moved on stays, and the
    report says so."""
    from rekrut.pipeline.services import application_move

    monkeypatch.setattr(import_saving, "BATCH_ROWS", 2)
    real = candidate_kind.application_create
    calls = []

    def colleague_moves_the_first_then_refuse(**kwargs):
        calls.append(kwargs)
        if len(calls) == 3:  # while the second batch saves, the first one is on the board already
            first = Application.objects.get(candidate__full_name="Pelamar 1")
            second_stage = team_a_job.stages.filter(is_active=True).order_by("position")[1]
            application_move(
                application=first,
                to_stage=second_stage,
                actor=personas.hr_admin,
                expected_version=None,
                override=True,
                override_reason="Langsung dipanggil",
            )
        if len(calls) == 5:
            raise DomainError(gettext_lazy("This job is closed and takes no new applications."))
        return real(**kwargs)

    monkeypatch.setattr(candidate_kind, "application_create", colleague_moves_the_first_then_refuse)
    done = run(personas.recruiter, start(personas.recruiter, rows_of(5), job=team_a_job))

    assert done.status == ImportStatus.FAILED
    assert [e["row"] for e in done.errors] == [6, None]
    assert "1 candidate was kept" in done.errors[1]["message"] and "Pelamar 1" in done.errors[1]["message"]
    assert list(Candidate.objects.values_list("full_name", flat=True)) == ["Pelamar 1"]
    assert Transition.objects.filter(application__candidate__full_name="Pelamar 1").count() == 2
