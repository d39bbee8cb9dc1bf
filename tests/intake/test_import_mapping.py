"""The candidates import's columns: exports of other systems (OpenCATS, Odoo, job-fair sheets) guessed in
both languages, first and last name joined, unmapped columns kept in the notes or dropped where HR sees it,
and mojibake repaired only when HR accepts it."""

import pytest
from django.test import TestCase
from django.urls import reverse

from rekrut.candidates.models import Candidate
from rekrut.intake import importing
from rekrut.intake.columns import candidate_columns_guess
from rekrut.intake.import_columns import cell_repair
from rekrut.intake.models import CandidateImport, ImportStatus
from tests.candidates.filebuilders import csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db

# A candidates export of OpenCATS 0.9 (Candidates › Export › CSV), every column it writes.
OPENCATS_HEADER = [
    "First Name", "Middle Name", "Last Name", "E-Mail", "2nd E-Mail", "Home Phone", "Cell Phone",
    "Work Phone", "Address", "City", "State", "Zip", "Source", "Key Skills", "Date Available",
    "Current Employer", "Can Relocate", "Current Pay", "Desired Pay", "Notes", "Web Site",
    "Best Time to Call", "Hot Candidate", "Date Created", "Date Modified", "Owner",
]  # fmt: skip
OPENCATS_ROWS = [
    [
        "Budi", "", "Santoso", "budi.santoso@example.com", "budi@kantor.example", "021-7654321",
        "0812-3456-7890", "021-5550000", "Jl. Kemang Raya 12", "Jakarta Selatan", "DKI Jakarta", "12730",
        "Jobstreet", "Excel, SQL, customer service", "2026-01-05", "PT Maju Jaya", "Yes", "6.500.000",
        "8.000.000", "Referred by Dewi", "https://budi.example", "Pagi", "No", "2025-11-02", "2025-11-20",
        "rina",
    ],
    [
        "Nurâ€™aini", "Putri", "Hasibuan", "nuraini@example.com", "", "", "0813-2222-3333", "",
        "Jl. Gatot Subroto 5", "Medan", "Sumatera Utara", "20112", "LinkedIn", "Akuntansi, SAP",
        "", "CV Sinar", "No", "", "", "", "", "", "Yes", "2025-10-01", "2025-10-01", "rina",
    ],
]  # fmt: skip

ODOO_HEADER = [
    "Subject / Application Name", "Applicant's Name", "Email", "Phone", "Mobile", "Stage", "Job Position",
    "Degree", "Source", "Tags", "Responsible", "Creation Date",
]  # fmt: skip
JOB_FAIR_HEADER = [
    "No", "Nama Depan", "Nama Belakang", "Email/Surel", "No. HP", "No. WA", "Domisili",
    "Pendidikan Terakhir", "Jurusan", "Posisi yang Dilamar",
]  # fmt: skip


def opencats(actor) -> CandidateImport:
    data = csv_bytes([OPENCATS_HEADER, *OPENCATS_ROWS])
    return importing.import_start(actor=actor, name="opencats_candidates.csv", data=data)


def run(actor, candidate_import: CandidateImport, **map_options) -> CandidateImport:
    importing.import_map(
        actor=actor, candidate_import=candidate_import, mapping=candidate_import.mapping, **map_options
    )
    importing.import_queue(actor=actor, candidate_import=candidate_import)
    return importing.import_run(import_id=candidate_import.pk)


def test_the_opencats_export_is_guessed_with_first_middle_and_last_name_joined(personas):
    candidate_import = opencats(personas.recruiter)

    assert candidate_import.mapping["full_name"] == "First Name"
    assert candidate_import.options["joins"] == {"full_name": ["Middle Name", "Last Name"]}
    assert candidate_import.mapping["email"] == "E-Mail"
    assert candidate_import.mapping["phone"] == "Cell Phone"
    assert candidate_import.mapping["city"] == "City"
    assert candidate_import.mapping["source"] == "Source"
    assert candidate_import.mapping["notes"] == "Notes"


