"""A knock-out answer is flagged for HR on the board and the candidate page; the application stays active."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from rekrut.intake.models import QuestionKind
from rekrut.intake.screening import QuestionSpec, screening_question_add
from rekrut.pipeline.models import Application
from tests.candidates.filebuilders import pdf_bytes
from tests.jobs.factories import job_make

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("answer", "flagged"), [("no", True), ("yes", False)])
def test_hr_sees_the_knock_out_flag(client, client_for, personas, answer, flagged):
    job = job_make(hr_owner=personas.recruiter)
    question = screening_question_add(
        actor=personas.recruiter,
        job=job,
        spec=QuestionSpec(text="Punya SIM C?", kind=QuestionKind.YES_NO, knockout_answer="no"),
    )
    client.post(
        reverse("careers:apply", args=[job.pk]),
        {
            "full_name": "Bayu Saputra",
            "email": "bayu@example.com",
            "phone": "081298765432",
            "city": "Depok",
            "cv": SimpleUploadedFile("cv.pdf", pdf_bytes("Bayu Saputra")),
            "consent_application": "on",
            f"q_{question.pk}": answer,
        },
    )
    application = Application.objects.get()
    assert application.status == "active"
    hr = client_for(personas.recruiter)
    board = hr.get(reverse("desk:board", args=[job.pk])).content.decode()
    page = hr.get(reverse("desk:candidate", args=[application.candidate_id])).content.decode()
    assert "Punya SIM C?" in page
    assert ("data-knockout" in board) is flagged
    assert ("data-knockout" in page) is flagged
