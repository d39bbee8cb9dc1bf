"""Importing job listings: the same mapping, preview, worker run and all-or-nothing report as candidates;
employment types as job boards write them, Rupiah salaries, and free-text places put in their province and
time zone."""

import random
import time

import pytest
from django.test import TestCase
from django.urls import reverse

from rekrut.intake import importing
from rekrut.intake.job_import import JOBS
from rekrut.intake.job_import_rows import (
    CellRefused,
    employment_type_read,
    salary_read,
    status_read,
    work_mode_read,
)
from rekrut.intake.models import CandidateImport, ImportStatus, ImportTarget
from rekrut.jobs.models import Department, EmploymentType, Job, JobStatus, Location, WorkMode
from tests.candidates.filebuilders import csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db

HEADER = [
    "Job Title", "Department", "Location", "Employment Type", "Work Mode", "Salary", "Description",
    "Status", "Headcount",
]  # fmt: skip


def start(actor, rows, *, header=HEADER, name="lowongan.csv", data=None) -> CandidateImport:
    data = data or csv_bytes([header, *rows])
    return importing.import_start(actor=actor, name=name, data=data, kind=ImportTarget.JOBS)


def run(actor, job_import: CandidateImport) -> CandidateImport:
    importing.import_map(actor=actor, candidate_import=job_import, mapping=job_import.mapping)
    importing.import_queue(actor=actor, candidate_import=job_import)
    return importing.import_run(import_id=job_import.pk)


# ---- reading cells ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rp5.000.000", (5_000_000, 5_000_000)),
        ("Rp 5.000.000,00", (5_000_000, 5_000_000)),
        ("5 jt", (5_000_000, 5_000_000)),
        ("4,5 juta", (4_500_000, 4_500_000)),
        ("5.000.000 - 7.000.000", (5_000_000, 7_000_000)),
        ("Rp. 6.500.000 s/d Rp. 8.000.000", (6_500_000, 8_000_000)),
        ("5-7 jt", (5_000_000, 7_000_000)),
        ("IDR 5,000,000 – 7,500,000", (5_000_000, 7_500_000)),
        ("7.500.000/bulan", (7_500_000, 7_500_000)),
        ("3500k", (3_500_000, 3_500_000)),
        ("5000000", (5_000_000, 5_000_000)),
        ("N/A", (None, None)),
        ("n/a", (None, None)),
        ("Nego", (None, None)),
        ("", (None, None)),
    ],
)
def test_rupiah_salaries_are_read_in_the_ways_people_write_them(text, expected):
    assert salary_read(text) == expected


@pytest.mark.parametrize("text", ["lima juta", "5.000.000 - 3.000.000", "Rp 5.5.5", "9" * 14, "USD 3000"])
def test_a_salary_that_cannot_be_read_is_refused_with_the_value_named(text):
    with pytest.raises(CellRefused) as refused:
        salary_read(text)
    assert text in str(refused.value.args[0])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fullTime", EmploymentType.PKWTT),
        ("FULL_TIME", EmploymentType.PKWTT),
        ("Karyawan Tetap", EmploymentType.PKWTT),
        ("fullTime,contract", EmploymentType.PKWT),  # full time says the hours; the contract says PKWT
        ("contract, fullTime", EmploymentType.PKWT),
        ("PKWT", EmploymentType.PKWT),
        ("partTime", EmploymentType.PKWT),
        ("intern", EmploymentType.INTERNSHIP),
        ("fullTime,intern", EmploymentType.INTERNSHIP),
        ("Magang", EmploymentType.INTERNSHIP),
        ("Freelance", EmploymentType.FREELANCE),
        ("contractor", EmploymentType.FREELANCE),
        ("", None),
    ],
)
def test_employment_types_including_several_values_in_one_cell(text, expected):
    assert employment_type_read(text) == expected


