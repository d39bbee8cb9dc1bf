"""Applying from the careers site: the whole path, and every bad input refused with a message while
nothing is saved (no person, no application, no consent, no e-mail)."""

import json
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from rekrut.candidates.consent import CONSENT_VERSIONS
from rekrut.candidates.models import Candidate, Consent, ConsentPurpose, Source
from rekrut.core.uploads import MAX_UPLOAD_BYTES
from rekrut.intake.models import QuestionKind, ScreeningAnswer
from rekrut.intake.screening import QuestionSpec, screening_question_add
from rekrut.jobs.models import JobStatus
from rekrut.notifications.models import OutboxMessage
from rekrut.pipeline.models import Application, Transition
from rekrut.pipeline.transitions import ApplicationStatus
from tests.candidates.filebuilders import pdf_bytes
from tests.jobs.factories import job_make

pytestmark = pytest.mark.django_db


def cv(name: str = "cv-putri.pdf", data: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name, data if data is not None else pdf_bytes("Putri Maharani, Customer Service")
    )


def form(**changes: object) -> dict:
    data = {
        "full_name": "Putri Maharani",
        "email": "Putri@Example.co.id",
        "phone": "0812-3456-7890",
        "city": "Bandung",
        "cv": cv(),
        "consent_application": "on",
        "website": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def apply(client, job, **changes):
    return client.post(reverse("careers:apply", args=[job.pk]), form(**changes))


def nothing_saved() -> None:
    assert Candidate.objects.count() == 0
    assert Application.objects.count() == 0
    assert Consent.objects.count() == 0
    assert OutboxMessage.objects.count() == 0


@pytest.fixture
def job(personas):
    return job_make(hr_owner=personas.recruiter, title="Customer Service Officer")


def test_applying_adds_the_person_the_application_the_consent_and_the_email(client, job):
    response = apply(client, job, consent_talent_pool="on", HTTP_USER_AGENT="Mozilla/5.0 Android")
    assert response.status_code == 302
    assert response["Location"] == reverse("careers:applied", args=[job.pk])
    candidate = Candidate.objects.get()
    assert (candidate.full_name, candidate.email, candidate.phone, candidate.city) == (
        "Putri Maharani",
        "putri@example.co.id",
        "+6281234567890",
        "Bandung",
    )
    assert (
        candidate.source == Source.CAREERS_PAGE and candidate.cv_file and candidate.cv_name == "cv-putri.pdf"
    )
    application = Application.objects.get()
    assert application.job == job and application.status == ApplicationStatus.ACTIVE
    applied = Transition.objects.get(application=application)
    assert applied.by_candidate and applied.actor is None
    consents = {c.purpose: c for c in Consent.objects.all()}
    assert set(consents) == {ConsentPurpose.APPLICATION, ConsentPurpose.TALENT_POOL}
    recorded = consents[ConsentPurpose.APPLICATION]
    assert recorded.text_version.startswith(CONSENT_VERSIONS[ConsentPurpose.APPLICATION])
    assert recorded.text_version.endswith(".r12m")  # the retention period the text stated
    assert recorded.language == "en" and recorded.job == job and recorded.given_at
    assert recorded.ip == "127.0.0.1"
    message = OutboxMessage.objects.get()
    assert message.to == "putri@example.co.id" and message.language == "en"
    page = client.get(response["Location"]).content.decode()
    assert "your application is in" in page and "p•••@example.co.id" in page


def test_the_email_goes_out_in_the_language_the_candidate_applied_in(client, job):
    client.post(reverse("set_language"), {"language": "id", "next": "/"})
    apply(client, job)
    assert Candidate.objects.get().language == "id"
    assert OutboxMessage.objects.get().language == "id"


def test_without_the_consent_nothing_is_saved(client, job):
    response = apply(client, job, consent_application=None)
    assert response.status_code == 200
    assert "cannot be processed without this consent" in response.content.decode()
    nothing_saved()


def test_the_talent_pool_consent_is_optional_and_separate(client, job):
    apply(client, job)
    assert list(Consent.objects.values_list("purpose", flat=True)) == [ConsentPurpose.APPLICATION]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"cv": None}, "This field is required."),
        ({"cv": cv("cv.txt", b"just some text")}, ""),
        ({"cv": cv("cv.pdf", b"%PDF-" + b"x" * (MAX_UPLOAD_BYTES + 1))}, "larger than 10 MB"),
        ({"cv": cv("cv.pdf", b"")}, "empty"),
        ({"phone": "12"}, ""),
        ({"email": "bukan-email"}, "valid email"),
        ({"full_name": "   "}, ""),
        ({"city": ""}, "This field is required."),
    ],
)
def test_every_bad_input_is_refused_with_a_message_and_nothing_saved(client, job, changes, message):
    response = apply(client, job, **changes)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors
    assert message in " ".join(str(e) for e in errors.values())
    nothing_saved()


def test_a_bot_filling_the_hidden_field_gets_a_message_and_nothing_is_saved(client, job):
    response = apply(client, job, website="https://spam.example")
    assert response.status_code == 200
    assert "Leave this field empty" in response.content.decode()
    nothing_saved()


def test_too_many_applications_from_one_address_are_refused(client, job, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "careers_apply": (2, 3600)}
    for number in range(2):
        apply(client, job, email=f"orang{number}@example.co.id", cv=cv())
    response = apply(client, job, email="orang9@example.co.id", cv=cv())
    assert response.status_code == 429
    assert "Too many applications" in response.content.decode()
    assert int(response["Retry-After"]) > 0
    assert Application.objects.count() == 2


