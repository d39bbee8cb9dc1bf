"""Merging two records of the same person: the service and the side-by-side page."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from rekrut.candidates.models import Candidate
from rekrut.core.errors import AccessDenied, DomainError
from rekrut.pipeline import merging as services
from rekrut.pipeline.access import candidates_visible_to
from rekrut.pipeline.models import Application
from tests.candidates.factories import CandidateFactory
from tests.candidates.filebuilders import pdf_bytes
from tests.jobs.factories import job_make
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(team_a_job, personas):
    """Two records of Putri on team A's jobs: the kept one is thin, the duplicate has the details."""
    keep = CandidateFactory(full_name="Putri Maharani", email="", phone="", city="", notes="Lewat telepon.")
    duplicate = CandidateFactory(
        full_name="Putri M.",
        email="putri@example.com",
        phone="+6281233334444",
        city="Bogor",
        notes="Dari bursa kerja.",
        links=["https://linkedin.com/in/putri"],
    )
    application_make(job=team_a_job, candidate=keep)
    teller = job_make(
        hr_owner=personas.recruiter,
        user=personas.hiring_manager,
        interviewers=(personas.interviewer,),
        director=personas.director,
        title="Teller",
    )
    moved = application_make(job=teller, candidate=duplicate)
    return keep, duplicate, moved


def merge_url(keep, duplicate):
    return reverse("desk:merge", args=[keep.pk, duplicate.pk])


def test_merging_moves_applications_and_fills_blank_fields(personas, pair):
    keep, duplicate, moved = pair
    services.candidate_merge(actor=personas.recruiter, keep=keep, duplicate=duplicate)

    keep.refresh_from_db()
    duplicate.refresh_from_db()
    assert Application.objects.get(pk=moved.pk).candidate == keep
    assert Application.objects.filter(candidate=keep).count() == 2
    assert (keep.full_name, keep.email, keep.phone, keep.city) == (
        "Putri Maharani",
        "putri@example.com",
        "+6281233334444",
        "Bogor",
    )
    assert keep.notes == "Lewat telepon.\n\nDari bursa kerja."
    assert keep.links == ["https://linkedin.com/in/putri"]
    assert duplicate.merged_into == keep


def test_the_duplicate_disappears_from_lists_and_its_page(client_for, personas, pair):
    keep, duplicate, _moved = pair
    services.candidate_merge(actor=personas.hr_admin, keep=keep, duplicate=duplicate)

    assert list(candidates_visible_to(user=personas.hr_admin).filter(pk__in=[keep.pk, duplicate.pk])) == [
        keep
    ]
    client = client_for(personas.recruiter)
    listing = client.get(reverse("desk:candidates")).content.decode()
    assert "Putri Maharani" in listing
    assert "Putri M.<" not in listing and f"/candidates/{duplicate.pk}/" not in listing
    assert client.get(reverse("desk:candidate", args=[duplicate.pk])).status_code == 404


def test_the_page_shows_both_records_side_by_side(client_for, personas, pair):
    keep, duplicate, _moved = pair
    page = client_for(personas.recruiter).get(merge_url(keep, duplicate)).content.decode()
    for text in ("Putri Maharani", "Putri M.", "putri@example.com", "+6281233334444", "Bogor"):
        assert text in page
    assert "Customer Service Officer" in page and "Teller" in page
    assert f"Merge #{duplicate.pk} into #{keep.pk}" in page
    assert merge_url(duplicate, keep) in page  # keep the other one instead


def test_confirming_merges_and_the_event_shows_on_the_kept_record(client_for, personas, pair):
    keep, duplicate, moved = pair
    client = client_for(personas.recruiter)

    response = client.post(merge_url(keep, duplicate))

    assert response.status_code == 302
    assert response["Location"] == reverse("desk:candidate", args=[keep.pk])
    page = client.get(response["Location"]).content.decode()
    assert f"The record #{duplicate.pk} is merged into this one." in page
    assert f"Merged with the record of Putri M. (#{duplicate.pk})" in page
    assert "Teller" in page  # the moved application is listed on the kept record
    assert Application.objects.get(pk=moved.pk).candidate_id == keep.pk


def test_same_job_clash_is_refused_with_a_message_and_nothing_changes(client_for, personas, team_a_job, pair):
    keep, duplicate, moved = pair
    clash = application_make(job=team_a_job, candidate=duplicate)
    before = Candidate.objects.get(pk=keep.pk)

    response = client_for(personas.recruiter).post(merge_url(keep, duplicate))

    assert response.status_code == 200
    assert "Both records have an application for the same job (Customer Service Officer)" in (
        response.content.decode()
    )
    keep.refresh_from_db()
    duplicate.refresh_from_db()
    assert duplicate.merged_into is None
    assert (keep.email, keep.updated_at) == (before.email, before.updated_at)
    assert set(Application.objects.filter(candidate=duplicate).values_list("pk", flat=True)) == {
        moved.pk,
        clash.pk,
    }
    assert not keep.events.filter(kind="merged").exists()