def test_an_unknown_employment_type_is_refused():
    with pytest.raises(CellRefused, match="“robot” is not an employment type"):
        employment_type_read("robot")
    with pytest.raises(CellRefused, match="fullTime,robot"):
        employment_type_read("fullTime,robot")


def test_work_modes_and_statuses():
    assert work_mode_read("WFH") == WorkMode.REMOTE
    assert work_mode_read("On-site") == WorkMode.ON_SITE
    assert work_mode_read("Hybrid") == WorkMode.HYBRID
    assert status_read("Dibuka") == JobStatus.OPEN
    assert status_read("on hold") == JobStatus.ON_HOLD
    assert status_read("") is None
    with pytest.raises(CellRefused):
        work_mode_read("sometimes")


# ---- the import -------------------------------------------------------------------------------------


def test_the_job_columns_are_guessed_in_both_languages(personas):
    mapping, _joins = JOBS.guess(
        ["Posisi", "Divisi", "Lokasi Penempatan", "Jenis Kontrak", "Sistem Kerja", "Kisaran Gaji",
         "Deskripsi Pekerjaan", "Kualifikasi", "Jumlah Kebutuhan", "Status Lowongan"]
    )  # fmt: skip
    assert mapping == {
        "title": "Posisi",
        "department": "Divisi",
        "location": "Lokasi Penempatan",
        "employment_type": "Jenis Kontrak",
        "work_mode": "Sistem Kerja",
        "description": "Deskripsi Pekerjaan",
        "requirements": "Kualifikasi",
        "salary": "Kisaran Gaji",
        "salary_min": None,
        "salary_max": None,
        "headcount": "Jumlah Kebutuhan",
        "status": "Status Lowongan",
    }
    mapping, _joins = JOBS.guess(HEADER)
    assert [mapping[name] for name in ("title", "employment_type", "work_mode", "salary", "status")] == [
        "Job Title", "Employment Type", "Work Mode", "Salary", "Status",
    ]  # fmt: skip


def test_a_job_listing_becomes_a_job_with_its_place_zone_and_salary(personas):
    Department.objects.create(name="Finance")
    rows = [
        ["Staf Akuntansi", "finance", "Lampung Selatan Regency", "fullTime,contract", "WFO", "5 jt",
         "Jurnal.", "Draft", "2"],
        ["Teknisi Lapangan", "Operasional", "Balikpapan", "Karyawan Tetap", "", "N/A", "", "", ""],
        ["Customer Service", "Operasional", "Jakarta Selatan", "intern", "Hybrid",
         "Rp4.000.000 - Rp5.500.000", "Melayani pelanggan.", "Open", "10"],
    ]  # fmt: skip
    job_import = start(personas.hr_admin, rows)
    preview = importing.import_preview(job_import)
    assert [p.message for row in preview for p in row.problems] == []
    shown = {cell.field: cell.text for cell in preview[0].cells}
    assert shown["department"] == "Finance"  # an existing department, found whatever its case
    assert shown["location"] == "Kabupaten Lampung Selatan, Lampung, WIB (new)"
    assert {c.field: c.text for c in preview[1].cells}["department"] == "Operasional (new)"

    done = run(personas.hr_admin, job_import)

    assert done.status == ImportStatus.DONE, done.errors
    assert done.imported == 3
    akuntansi = Job.objects.get(title="Staf Akuntansi")
    assert akuntansi.department.name == "Finance"
    assert akuntansi.employment_type == EmploymentType.PKWT
    assert (akuntansi.salary_min, akuntansi.salary_max) == (5_000_000, 5_000_000)
    assert (akuntansi.status, akuntansi.headcount) == (JobStatus.DRAFT, 2)
    assert akuntansi.location.name == "Kabupaten Lampung Selatan"
    assert akuntansi.location.region == "Lampung" and akuntansi.location.time_zone == "Asia/Jakarta"
    assert akuntansi.team.get().user == personas.hr_admin  # the importer owns it
    assert akuntansi.stages.exists()  # the company's default pipeline
    teknisi = Job.objects.get(title="Teknisi Lapangan")
    assert teknisi.location.time_zone == "Asia/Makassar"  # East Kalimantan is WITA
    assert (teknisi.salary_min, teknisi.salary_max) == (None, None)
    assert teknisi.employment_type == EmploymentType.PKWTT and teknisi.status == JobStatus.DRAFT
    cs = Job.objects.get(title="Customer Service")
    assert cs.status == JobStatus.OPEN and cs.published_at is not None
    assert (cs.salary_min, cs.salary_max, cs.work_mode) == (4_000_000, 5_500_000, WorkMode.HYBRID)
    assert Department.objects.filter(name="Operasional").count() == 1  # made once, used twice