def test_no_column_of_the_opencats_export_is_lost_without_saying_so(client_for, personas):
    candidate_import = opencats(personas.recruiter)
    accounted = importing.import_columns_accounted(candidate_import)
    places = [column for where in accounted.values() for column in where]
    assert sorted(places) == sorted(OPENCATS_HEADER)  # each column exactly once
    assert set(accounted["notes"]) >= {"2nd E-Mail", "Key Skills", "Current Employer", "Address", "Zip"}
    assert accounted["dropped"] == []

    # HR unticks two columns: the preview says they will be dropped, and every other one is still placed.
    client = client_for(personas.recruiter)
    mapping = {k: v or "" for k, v in candidate_import.mapping.items()}
    listed = accounted["notes"]
    keep = [c for c in listed if c not in ("Best Time to Call", "Hot Candidate")]
    page = client.post(
        reverse("intake:import_map", args=[candidate_import.pk]),
        {
            **mapping,
            "full_name__join": ["Middle Name", "Last Name"],
            "full_name__sep": " ",
            "listed": listed,
            "keep": keep,
            "repair_shown": "1",
            "repair": "1",
        },
        HTTP_HX_REQUEST="true",
    ).content.decode()
    assert "These 2 columns will be dropped: Best Time to Call, Hot Candidate." in page
    accounted = importing.import_columns_accounted(CandidateImport.objects.get())
    assert accounted["dropped"] == ["Best Time to Call", "Hot Candidate"]
    places = [column for where in accounted.values() for column in where]
    assert sorted(places) == sorted(OPENCATS_HEADER)
    preview = page.split('id="import-preview-rows"')[0]  # the summary above the rows
    for column in OPENCATS_HEADER:  # the preview names where every column goes
        assert column in preview


def test_the_opencats_import_joins_the_name_and_keeps_the_other_columns_in_the_notes(personas):
    done = run(personas.recruiter, opencats(personas.recruiter))

    assert done.status == ImportStatus.DONE, done.errors
    budi = Candidate.objects.get(email="budi.santoso@example.com")
    assert budi.full_name == "Budi Santoso"  # an empty middle name leaves no double space
    assert budi.phone == "+6281234567890"
    assert "Referred by Dewi" in budi.notes
    for line in ("2nd E-Mail: budi@kantor.example", "Key Skills: Excel, SQL, customer service",
                 "Current Employer: PT Maju Jaya", "Zip: 12730", "Owner: rina"):  # fmt: skip
        assert line in budi.notes.splitlines()
    assert "Home Phone: 021-7654321" in budi.notes
    nuraini = Candidate.objects.get(email="nuraini@example.com")
    assert nuraini.full_name == "Nur’aini Putri Hasibuan"  # repaired: the switch is on by default
    assert "Date Available:" not in nuraini.notes  # an empty cell adds no line


def test_columns_hr_drops_are_not_saved(personas):
    candidate_import = opencats(personas.recruiter)
    done = run(
        personas.recruiter,
        candidate_import,
        options={**candidate_import.options, "dropped": ["Current Pay", "Desired Pay"]},
    )
    assert done.status == ImportStatus.DONE
    budi = Candidate.objects.get(email="budi.santoso@example.com")
    assert "Current Pay" not in budi.notes and "Desired Pay" not in budi.notes
    assert "Key Skills: Excel, SQL, customer service" in budi.notes


def test_a_join_with_a_separator_chosen_by_hr(personas):
    data = csv_bytes([["Nama", "Gelar", "Email"], ["Budi Santoso", "S.Kom.", "budi@example.com"]])
    candidate_import = importing.import_start(actor=personas.recruiter, name="a.csv", data=data)
    done = run(
        personas.recruiter,
        candidate_import,
        options={"joins": {"full_name": ["Gelar"]}, "separators": {"full_name": ", "}},
    )
    assert done.status == ImportStatus.DONE
    assert Candidate.objects.get().full_name == "Budi Santoso, S.Kom."


def test_one_column_cannot_be_both_a_field_and_joined_into_another(personas):
    data = csv_bytes([["Nama", "Kota", "Email"], ["Budi", "Bandung", "budi@example.com"]])
    candidate_import = importing.import_start(actor=personas.recruiter, name="a.csv", data=data)
    with pytest.raises(Exception, match="chosen for both"):
        importing.import_map(
            actor=personas.recruiter,
            candidate_import=candidate_import,
            mapping=candidate_import.mapping,
            options={"joins": {"full_name": ["Kota"]}},
        )


