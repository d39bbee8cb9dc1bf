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