def test_bad_rows_are_refused_with_the_row_named_and_nothing_is_saved(personas):
    rows = [
        ["Staf Gudang", "Logistik", "Kab. Bogor", "fullTime", "", "5 jt", "", "", ""],
        ["Kasir", "Retail", "Kota Bandung", "robot", "", "", "", "", ""],
        ["", "Retail", "Surabaya", "", "", "", "", "", ""],
        ["Sales", "Retail", "Surabaya", "", "", "lima juta", "", "", ""],
        ["Driver", "Retail", "Atlantis", "", "", "", "", "", ""],
        ["Barista", "Retail", "Surabaya", "", "", "", "", "sold", "0"],
    ]
    departments, locations = Department.objects.count(), Location.objects.count()

    done = run(personas.hr_admin, start(personas.hr_admin, rows))

    assert done.status == ImportStatus.FAILED
    report = {(e["row"], e["field"]): e["message"] for e in done.errors}
    assert "“robot” is not an employment type" in report[(3, "employment_type")]
    assert report[(4, "title")] == "The title is empty."
    assert "“lima juta” is not a salary" in report[(5, "salary")]
    assert "does not know where “Atlantis” is" in report[(6, "location")]
    assert "“sold” is not a job status" in report[(7, "status")]
    assert "from 1 to" in report[(7, "headcount")]
    assert {e["row"] for e in done.errors} == {3, 4, 5, 6, 7}
    assert next(e for e in done.errors if e["row"] == 3)["column"] == "Employment Type"
    assert not Job.objects.exists()
    assert (Department.objects.count(), Location.objects.count()) == (departments, locations)


def test_an_open_job_whose_ad_discriminates_is_refused_before_anything_is_saved(personas):
    rows = [
        ["Sekretaris", "Umum", "Jakarta Pusat", "", "", "", "Wanita, usia maksimal 25 tahun.", "Open", ""]
    ]
    done = run(personas.hr_admin, start(personas.hr_admin, rows))
    assert done.status == ImportStatus.FAILED
    assert done.errors[0]["row"] == 2 and done.errors[0]["field"] == "status"
    assert not Job.objects.exists()


def test_a_recruiter_cannot_add_departments_or_places_by_importing(personas):
    Department.objects.create(name="Finance")
    Location.objects.create(name="Jakarta Selatan", city="Jakarta Selatan", time_zone="Asia/Jakarta")
    rows = [
        ["Kasir", "Finance", "jakarta selatan", "", "", "", "", "", ""],
        ["Kasir", "Retail", "Medan", "", "", "", "", "", ""],
    ]
    done = run(personas.recruiter, start(personas.recruiter, rows))
    assert done.status == ImportStatus.FAILED
    assert [(e["row"], e["field"]) for e in done.errors] == [(3, "department"), (3, "location")]
    assert "Ask an HR admin" in done.errors[0]["message"]
    assert not Job.objects.exists()


