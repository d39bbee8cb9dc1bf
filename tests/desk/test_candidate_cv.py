"""The CV download and preview: typed and named after the file's content, never after the uploader's name."""

from urllib.parse import unquote

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from rekrut.candidates.services import CVUpload, candidate_update
from tests.candidates.filebuilders import docx_bytes, pdf_bytes
from tests.pipeline.factories import application_make
from tests.services.files import download_follow

pytestmark = pytest.mark.django_db

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def candidate(team_a_job):
    return application_make(job=team_a_job, full_name="Putri Maharani").candidate


def attach(candidate, personas, *, name: str, data: bytes, kind: str):
    """As the edit page does: the CV's kind comes from its content (intake.cv_reading)."""
    return candidate_update(
        actor=personas.recruiter,
        candidate=candidate,
        loaded_version=None,
        cv=CVUpload(name=name, data=data, kind=kind, text=""),
    )


def fetch(client, candidate, *, inline: bool = False):
    """What the browser gets: streamed, or (files in a bucket) from the signed link the answer points to."""
    url = reverse("desk:candidate_cv", args=[candidate.pk])
    return download_follow(client.get(url, {"inline": "1"} if inline else {}))


def disposition(response) -> tuple[str, str, str]:
    header = response.disposition
    kind, ascii_part, utf8_part = (part.strip() for part in header.split(";"))
    return kind, ascii_part.removeprefix("filename=").strip('"'), unquote(utf8_part.split("''", 1)[1])


def test_a_pdf_uploaded_as_docx_is_served_as_a_pdf_named_so(client_for, personas, candidate):
    attach(candidate, personas, name="resume.docx", data=pdf_bytes("Putri Maharani"), kind="pdf")
    url = reverse("desk:candidate_cv", args=[candidate.pk])
    answer = client_for(personas.hiring_manager).get(url)
    assert answer["X-Content-Type-Options"] == "nosniff"
    assert answer["Cache-Control"] == "private, no-store"
    response = download_follow(answer)
    assert response.status == 200
    assert response.content_type == PDF
    assert disposition(response) == ("attachment", "resume.pdf", "resume.pdf")
    assert response.content.startswith(b"%PDF-")


def test_a_double_ending_does_not_survive(client_for, personas, candidate):
    attach(candidate, personas, name="cv.pdf.html", data=pdf_bytes("Putri"), kind="pdf")
    assert disposition(fetch(client_for(personas.recruiter), candidate))[1:] == ("cv.pdf", "cv.pdf")


def test_a_name_in_another_script_keeps_its_original_for_browsers_that_read_it(
    client_for, personas, candidate
):
    attach(
        candidate,
        personas,
        name="Riwayat Hidup Putri — Boğaziçi.docx",
        data=docx_bytes(["Putri"]),
        kind="docx",
    )
    response = fetch(client_for(personas.recruiter), candidate)
    assert response.content_type == DOCX
    assert disposition(response) == (
        "attachment",
        "riwayat-hidup-putri-bogazici.docx",
        "Riwayat Hidup Putri — Boğaziçi.docx",
    )


def test_the_preview_shows_a_real_pdf_in_a_sandbox(client_for, personas, candidate):
    attach(candidate, personas, name="cv.pdf", data=pdf_bytes("Putri"), kind="pdf")
    response = client_for(personas.hiring_manager).get(
        reverse("desk:candidate_cv", args=[candidate.pk]), {"inline": "1"}
    )  # a preview always comes from Rekrut itself, with its sandbox, whatever the storage
    assert response.status_code == 200
    assert response["Content-Type"] == PDF
    assert response["Content-Disposition"].startswith("inline;")
    policy = [directive.strip() for directive in response["Content-Security-Policy"].split(";")]
    assert policy[0] == "sandbox" and "frame-ancestors 'self'" in policy
    assert response["X-Frame-Options"] == "SAMEORIGIN"  # only our own candidate page may frame it


def test_a_word_cv_has_no_preview(client_for, personas, candidate):
    attach(candidate, personas, name="cv.docx", data=docx_bytes(["Putri"]), kind="docx")
    assert fetch(client_for(personas.recruiter), candidate, inline=True).status == 404
    assert fetch(client_for(personas.recruiter), candidate).status == 200


def test_a_stored_file_that_is_no_document_is_never_shown_and_downloads_as_bytes(
    client_for, personas, candidate
):
    """A record from before uploads were checked: its file says .pdf and holds a web page."""
    candidate.cv_file.save("cv.pdf", ContentFile(b"<html><script>alert(document.cookie)</script></html>"))
    candidate.cv_name = "cv.html"
    candidate.save()
    client = client_for(personas.recruiter)
    assert fetch(client, candidate, inline=True).status == 404
    response = fetch(client, candidate)
    assert response.content_type == "application/octet-stream"
    assert disposition(response) == ("attachment", "cv", "cv")


def test_a_cv_whose_file_is_gone_is_a_404_not_an_error(client_for, personas, candidate):
    attach(candidate, personas, name="cv.pdf", data=pdf_bytes("Putri"), kind="pdf")
    candidate.refresh_from_db()
    candidate.cv_file.storage.delete(candidate.cv_file.name)
    assert fetch(client_for(personas.recruiter), candidate).status == 404


def test_the_candidate_page_frames_the_preview_only_for_a_pdf(client_for, personas, candidate):
    client = client_for(personas.recruiter)
    attach(candidate, personas, name="cv.docx", data=docx_bytes(["Putri"]), kind="docx")
    page = client.get(reverse("desk:candidate", args=[candidate.pk])).content.decode()
    assert "<iframe" not in page
    candidate.refresh_from_db()
    attach(candidate, personas, name="cv.pdf", data=pdf_bytes("Putri"), kind="pdf")
    page = client.get(reverse("desk:candidate", args=[candidate.pk])).content.decode()
    frame = page[page.index("<iframe") : page.index("</iframe>")]
    assert f"{reverse('desk:candidate_cv', args=[candidate.pk])}?inline=1" in frame
    # Chromium shows no PDF at all in a sandboxed frame; the response sandboxes itself instead.
    assert "sandbox" not in frame