def test_applying_twice_shows_the_existing_application(client, job):
    apply(client, job)
    first = Application.objects.get()
    response = apply(client, job, email="PUTRI@example.co.id", cv=cv())
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "You have already applied for this job" in page
    assert Application.objects.get() == first
    assert Candidate.objects.count() == 1
    assert OutboxMessage.objects.count() == 1  # no second "received" e-mail


def test_a_second_job_reuses_the_person(client, job, personas):
    apply(client, job)
    other = job_make(hr_owner=personas.recruiter, title="Staf Gudang")
    response = apply(client, other, full_name="Putri M.", city="Jakarta", cv=cv("cv-baru.pdf"))
    assert response.status_code == 302
    candidate = Candidate.objects.get()
    assert (candidate.full_name, candidate.city) == ("Putri Maharani", "Bandung")  # not overwritten
    assert candidate.cv_name == "cv-baru.pdf"  # the newest CV is kept
    assert set(Application.objects.values_list("job__title", flat=True)) == {job.title, "Staf Gudang"}


def test_a_record_hr_added_is_reused_and_keeps_its_details(client, job, personas):
    from rekrut.candidates.services import candidate_create

    candidate = candidate_create(
        actor=personas.recruiter,
        full_name="Putri Maharani",
        email="putri@example.co.id",
        phone="+6281111111111",
    )
    apply(client, job)
    candidate.refresh_from_db()
    assert Candidate.objects.count() == 1 and candidate.phone == "+6281111111111"
    assert candidate.applications.get().job == job


def test_a_closed_job_takes_no_applications(client, job):
    job.status = JobStatus.CLOSED
    job.save()
    assert apply(client, job).status_code == 410
    nothing_saved()


def test_a_valid_json_resume_is_read_with_the_application(client, job):
    resume = {
        "basics": {
            "name": "Putri Maharani",
            "profiles": [{"network": "LinkedIn", "url": "https://linkedin.com/in/putri"}],
        },
        "work": [{"name": "Bank Sejahtera", "position": "Teller", "startDate": "2019-03"}],
    }
    upload = SimpleUploadedFile("resume.json", json.dumps(resume).encode(), content_type="application/json")
    assert apply(client, job, resume_json=upload).status_code == 302
    candidate = Candidate.objects.get()
    assert candidate.resume["work"][0]["position"] == "Teller"
    assert "https://linkedin.com/in/putri" in candidate.links


def test_a_json_resume_that_fails_the_schema_names_the_field_and_nothing_is_saved(client, job):
    upload = SimpleUploadedFile("resume.json", json.dumps({"work": [{"startDate": "kemarin"}]}).encode())
    response = apply(client, job, resume_json=upload)
    assert response.status_code == 200
    assert "startDate" in str(response.context["form"].errors["resume_json"])
    nothing_saved()


def _questions(job, actor):
    yes_no = screening_question_add(
        actor=actor,
        job=job,
        spec=QuestionSpec(text="Bersedia kerja shift malam?", kind=QuestionKind.YES_NO, knockout_answer="no"),
    )
    years = screening_question_add(
        actor=actor,
        job=job,
        spec=QuestionSpec(text="Berapa tahun pengalaman?", kind=QuestionKind.NUMBER, knockout_min=Decimal(1)),
    )
    where = screening_question_add(
        actor=actor,
        job=job,
        spec=QuestionSpec(text="Domisili", kind=QuestionKind.CHOICE, choices=("Bandung", "Jakarta")),
    )
    note = screening_question_add(
        actor=actor,
        job=job,
        spec=QuestionSpec(text="Catatan", kind=QuestionKind.SHORT_TEXT, is_required=False),
    )
    return yes_no, years, where, note


def test_screening_answers_are_kept_and_a_knock_out_only_flags(client, job, personas):
    yes_no, years, where, note = _questions(job, personas.recruiter)
    response = apply(
        client, job, **{f"q_{yes_no.pk}": "no", f"q_{years.pk}": "0,5", f"q_{where.pk}": "Bandung"}
    )
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.status == ApplicationStatus.ACTIVE  # never rejected by itself
    answers = {a.question_id: a for a in ScreeningAnswer.objects.filter(application=application)}
    assert (answers[yes_no.pk].value, answers[yes_no.pk].is_knockout) == ("no", True)
    assert (answers[years.pk].value, answers[years.pk].is_knockout) == ("0.5", True)
    assert (answers[where.pk].value, answers[where.pk].is_knockout) == ("Bandung", False)
    assert answers[note.pk].value == ""


@pytest.mark.parametrize(
    ("answers", "field", "message"),
    [
        ({"years": "5", "where": "Bandung"}, "yes_no", "This field is required."),
        ({"yes_no": "yes", "years": "lima", "where": "Bandung"}, "years", "Enter a number"),
        ({"yes_no": "yes", "years": "5", "where": "Surabaya"}, "where", "Select a valid choice"),
        ({"yes_no": "maybe", "years": "5", "where": "Bandung"}, "yes_no", "Select a valid choice"),
    ],
)
def test_bad_screening_answers_are_refused_and_nothing_saved(client, job, personas, answers, field, message):
    questions = dict(
        zip(("yes_no", "years", "where", "note"), _questions(job, personas.recruiter), strict=True)
    )
    data = {f"q_{questions[name].pk}": value for name, value in answers.items()}
    response = apply(client, job, **data)
    assert response.status_code == 200
    assert message in str(response.context["form"].errors[f"q_{questions[field].pk}"])
    nothing_saved()


def test_the_form_works_without_javascript_and_has_the_consent_text(client, job):
    page = client.get(reverse("careers:apply", args=[job.pk])).content.decode()
    assert 'enctype="multipart/form-data"' in page and "<script" not in page.split("</head>")[1]
    for words in (
        "Purpose:",
        "Data kept:",
        "How long:",
        "12 months",
        "Your rights:",
        "Text version application-2026-01",
    ):
        assert words in page