def test_a_refusal_while_saving_takes_the_jobs_and_new_places_out_again(personas, monkeypatch):
    from rekrut.core.errors import DomainError
    from rekrut.intake import import_saving, job_import

    monkeypatch.setattr(import_saving, "BATCH_ROWS", 2)
    real = job_import.job_create
    calls = {"n": 0}

    def refuse_the_fourth(**kwargs):
        calls["n"] += 1
        if calls["n"] == 4:
            raise DomainError("Someone closed the door.")
        return real(**kwargs)

    monkeypatch.setattr(job_import, "job_create", refuse_the_fourth)
    rows = [[f"Staf {i}", "Baru", "Kota Ambon", "", "", "", "", "", ""] for i in range(5)]

    done = run(personas.hr_admin, start(personas.hr_admin, rows))

    assert done.status == ImportStatus.FAILED
    assert done.errors[0] == {"row": 5, "field": "", "column": "", "message": "Someone closed the door."}
    assert not Job.objects.exists()
    assert not Department.objects.filter(name="Baru").exists()
    assert not Location.objects.filter(name="Ambon").exists()


EMPLOYMENT = [
    "fullTime",
    "fullTime,contract",
    "contract",
    "intern",
    "Karyawan Tetap",
    "freelance",
    "partTime",
    "",
]
PLACES = [
    ("Jakarta Selatan", "Asia/Jakarta"), ("Lampung Selatan Regency", "Asia/Jakarta"),
    ("Kota Bandung", "Asia/Jakarta"), ("Kab. Bogor", "Asia/Jakarta"), ("Pontianak", "Asia/Pontianak"),
    ("Balikpapan", "Asia/Makassar"), ("Denpasar", "Asia/Makassar"),
    ("Makassar, Sulawesi Selatan", "Asia/Makassar"), ("Kota Ambon", "Asia/Jayapura"),
    ("Merauke", "Asia/Jayapura"), ("Kab. Sleman", "Asia/Jakarta"), ("Kupang", "Asia/Makassar"),
]  # fmt: skip
SALARIES = ["Rp5.000.000", "5 jt", "5.000.000 - 7.000.000", "N/A", "", "4,5 juta", "IDR 6,000,000"]


def test_a_listing_of_two_thousand_mixed_jobs_is_imported_from_csv(personas, capsys, monkeypatch):
    """Measured: nearly all the time is job_create's own work (the default stages and their interview
    plans, about 0.03 s a job on SQLite); the pause between batches that lets others write is off here."""
    from rekrut.intake import import_saving

    monkeypatch.setattr(import_saving, "PAUSE_SECONDS", 0)
    chance = random.Random(14)
    rows = []
    for i in range(2000):
        place, _zone = PLACES[i % len(PLACES)]
        rows.append([
            f"Posisi {i}", f"Divisi {i % 7}", place, EMPLOYMENT[i % len(EMPLOYMENT)],
            chance.choice(["WFO", "Hybrid", "Remote", ""]), SALARIES[i % len(SALARIES)],
            f"Deskripsi posisi {i}.", chance.choice(["Draft", "Open", "On hold", ""]), str(1 + i % 5),
        ])  # fmt: skip
    data = csv_bytes([HEADER, *rows])

    began = time.monotonic()
    job_import = start(personas.hr_admin, [], name="lowongan.csv", data=data)
    read = time.monotonic()
    done = run(personas.hr_admin, job_import)
    finished = time.monotonic()

    assert done.status == ImportStatus.DONE, done.errors[:5]
    assert (done.imported, done.processed) == (2000, 2000)
    assert Job.objects.count() == 2000
    assert Department.objects.filter(name__startswith="Divisi").count() == 7
    zones = dict(Location.objects.values_list("name", "time_zone"))
    assert len(zones) == len(PLACES)
    for i in (0, 1, 7, 13, 1999):
        job = Job.objects.select_related("location").get(title=f"Posisi {i}")
        assert job.location.time_zone == PLACES[i % len(PLACES)][1]
        assert job.employment_type == (employment_type_read(EMPLOYMENT[i % len(EMPLOYMENT)]) or "pkwtt")
        assert (job.salary_min, job.salary_max) == salary_read(SALARIES[i % len(SALARIES)])
        assert job.headcount == 1 + i % 5
    with capsys.disabled():
        print(f"\n2,000 jobs: read {read - began:.1f} s, checked and saved {finished - read:.1f} s")
    # 27 ms a job in process (18 queries; it was 104 ms and 46 before the interview plan read the question
    # bank once per job): about a minute on a quiet 2-core machine, three when it is shared by many runs.
    assert finished - began < 300