def test_mojibake_is_shown_with_its_repair_and_applied_only_when_accepted(client_for, personas):
    rows = [
        ["Nama Lengkap", "Email", "Kota"],
        ["Nurâ€™aini Lubis", "nur@example.com", "Medan"],
        ["RenÃ© Sitompul", "rene@example.com", "Pematangsiantar"],
        ["Siti Rahayu", "siti@example.com", "Bandung"],
    ]
    candidate_import = importing.import_start(actor=personas.recruiter, name="a.xlsx", data=xlsx_bytes(rows))
    repairs, count = importing.import_repairs(candidate_import)
    assert count == 2
    assert [(r.row, r.column, r.original, r.repaired) for r in repairs] == [
        (2, "Nama Lengkap", "Nurâ€™aini Lubis", "Nur’aini Lubis"),
        (3, "Nama Lengkap", "RenÃ© Sitompul", "René Sitompul"),
    ]
    page = client_for(personas.recruiter).get(reverse("intake:import_map", args=[candidate_import.pk]))
    html = page.content.decode()
    assert "Nurâ€™aini Lubis" in html and "Nur’aini Lubis" in html  # both, side by side
    assert 'name="repair" value="1" checked' in html

    # HR switches the repair off: the text is saved exactly as the file had it, never changed silently.
    done = run(personas.recruiter, candidate_import, options={"repair": False})
    assert done.status == ImportStatus.DONE
    assert Candidate.objects.filter(full_name="Nurâ€™aini Lubis").exists()


def test_the_repair_switch_is_read_from_the_page(client_for, personas, django_capture_on_commit_callbacks):
    rows = [["Nama Lengkap", "Email"], ["CafÃ© Owner", "cafe@example.com"]]
    candidate_import = importing.import_start(actor=personas.recruiter, name="a.csv", data=csv_bytes(rows))
    client = client_for(personas.recruiter)
    mapping = {k: v or "" for k, v in candidate_import.mapping.items()}
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(
            reverse("intake:import_map", args=[candidate_import.pk]),
            {**mapping, "repair_shown": "1", "repair": "1", "action": "start"},
        )
    assert Candidate.objects.get().full_name == "Café Owner"


def test_cell_repair_leaves_correct_text_alone():
    for text in ("Café", "Nur’aini", "Jl. Sudirman №5", "Ñandú", "Žaneta", "東京", "Rp5.000.000", ""):
        assert cell_repair(text) == text
    assert cell_repair("Nurâ€™aini") == "Nur’aini"
    assert cell_repair("PÃ©rez") == "Pérez"


def test_odoo_applicant_export_headers_are_guessed():
    mapping, joins = candidate_columns_guess(ODOO_HEADER)
    assert mapping["full_name"] == "Applicant's Name"  # not the application's subject
    assert mapping["email"] == "Email"
    assert mapping["phone"] == "Mobile"
    assert mapping["source"] == "Source"
    assert joins == {}


def test_job_fair_sheet_headers_are_guessed_with_the_name_joined():
    mapping, joins = candidate_columns_guess(JOB_FAIR_HEADER)
    assert mapping["full_name"] == "Nama Depan"
    assert joins == {"full_name": ["Nama Belakang"]}
    assert mapping["email"] == "Email/Surel"
    assert mapping["phone"] == "No. HP"
    assert mapping["city"] == "Domisili"


@pytest.mark.parametrize(
    "headers",
    [
        ["First Name", "Last Name", "Email"],
        ["Last Name", "First Name", "Email"],
        ["Nama", "Nama Depan", "Nama Belakang"],
        ["first_name", "last_name"],
        ["Given Name", "Family Name"],
        ["Name", "First Name", "Surname"],
    ],
)
def test_a_first_name_is_never_the_full_name_alone_when_a_last_name_column_exists(headers):
    mapping, joins = candidate_columns_guess(headers)
    last = next(
        h
        for h in headers
        if h.lower().replace("_", " ") in ("last name", "nama belakang", "family name", "surname")
    )
    assert mapping["full_name"] is not None
    assert last in [mapping["full_name"], *joins.get("full_name", [])]


def test_a_full_name_column_wins_over_the_name_parts():
    mapping, joins = candidate_columns_guess(["Nama Lengkap", "Nama Depan", "Nama Belakang"])
    assert mapping["full_name"] == "Nama Lengkap"
    assert joins == {}
