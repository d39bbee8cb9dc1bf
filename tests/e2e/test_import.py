"""A bulk import in a real browser: the upload returns at once, the page waits for the worker to read the
file, moves on to the columns by itself, and reports the import."""

import re
from types import SimpleNamespace

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from rekrut.candidates.models import Candidate
from rekrut.intake import importing
from rekrut.intake.models import CandidateImport, ImportStatus
from rekrut.intake.views import imports
from tests.candidates.filebuilders import csv_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ROWS = [
    ["Nama Lengkap", "E-mail", "No. HP"],
    ["Budi Santoso", "budi@example.com", "0812-3456-7890"],
    ["Siti Rahayu", "siti@example.com", "0813-1111-2222"],
]


def test_the_status_page_waits_for_the_worker_then_moves_on_to_the_columns(
    page, sign_in, personas, monkeypatch
):
    queued: list[int] = []  # the worker is slow today: the reading task waits until the test runs it
    monkeypatch.setattr(
        imports, "candidate_import_read", SimpleNamespace(enqueue=lambda import_id: queued.append(import_id))
    )
    sign_in(personas.recruiter).goto(reverse("intake:import_start"))

    page.locator("#id_file").set_input_files(
        files=[{"name": "pelamar.csv", "mimeType": "text/csv", "buffer": csv_bytes(ROWS)}]
    )
    page.get_by_role("button", name="Upload and choose the columns").click()

    expect(page.get_by_text("Reading the file…")).to_be_visible()
    [import_id] = queued
    assert CandidateImport.objects.get(pk=import_id).status == ImportStatus.READING
    importing.import_read(import_id=import_id)  # the worker gets to it

    expect(page).to_have_url(re.compile(rf"/import/{import_id}/columns/$"))  # the poll moved the page on
    page.get_by_role("button", name="Import 2 candidates").click()
    expect(page.get_by_text("2 candidates imported.")).to_be_visible()
    assert sorted(Candidate.objects.values_list("full_name", flat=True)) == ["Budi Santoso", "Siti Rahayu"]


def test_an_opencats_export_is_mapped_with_the_name_joined_and_the_text_repaired(page, sign_in, personas):
    """The guessed columns join first and last name; HR sees the garbled text with its repair, unticks a
    column and is told it will be dropped, then imports: the rest is in the notes."""
    rows = [
        ["First Name", "Last Name", "E-Mail", "Cell Phone", "Key Skills", "Best Time to Call"],
        ["Nurâ€™aini", "Lubis", "nuraini@example.com", "0812-3456-7890", "Excel, SAP", "Pagi"],
    ]
    candidate_import = importing.import_start(
        actor=personas.recruiter, name="opencats.csv", data=csv_bytes(rows)
    )
    sign_in(personas.recruiter).goto(reverse("intake:import_map", args=[candidate_import.pk]))

    expect(page.locator("#map-full_name")).to_have_value("First Name")
    expect(page.locator("select[name=full_name__join]").first).to_have_value("Last Name")
    repairs = page.locator("#import-repairs")
    expect(repairs).to_contain_text("Nurâ€™aini")
    expect(repairs).to_contain_text("Nur’aini")
    expect(page.locator("#import-preview-rows")).to_contain_text("Nur’aini Lubis")

    page.get_by_label("Best Time to Call").uncheck()
    expect(page.locator("#import-dropped")).to_contain_text("Best Time to Call")
    page.get_by_role("button", name="Import 1 candidate").click()

    expect(page.get_by_text("1 candidate imported.")).to_be_visible()
    candidate = Candidate.objects.get()
    assert candidate.full_name == "Nur’aini Lubis"
    assert "Key Skills: Excel, SAP" in candidate.notes and "Best Time to Call" not in candidate.notes