# ---- the pages --------------------------------------------------------------------------------------


def test_hr_uploads_a_job_listing_and_sees_the_preview(client_for, personas):
    client = client_for(personas.hr_admin)
    assert client.get(reverse("intake:job_import_start")).status_code == 200
    from django.core.files.uploadedfile import SimpleUploadedFile

    rows = [HEADER, ["Kasir", "Retail", "Kab. Bogor", "fullTime,contract", "", "N/A", "", "", ""]]
    file = SimpleUploadedFile("lowongan.csv", csv_bytes(rows), content_type="text/csv")
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(reverse("intake:job_import_start"), {"file": file})
    job_import = CandidateImport.objects.get()
    assert job_import.kind == ImportTarget.JOBS
    page = client.get(reverse("intake:import_map", args=[job_import.pk])).content.decode()
    assert "Import 1 job" in page
    assert "Kabupaten Bogor, Jawa Barat, WIB (new)" in page
    assert "Fixed-term contract (PKWT)" in page
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse("intake:import_map", args=[job_import.pk]),
            {**{k: v or "" for k, v in job_import.mapping.items()}, "action": "start"},
        )
    assert client.get(response["Location"]).content.decode().count("1 job imported.") == 1
    assert Job.objects.get().title == "Kasir"


@pytest.mark.parametrize("persona", ["hiring_manager", "interviewer", "director", "outsider"])
def test_only_hr_may_import_jobs(client_for, personas, persona):
    client = client_for(getattr(personas, persona))
    assert client.get(reverse("intake:job_import_start")).status_code == 403


def test_the_command_imports_jobs(tmp_path, personas, capsys):
    from django.core.management import call_command

    file = tmp_path / "lowongan.csv"
    file.write_bytes(
        csv_bytes([HEADER, ["Kasir", "Retail", "Kota Bandung", "fullTime", "", "N/A", "", "", ""]])
    )
    call_command("import", "jobs", str(file), "--as", "sari")
    assert "Imported 1 jobs" in capsys.readouterr().out
    assert Job.objects.get().location.name == "Kota Bandung"


def test_separate_salary_columns_are_previewed_each_in_its_column(personas):
    header = ["Title", "Department", "Location", "Salary Min", "Salary Max"]
    rows = [
        ["Kasir", "Retail", "Kota Bandung", "4.000.000", "5 jt"],
        ["Staf", "Retail", "Bandung", "9 jt", "5 jt"],
    ]
    job_import = start(personas.hr_admin, rows, header=header)
    shown = importing.import_fields_shown(job_import)
    assert "salary_min" in shown and "salary_max" in shown
    preview = importing.import_preview(job_import)
    first = {cell.field: cell.text for cell in preview[0].cells}
    assert (first["salary_min"], first["salary_max"]) == ("Rp4.000.000", "Rp5.000.000")
    assert [p.field for p in preview[1].problems] == ["salary_min"]  # the minimum above the maximum


def test_an_excel_listing_with_numbers_typed_as_numbers(personas):
    """Excel keeps a salary or headcount typed as a number as a number (5000000.0, 3.0)."""
    data = xlsx_bytes(
        [HEADER, ["Kasir", "Retail", "Kota Bandung", "contract", "WFO", 5000000.0, "", "Draft", 3.0]]
    )
    done = run(personas.hr_admin, start(personas.hr_admin, [], name="lowongan.xlsx", data=data))
    assert done.status == ImportStatus.DONE, done.errors
    job = Job.objects.get()
    assert (job.salary_min, job.salary_max, job.headcount) == (5_000_000, 5_000_000, 3)