@pytest.mark.parametrize("persona", ["hiring_manager", "interviewer", "director"])
def test_non_hr_cannot_merge(client_for, personas, pair, persona):
    keep, duplicate, moved = pair
    client = client_for(getattr(personas, persona))
    assert client.get(merge_url(keep, duplicate)).status_code == 403
    assert client.post(merge_url(keep, duplicate)).status_code == 403
    with pytest.raises(AccessDenied):
        services.candidate_merge(actor=getattr(personas, persona), keep=keep, duplicate=duplicate)
    assert Candidate.objects.get(pk=duplicate.pk).merged_into is None
    assert Application.objects.get(pk=moved.pk).candidate_id == duplicate.pk


def test_records_the_user_cannot_see_are_a_404(client_for, personas, pair):
    keep, duplicate, _moved = pair
    assert client_for(personas.other_recruiter).post(merge_url(keep, duplicate)).status_code == 404
    assert Candidate.objects.get(pk=duplicate.pk).merged_into is None


def test_the_detail_page_links_a_possible_duplicate_to_the_merge_page(client_for, personas, team_a_job):
    keep = application_make(job=team_a_job, email="sama@example.com").candidate
    other = application_make(job=team_a_job, email="SAMA@example.com").candidate
    page = client_for(personas.recruiter).get(reverse("desk:candidate", args=[keep.pk])).content.decode()
    assert merge_url(keep, other) in page


def test_a_kept_cv_keeps_its_own_name_and_text(personas, pair, settings, tmp_path):
    """The CV's file, name and text belong together; only a record without a CV takes the other's."""
    settings.MEDIA_ROOT = tmp_path
    keep, duplicate, _moved = pair
    keep.cv_file.save("cv.pdf", ContentFile(pdf_bytes("")), save=False)
    keep.cv_name, keep.cv_text = "scan-putri.pdf", ""  # a scanned CV: no text to read
    keep.save()
    duplicate.cv_file.save("cv.pdf", ContentFile(pdf_bytes("Putri")), save=False)
    duplicate.cv_name, duplicate.cv_text = "putri-cv.pdf", "Putri, customer service"
    duplicate.save()

    merged = services.candidate_merge(actor=personas.hr_admin, keep=keep, duplicate=duplicate)

    assert (merged.cv_file.name, merged.cv_name, merged.cv_text) == (keep.cv_file.name, "scan-putri.pdf", "")


def test_a_record_without_a_cv_takes_the_duplicates_whole_cv(personas, pair, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    keep, duplicate, _moved = pair
    keep.cv_text = ""
    keep.save()
    duplicate.cv_file.save("cv.pdf", ContentFile(pdf_bytes("Putri")), save=False)
    duplicate.cv_name, duplicate.cv_text = "putri-cv.pdf", "Putri, customer service"
    duplicate.save()

    merged = services.candidate_merge(actor=personas.hr_admin, keep=keep, duplicate=duplicate)

    assert (merged.cv_file.name, merged.cv_name, merged.cv_text) == (
        duplicate.cv_file.name,
        "putri-cv.pdf",
        "Putri, customer service",
    )


def test_records_merged_earlier_follow_to_the_kept_record(personas, pair):
    keep, duplicate, _moved = pair
    older = CandidateFactory(full_name="Putri (lama)")
    services.candidate_merge(actor=personas.hr_admin, keep=duplicate, duplicate=older)

    services.candidate_merge(actor=personas.hr_admin, keep=keep, duplicate=duplicate)

    assert Candidate.objects.get(pk=older.pk).merged_into_id == keep.pk


def test_a_record_cannot_be_merged_with_itself_or_twice(personas, pair):
    keep, duplicate, _moved = pair
    with pytest.raises(DomainError):
        services.candidate_merge(actor=personas.hr_admin, keep=keep, duplicate=keep)
    services.candidate_merge(actor=personas.hr_admin, keep=keep, duplicate=duplicate)
    with pytest.raises(DomainError) as refused:
        services.candidate_merge(actor=personas.hr_admin, keep=keep, duplicate=duplicate)
    assert refused.value.code == "already_merged"


def test_every_moved_application_gets_a_history_row_worded_in_the_viewers_language(personas, pair):
    from django.utils import translation

    from rekrut.pipeline.models import Transition, TransitionKind

    keep, duplicate, moved = pair
    before = moved.version
    services.candidate_merge(actor=personas.recruiter, keep=keep, duplicate=duplicate)
    [row] = Transition.objects.filter(application=moved, kind=TransitionKind.MERGED)
    assert row.actor == personas.recruiter and row.params == {"from_candidate": duplicate.pk}
    assert (
        row.from_stage == row.to_stage == moved.stage
        and Application.objects.get(pk=moved.pk).version > before
    )
    with translation.override("en"):
        assert row.note_text == f"From the merged record #{duplicate.pk}"
    with translation.override("id"):
        assert (
            row.note_text != f"From the merged record #{duplicate.pk}" and f"#{duplicate.pk}" in row.note_text
        )
