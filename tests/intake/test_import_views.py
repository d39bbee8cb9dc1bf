"""Bulk import pages: upload, column mapping with preview, progress and the row report."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse

from rekrut.candidates.models import Candidate, Source
from rekrut.intake import importing
from rekrut.intake.models import CandidateImport, ImportStatus
from rekrut.pipeline.models import Application
from tests.candidates.filebuilders import csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db

HEADER = ["Nama Lengkap", "E-mail", "No. HP", "Kota"]
ROWS = [
    ["Budi Santoso", "budi@example.com", "0812-3456-7890", "Jakarta Selatan"],
    ["Siti Rahayu", "siti@example.com", "0813-1111-2222", "Bandung"],
    ["Andi Wijaya", "andi@example.com", "0857-1234-5678", "Surabaya"],
]


def upload(client, rows, *, name="kandidat.csv", data=None, read=True, **fields):
    """Posts the file; with `read`, the worker's reading task runs once the upload commits (as it would)."""
    file = SimpleUploadedFile(name, data or csv_bytes([HEADER, *rows]), content_type="text/csv")
    with TestCase.captureOnCommitCallbacks(execute=read):
        return client.post(reverse("intake:import_start"), {"file": file, "source": Source.IMPORT, **fields})


def only_import() -> CandidateImport:
    return CandidateImport.objects.get()


def test_the_upload_page_offers_only_jobs_the_recruiter_manages(client_for, personas, team_a_job, team_b_job):
    page = client_for(personas.recruiter).get(reverse("intake:import_start")).content.decode()
    assert 'type="file"' in page
    assert team_a_job.title in page
    assert team_b_job.title not in page


@pytest.mark.parametrize("persona", ["hiring_manager", "interviewer", "director"])
def test_non_hr_cannot_open_or_post_the_upload(client_for, personas, persona):
    client = client_for(getattr(personas, persona))
    assert client.get(reverse("intake:import_start")).status_code == 403
    assert upload(client, ROWS).status_code == 403
    assert not CandidateImport.objects.exists()


def test_uploading_leads_to_the_mapping_page_with_guesses_and_a_preview(client_for, personas):
    client = client_for(personas.recruiter)
    rows = [*ROWS, ["Rudi", "bukan-email", "", ""]]
    response = upload(client, rows)
    assert response.status_code == 302
    assert response["Location"] == reverse("intake:import_status", args=[only_import().pk])
    response = client.get(response["Location"])  # the worker has read it: on to the columns
    assert response["Location"] == reverse("intake:import_map", args=[only_import().pk])

    page = client.get(response["Location"]).content.decode()
    assert '<option value="Nama Lengkap" selected>' in page
    assert '<option value="No. HP" selected>' in page
    assert "+6281234567890" in page  # the preview shows the phone as it will be saved
    assert page.count('aria-invalid="true"') == 1
    assert "“bukan-email” is not an e-mail address." in page
    assert "Import 4 candidates" in page


def test_the_upload_only_stores_the_file_and_the_status_page_waits_for_the_worker(client_for, personas):
    """Reading a large sheet takes seconds: not in the request, and not in its write transaction."""
    client = client_for(personas.recruiter)
    upload(client, ROWS, read=False)
    candidate_import = only_import()
    assert candidate_import.status == ImportStatus.READING
    assert candidate_import.rows == [] and bytes(candidate_import.upload).startswith(b"Nama Lengkap")
    status_url = reverse("intake:import_status", args=[candidate_import.pk])

    page = client.get(status_url).content.decode()
    assert "Reading the file…" in page and 'hx-trigger="every 1s"' in page
    assert client.get(reverse("intake:import_map", args=[candidate_import.pk]))["Location"] == status_url

    importing.import_read(import_id=candidate_import.pk)  # the worker's task
    poll = client.get(status_url, HTTP_HX_REQUEST="true")
    assert poll["HX-Redirect"] == reverse("intake:import_map", args=[candidate_import.pk])
    candidate_import.refresh_from_db()
    assert (candidate_import.status, candidate_import.total) == (ImportStatus.MAPPING, 3)
    assert bytes(candidate_import.upload) == b""  # read once, then let go


