"""Replacing a candidate's CV on the edit page: the old file goes once the new one is saved, not before."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from rekrut.candidates.models import Candidate
from rekrut.candidates.services import CVUpload, candidate_update
from tests.candidates.filebuilders import docx_bytes, pdf_bytes
from tests.pipeline.factories import application_make
from tests.services.files import storage_isolate, stored_names

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    return storage_isolate(settings, tmp_path)


@pytest.fixture
def candidate(team_a_job, personas):
    candidate = application_make(job=team_a_job, full_name="Putri Maharani").candidate
    return candidate_update(
        actor=personas.recruiter,
        candidate=candidate,
        loaded_version=None,
        cv=CVUpload(name="cv-lama.pdf", data=pdf_bytes("CV lama"), kind="pdf", text="CV lama"),
    )


def stored(media) -> list[str]:
    return [name.removeprefix("cv/") for name in stored_names("cv")]


def test_uploading_a_new_cv_deletes_the_old_file(
    client_for, personas, candidate, media, django_capture_on_commit_callbacks
):
    old = candidate.cv_file.name
    form = {
        "full_name": candidate.full_name,
        "source": candidate.source,
        "loaded_version": candidate.updated_at.isoformat(),
        "cv": SimpleUploadedFile("cv-baru.docx", docx_bytes(["CV baru", "putri@example.com"])),
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(personas.recruiter).post(reverse("intake:edit", args=[candidate.pk]), form)

    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.cv_name == "cv-baru.docx" and candidate.cv_file.name.endswith(".docx")
    assert stored(media) == [candidate.cv_file.name.removeprefix("cv/")]
    assert not candidate.cv_file.storage.exists(old)


def test_a_replacement_that_rolls_back_keeps_the_old_file(personas, candidate, media):
    old = candidate.cv_file.name
    with pytest.raises(RuntimeError), transaction.atomic():
        candidate_update(
            actor=personas.recruiter,
            candidate=candidate,
            loaded_version=None,
            cv=CVUpload(name="baru.pdf", data=pdf_bytes("baru"), kind="pdf", text=""),
        )
        raise RuntimeError("something later in the same change failed")
    candidate.refresh_from_db()
    assert candidate.cv_file.name == old
    assert candidate.cv_file.storage.exists(old)


def test_a_file_another_record_still_points_at_is_kept(
    personas, candidate, team_a_job, django_capture_on_commit_callbacks
):
    """A merge hands the duplicate's CV file to the kept record; the duplicate still names it."""
    other = application_make(job=team_a_job, full_name="Putri M.").candidate
    Candidate.objects.filter(pk=other.pk).update(cv_file=candidate.cv_file.name)
    shared = candidate.cv_file.name
    with django_capture_on_commit_callbacks(execute=True):
        candidate_update(
            actor=personas.recruiter,
            candidate=candidate,
            loaded_version=None,
            cv=CVUpload(name="baru.pdf", data=pdf_bytes("baru"), kind="pdf", text=""),
        )
    assert candidate.cv_file.storage.exists(shared)
