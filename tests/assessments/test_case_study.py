"""The case study handed out and returned through the signed link: the page states what is measured, how
long it takes and how results are used; the upload is checked, needs the consent (UU PDP), closes at the
deadline; the interviewer sees the work in the kit; the portal lists it."""

from datetime import timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from rekrut.assessments.models import Assessment, AssessmentStatus, ResultShape
from rekrut.assessments.services.assessments import assessment_cancel, assessment_invite
from rekrut.candidates.models import Consent, ConsentPurpose
from rekrut.core.signed_links import signed_link_issue
from tests.assessments.factories import assessment_make, type_make
from tests.candidates.filebuilders import docx_bytes, pdf_bytes, zip_bytes
from tests.services.files import download_follow


@pytest.fixture
def case_study(db):
    return type_make(
        name="Studi kasus",
        shape=ResultShape.RUBRIC,
        duration_minutes=240,
        measures_en="How you analyse a real problem of this job.",
        brief_en="Our branch loses 20% of customers a year. What would you do?",
        brief_id="Cabang kami kehilangan 20% nasabah per tahun. Apa yang Anda lakukan?",
    )


@pytest.fixture
def invited(at_assessment, personas, case_study):
    assessment = assessment_make(application=at_assessment, assessment_type=case_study)
    issued = assessment_invite(
        actor=personas.recruiter,
        assessment=assessment,
        expected_version=1,
        deadline=timezone.now() + timedelta(days=3),
    )
    return Assessment.objects.get(pk=assessment.pk), issued.token


def _url(token):
    return reverse("assessments:page", args=[token])


def _post(client, token, data, name="analisis.pdf", consent=True):
    payload = {"file": SimpleUploadedFile(name, data)}
    if consent:
        payload["consent"] = "on"
    return client.post(_url(token), payload)


def test_the_page_says_what_is_measured_how_long_and_how_results_are_used(client, invited):
    _assessment, token = invited
    page = client.get(_url(token)).content.decode()
    assert "How you analyse a real problem of this job." in page
    assert "About 240 minutes." in page
    assert "How the result is used" in page
    assert "loses 20% of customers" in page  # the brief, in the candidate's language (English)
    assert "no-store" in client.get(_url(token))["Cache-Control"]


def test_the_candidate_hands_in_their_work_with_consent(client, invited):
    assessment, token = invited
    response = _post(client, token, pdf_bytes("Analisis saya"))
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.SUBMITTED and assessment.work_sample_kind == "pdf"
    assert assessment.work_sample_name == "analisis.pdf" and "analisis" not in assessment.work_sample.name
    consent = Consent.objects.get(candidate=assessment.application.candidate)
    assert consent.purpose == ConsentPurpose.ASSESSMENT and consent.language == "en"
    # Replacing it before the deadline needs no second consent.
    assert _post(client, token, docx_bytes("Versi 2"), name="v2.docx", consent=False).status_code == 302
    assessment.refresh_from_db()
    assert assessment.work_sample_kind == "docx" and Consent.objects.count() == 1


def test_without_consent_nothing_is_stored(client, invited):
    assessment, token = invited
    response = _post(client, token, pdf_bytes("x"), consent=False)
    assert response.status_code == 200 and "Agree to how your work" in response.content.decode()
    assessment.refresh_from_db()
    assert not assessment.work_sample and assessment.status == AssessmentStatus.INVITED


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("virus.exe", b"MZ\x90\x00" + b"\x00" * 100, "Upload your work as a PDF"),
        (
            "macro.docm",
            zip_bytes({"word/document.xml": b"<w/>", "word/vbaProject.bin": b"x"}),
            "Upload your work",
        ),
        ("bomb.zip", zip_bytes({"a.txt": b"0" * (60 * 1024 * 1024)}), "too large"),
        ("empty.pdf", b"", "empty"),
    ],
)
def test_a_bad_upload_is_refused_with_a_clear_message(client, invited, name, data, says):
    assessment, token = invited
    response = _post(client, token, data, name=name)
    assert response.status_code == 200
    assert says in response.content.decode()
    assessment.refresh_from_db()
    assert not assessment.work_sample and not Consent.objects.exists()


def test_after_the_deadline_the_upload_is_closed(client, invited):
    assessment, token = invited
    with time_machine.travel(assessment.deadline + timedelta(minutes=1)):
        page = client.get(_url(token)).content.decode()
        assert "The deadline has passed" in page
        response = _post(client, token, pdf_bytes("late"))
    assert "The deadline has passed" in response.content.decode()
    assessment.refresh_from_db()
    assert not assessment.work_sample


def test_a_cancelled_assessments_link_no_longer_opens(client, invited, personas):
    assessment, token = invited
    assessment_cancel(
        actor=personas.recruiter, assessment=assessment, reason="Posisi ditutup", expected_version=None
    )
    assert client.get(_url(token)).status_code == 410


def test_an_unknown_link_says_so_without_naming_anything(client, db):
    response = client.get(_url("x" * 43))
    assert response.status_code == 404 and "This link does not open" in response.content.decode()


def test_the_interviewer_sees_the_work_in_the_kit(client, client_for, invited, personas):
    from tests.interviews.conftest import held, rounds_of

    assessment, token = invited
    _post(client, token, pdf_bytes("Analisis saya"))
    hr_round = rounds_of(assessment.application.job)["hr"]
    interview = held(assessment.application, hr_round, [personas.interviewer], hours_ago=-24)
    kit = client_for(personas.interviewer).get(reverse("interviews:kit", args=[interview.pk]))
    assert reverse("assessments:work", args=[assessment.pk]) in kit.content.decode()
    download = client_for(personas.interviewer).get(reverse("assessments:work", args=[assessment.pk]))
    received = download_follow(download)  # streamed, or from the bucket's signed link
    assert received.status == 200 and received.content_type == "application/pdf"
    assert download["X-Content-Type-Options"] == "nosniff"


def test_the_portal_lists_the_candidates_own_assessments_only(client, invited, personas, team_a_job):
    from rekrut.portal.assessments import assessments_of
    from tests.pipeline.factories import application_make

    assessment, _token = invited
    other = application_make(job=team_a_job, actor=personas.hr_admin, email="other@example.com")
    assessment_make(application=other, assessment_type=assessment.assessment_type)
    assert assessments_of(assessment.application.candidate) == [assessment]
    assert assessments_of(other.candidate) == []  # only assigned, not yet invited: not news yet


def test_a_link_for_another_page_is_refused(client, invited, personas):
    assessment, _token = invited
    issued = signed_link_issue(
        purpose="medical_invite", subject=assessment, valid_for=timedelta(days=1), created_by=None
    )
    assert client.get(_url(issued.token)).status_code == 404