def test_a_file_the_worker_cannot_read_is_reported_with_the_row_and_a_way_back(client_for, personas):
    client = client_for(personas.recruiter)
    # Row 3 opens a quote it never closes: read leniently, rows 3 and 4 would become one.
    data = b'Nama,Email,HP\nBudi,budi@example.com,0812\nSiti,"siti@example.com,0813\nAni,a@example.com,0857\n'
    upload(client, [], data=data)
    candidate_import = only_import()
    assert candidate_import.status == ImportStatus.UNREADABLE

    page = client.get(reverse("intake:import_status", args=[candidate_import.pk])).content.decode()
    assert "Row 3 opens a quote" in page
    assert "hx-trigger" not in page
    assert f"{reverse('intake:import_start')}?source=import" in page
    assert not Candidate.objects.exists()


def test_an_unreadable_file_is_refused_on_the_upload_page(client_for, personas):
    response = upload(client_for(personas.recruiter), [], name="cv.pdf", data=b"%PDF-1.4 hello")
    assert response.status_code == 200
    assert "Upload a CSV or Excel (.xlsx) file." in response.content.decode()
    assert not CandidateImport.objects.exists()


def test_changing_a_column_with_htmx_saves_it_and_returns_the_preview(client_for, personas):
    client = client_for(personas.recruiter)
    upload(client, ROWS)
    candidate_import = only_import()
    response = client.post(
        reverse("intake:import_map", args=[candidate_import.pk]),
        {"full_name": "Nama Lengkap", "email": "E-mail", "phone": "", "city": "Kota"},
        HTTP_HX_REQUEST="true",
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert page.startswith('<div id="import-preview"')
    assert "+6281234567890" not in page
    candidate_import.refresh_from_db()
    assert candidate_import.mapping["phone"] is None


def test_starting_without_a_name_column_shows_the_mapping_error(client_for, personas):
    client = client_for(personas.recruiter)
    upload(client, [], data=csv_bytes([["E-mail", "No. HP"], ["a@example.com", "0812-3456-7890"]]))
    candidate_import = only_import()
    page = client.get(reverse("intake:import_map", args=[candidate_import.pk])).content.decode()
    name_select = page[page.index('id="map-full_name"') :]
    assert "selected" not in name_select[: name_select.index("</select>")]
    assert "The name is empty." in page  # the preview already says what is missing

    response = client.post(
        reverse("intake:import_map", args=[candidate_import.pk]),
        {"full_name": "", "email": "E-mail", "phone": "No. HP", "action": "start"},
    )
    assert response.status_code == 200
    assert "Choose the column that holds the candidate&#x27;s name." in response.content.decode()
    candidate_import.refresh_from_db()
    assert candidate_import.status == ImportStatus.MAPPING
    assert not Candidate.objects.exists()


def _start(client, candidate_import, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(
            reverse("intake:import_map", args=[candidate_import.pk]),
            {**{k: v or "" for k, v in candidate_import.mapping.items()}, "action": "start"},
        )


def test_confirming_runs_the_import_and_the_status_page_says_so(
    client_for, personas, team_a_job, django_capture_on_commit_callbacks
):
    client = client_for(personas.recruiter)
    upload(client, ROWS, job=team_a_job.pk)
    candidate_import = only_import()

    response = _start(client, candidate_import, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == reverse("intake:import_status", args=[candidate_import.pk])
    page = client.get(response["Location"]).content.decode()
    assert "3 candidates imported." in page
    assert "hx-trigger" not in page  # finished: no more polling
    assert reverse("desk:board", args=[team_a_job.pk]) in page
    assert Application.objects.filter(job=team_a_job).count() == 3


def test_xlsx_upload_runs_end_to_end(client_for, personas, django_capture_on_commit_callbacks):
    client = client_for(personas.recruiter)
    upload(client, [], name="pelamar.xlsx", data=xlsx_bytes([HEADER, *ROWS]))
    _start(client, only_import(), django_capture_on_commit_callbacks)
    assert only_import().status == ImportStatus.DONE
    assert Candidate.objects.count() == 3


def test_a_failed_import_shows_the_row_report_and_a_way_back(
    client_for, personas, django_capture_on_commit_callbacks
):
    client = client_for(personas.recruiter)
    rows = [[f"Pelamar {i}", f"p{i}@example.com", f"0813{i:08d}", ""] for i in range(1, 31)]
    rows[16][2] = "0812-ABC"
    upload(client, rows)
    candidate_import = only_import()

    _start(client, candidate_import, django_capture_on_commit_callbacks)
    page = client.get(reverse("intake:import_status", args=[candidate_import.pk])).content.decode()

    assert "Nothing was imported: 1 problem needs fixing first." in page
    report = page[page.index('id="import-report"') :]
    assert "<td>18</td><td>No. HP</td>" in report
    assert "0812-ABC" in report
    assert f"{reverse('intake:import_start')}?source=import" in page
    assert reverse("intake:import_map", args=[candidate_import.pk]) in page
    assert not Candidate.objects.exists()


def test_the_status_page_polls_while_the_import_runs(client_for, personas):
    client = client_for(personas.recruiter)
    upload(client, ROWS)
    candidate_import = only_import()
    CandidateImport.objects.filter(pk=candidate_import.pk).update(status=ImportStatus.RUNNING, processed=2)

    page = client.get(reverse("intake:import_status", args=[candidate_import.pk])).content.decode()

    assert '<progress value="2" max="3"' in page
    assert 'hx-trigger="every 1s"' in page
    assert "Checking the rows: 2 of 3" in page


def test_only_the_uploader_or_an_hr_admin_may_open_an_import(client_for, personas):
    upload(client_for(personas.recruiter), ROWS)
    candidate_import = only_import()
    for name in ("intake:import_map", "intake:import_status"):
        url = reverse(name, args=[candidate_import.pk])
        assert client_for(personas.other_recruiter).get(url).status_code == 404
        assert client_for(personas.hiring_manager).get(url).status_code == 404
        assert client_for(personas.hr_admin).get(url).status_code in (200, 302)
    response = client_for(personas.other_recruiter).post(
        reverse("intake:import_map", args=[candidate_import.pk]),
        {"full_name": "Nama Lengkap", "action": "start"},
    )
    assert response.status_code == 404
    assert only_import().status == ImportStatus.MAPPING


def test_the_status_partial_costs_a_fixed_number_of_queries(
    client_for, personas, django_assert_max_num_queries
):
    client = client_for(personas.recruiter)
    small = importing.import_start(actor=personas.recruiter, name="a.csv", data=csv_bytes([HEADER, *ROWS]))
    many = [[f"Pelamar {i}", f"p{i}@example.com", "", ""] for i in range(2000)]
    large = importing.import_start(actor=personas.recruiter, name="b.csv", data=csv_bytes([HEADER, *many]))
    errors = [{"row": i, "field": "phone", "column": "No. HP", "message": "x"} for i in range(800)]
    CandidateImport.objects.filter(pk=small.pk).update(status=ImportStatus.RUNNING)
    CandidateImport.objects.filter(pk=large.pk).update(status=ImportStatus.FAILED, errors=errors)

    for candidate_import in (small, large):
        with django_assert_max_num_queries(4):
            response = client.get(
                reverse("intake:import_status", args=[candidate_import.pk]), HTTP_HX_REQUEST="true"
            )
        assert response.status_code == 200
    page = response.content.decode()
    assert page.startswith('<section id="import-status"')
    assert page.count("<td>No. HP</td>") == 500
    assert "And 300 more problems not shown." in page
