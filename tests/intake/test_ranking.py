"""Ranking a job's applications against its requirements: the order, the reasons in both languages, the
fairness rule, the requirements HR sets, and the page."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from rekrut.core.errors import AccessDenied, DomainError
from rekrut.events.models import AuditEvent
from rekrut.intake.ranking.profile import profile_build
from rekrut.intake.ranking.ranking import applications_rank
from rekrut.jobs.models import JobRequirements, StageKind
from rekrut.jobs.requirements import LanguageSpec, RequirementsSpec, job_requirements_set
from rekrut.pipeline.models import Application
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 29)

CS_RESUME = {
    "work": [
        {"name": "Bank Maju", "position": "Customer Service", "startDate": "2023-11", "endDate": "sekarang"},
        {"name": "Toko Jaya", "position": "Kasir", "startDate": "2020", "endDate": "2022"},
    ],
    "education": [{"institution": "Politeknik Negeri Bandung", "studyType": "D3", "area": "Administrasi"}],
    "skills": [
        {"name": "Office", "keywords": ["Ms. Excel", "Ms. Word"]},
        {"name": "Komunikasi"},
        {"name": "CRM"},
    ],
    "languages": [{"language": "Bahasa Inggris", "fluency": "Menengah"}],
}
CS_SPEC = RequirementsSpec(
    must_have=("Microsoft Excel", "komunikasi", "layanan pelanggan", "CRM", "SQL"),
    nice_to_have=("Zendesk",),
    experience_years=2,
    experience_in="layanan pelanggan",
    education_min="d3",
    languages=(LanguageSpec("English", "conversational"),),
)


def applied(job, name: str, *, days_ago: int, **fields):
    application = application_make(job=job, full_name=name, **fields)
    Application.objects.filter(pk=application.pk).update(applied_at=timezone.now() - timedelta(days=days_ago))
    return application


@pytest.fixture
def requirements(team_a_job, personas):
    return job_requirements_set(actor=personas.recruiter, job=team_a_job, spec=CS_SPEC)


def test_applications_are_ranked_must_haves_first_then_nice_to_haves_then_experience_then_date(
    team_a_job, requirements
):
    text = "Keahlian: Excel, komunikasi, layanan pelanggan, CRM"
    strong = applied(team_a_job, "Ayu", days_ago=1, resume=CS_RESUME, cv_text=text + ", SQL")
    zendesk = applied(team_a_job, "Bima", days_ago=2, resume={}, cv_text=text + ", Zendesk")
    early = applied(team_a_job, "Citra", days_ago=9, resume={}, cv_text=text)
    late = applied(team_a_job, "Dewi", days_ago=3, resume={}, cv_text=text)
    weak = applied(team_a_job, "Eka", days_ago=30, resume={}, cv_text="Excel")

    ranked = applications_rank(job=team_a_job, today=TODAY)

    assert [row.application.pk for row in ranked] == [strong.pk, zendesk.pk, early.pk, late.pk, weak.pk]
    assert [row.position for row in ranked] == [1, 2, 3, 4, 5]


def test_the_reasons_say_what_is_met_and_missing_in_english(team_a_job, requirements):
    applied(team_a_job, "Ayu", days_ago=1, resume=CS_RESUME, cv_text="")

    with translation.override("en"):
        reasons = [reason.text for reason in applications_rank(job=team_a_job, today=TODAY)[0].reasons]

    assert reasons == [
        "Meets 4 of 5 must-haves; missing: SQL",
        "No nice-to-have found: Zendesk",
        "3 years of layanan pelanggan, asks 2",
        "Diploma (D3), asks at least Diploma (D3)",
        "English: conversational, asks conversational",
        "Lives in Bandung; the job is in Jakarta Selatan",
    ]


def test_the_reasons_are_worded_in_bahasa_indonesia_for_an_indonesian_viewer(team_a_job, requirements):
    applied(team_a_job, "Ayu", days_ago=1, resume=CS_RESUME, cv_text="")
    ranked = applications_rank(job=team_a_job, today=TODAY)

    with translation.override("id"):
        reasons = [reason.text for reason in ranked[0].reasons]

    assert reasons[0] == "Memenuhi 4 dari 5 syarat wajib; belum ada: SQL"
    assert reasons[2] == "3 tahun layanan pelanggan, diminta 2"
    assert all(reason for reason in reasons)
    assert "Lives" not in " ".join(reasons) and "asks" not in " ".join(reasons)


PHOTO = "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ=="


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Agama: Islam", "Agama: Kristen"),
        ("Status: Menikah", "Status: Belum menikah"),
        ("Tanggal lahir: 1 Mei 1975", "Tanggal lahir: 3 Juni 2001"),
        ("Usia: 51 tahun", "Usia: 24 tahun"),
        ("Jenis kelamin: Perempuan", "Jenis kelamin: Laki-laki"),
        ("Suku: Jawa", "Suku: Batak"),
        ("Religion: Hindu", "Religion: Buddhist"),
        ("Marital status: Single", "Marital status: Married"),
    ],
)
def test_cvs_that_differ_only_in_who_the_person_is_get_identical_scores_and_reasons(
    team_a_job, requirements, one, other
):
    body = "Ringkasan\nLayanan pelanggan 3 tahun. Excel, komunikasi.\n{line}\nBersedia ditempatkan"
    first = {**CS_RESUME, "basics": {"name": "A", "image": PHOTO, "birthDate": "1975-05-01"}}
    second = {**CS_RESUME, "basics": {"name": "B"}}
    applied(team_a_job, "Satu", days_ago=1, resume=first, cv_text=body.format(line=one))
    applied(team_a_job, "Dua", days_ago=1, resume=second, cv_text=body.format(line=other))

    a, b = applications_rank(job=team_a_job, today=TODAY)

    assert a.match == b.match
    assert [r.text for r in a.reasons] == [r.text for r in b.reasons]
    # By construction: what the ranking knows of the two CVs is the same, whatever the job asks.
    assert profile_build(resume=first, cv_text=body.format(line=one), city="Bandung", today=TODAY) == (
        profile_build(resume=second, cv_text=body.format(line=other), city="Bandung", today=TODAY)
    )


def test_a_job_without_requirements_lists_its_applicants_in_the_order_they_applied(team_a_job):
    later = applied(team_a_job, "Later", days_ago=1)
    first = applied(team_a_job, "First", days_ago=5)

    ranked = applications_rank(job=team_a_job, today=TODAY)

    assert [row.application.pk for row in ranked] == [first.pk, later.pk]
    assert all(row.reasons == [] or row.reasons[0].tone == "info" for row in ranked)


def test_only_active_applications_in_cv_screening_are_ranked(team_a_job, requirements):
    waiting = applied(team_a_job, "Applied", days_ago=3)
    screened = application_make(job=team_a_job, stage_kind=StageKind.SCREENING, full_name="Screened")
    application_make(job=team_a_job, stage_kind=StageKind.HR_INTERVIEW, full_name="Interviewed")

    ranked = applications_rank(job=team_a_job, today=TODAY)

    assert {row.application.pk for row in ranked} == {waiting.pk, screened.pk}


# --- the requirements HR sets --------------------------------------------------------------------


def test_hr_sets_the_requirements_cleaned_and_audited(team_a_job, personas):
    spec = RequirementsSpec(
        must_have=(" Excel ", "excel", "SQL"), experience_years=2, experience_in="  sales "
    )

    saved = job_requirements_set(actor=personas.recruiter, job=team_a_job, spec=spec)

    assert saved.must_have == ["Excel", "SQL"]
    assert saved.experience_in == "sales"
    assert AuditEvent.objects.filter(action="job.requirements_changed").count() == 1


def test_only_the_hr_owner_or_an_hr_admin_sets_the_requirements(team_a_job, personas):
    with pytest.raises(AccessDenied):
        job_requirements_set(actor=personas.hiring_manager, job=team_a_job, spec=CS_SPEC)
    assert not JobRequirements.objects.exists()


@pytest.mark.parametrize(
    ("spec", "says"),
    [
        (RequirementsSpec(must_have=("Agama Islam",)), "cannot be a requirement"),
        (RequirementsSpec(must_have=("Muslim",)), "who a person is"),
        (RequirementsSpec(nice_to_have=("Belum menikah",)), "marital"),
        (RequirementsSpec(must_have=("Wanita",)), "cannot be a requirement"),
        (RequirementsSpec(must_have=tuple(f"Skill {n}" for n in range(21))), "at most 20"),
        (RequirementsSpec(must_have=("x" * 61,)), "too long"),
        (RequirementsSpec(experience_years=41), "between 0 and 40"),
        (RequirementsSpec(education_min="sd"), "education level"),
        (RequirementsSpec(languages=(LanguageSpec("English", "superb"),)), "how well"),
    ],
)
def test_a_bad_requirement_is_refused_in_words_and_nothing_is_saved(team_a_job, personas, spec, says):
    with pytest.raises(DomainError) as refused:
        job_requirements_set(actor=personas.recruiter, job=team_a_job, spec=spec)

    assert says in str(refused.value.message)
    assert not JobRequirements.objects.exists()


def test_the_requirements_page_saves_what_hr_types(client_for, personas, team_a_job):
    url = reverse("jobs:requirements", args=[team_a_job.pk])
    data = {
        "must_have": "Microsoft Excel, SQL\nlayanan pelanggan",
        "nice_to_have": "Zendesk",
        "experience_years": "2",
        "experience_in": "customer service",
        "education_min": "d3",
        "language_1": "English",
        "language_level_1": "fluent",
        "location_matters": "on",
    }

    response = client_for(personas.recruiter).post(url, data)

    assert response.status_code == 302
    saved = JobRequirements.objects.get(job=team_a_job)
    assert saved.must_have == ["Microsoft Excel", "SQL", "layanan pelanggan"]
    assert saved.languages == [{"language": "English", "level": "fluent"}]
    assert client_for(personas.recruiter).get(url).status_code == 200


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ({"experience_years": "-1"}, "cannot be negative"),
        ({"experience_years": "dua"}, "whole number"),
        ({"experience_in": "sales"}, "how many years"),
        ({"must_have": "Excel, Agama Kristen"}, "cannot be a requirement"),
    ],
)
def test_the_requirements_page_says_what_is_wrong_and_saves_nothing(
    client_for, personas, team_a_job, data, says
):
    response = client_for(personas.recruiter).post(reverse("jobs:requirements", args=[team_a_job.pk]), data)

    assert response.status_code == 200
    assert says in response.content.decode()
    assert not JobRequirements.objects.exists()


# --- the page ------------------------------------------------------------------------------------------


def test_the_page_shows_the_ranking_with_its_reasons(client_for, personas, team_a_job, requirements):
    applied(team_a_job, "Ayu Lestari", days_ago=1, resume=CS_RESUME, cv_text="")

    response = client_for(personas.hiring_manager).get(reverse("desk:ranking", args=[team_a_job.pk]))

    html = response.content.decode()
    assert "Ayu Lestari" in html
    assert "Meets 4 of 5 must-haves; missing: SQL" in html
    assert "never rejects" in html
    # A list to read: nothing on it rejects or moves anyone.
    assert reverse("desk:reject", args=[1]).rsplit("/", 3)[0] not in html.replace("/ranking/", "")


def test_the_page_asks_for_requirements_when_the_job_has_none(client_for, personas, team_a_job):
    applied(team_a_job, "Ayu Lestari", days_ago=1)

    html = client_for(personas.recruiter).get(reverse("desk:ranking", args=[team_a_job.pk])).content.decode()

    assert "no requirements for ranking yet" in html
    assert reverse("jobs:requirements", args=[team_a_job.pk]) in html


def test_the_page_can_rank_another_stage(client_for, personas, team_a_job, requirements):
    interviewed = application_make(
        job=team_a_job, stage_kind=StageKind.HR_INTERVIEW, full_name="Wawan Setiawan"
    )
    stage = interviewed.stage

    url = reverse("desk:ranking", args=[team_a_job.pk])
    html = client_for(personas.recruiter).get(url, {"stage": stage.pk}).content.decode()

    assert "Wawan Setiawan" in html


def test_the_page_runs_a_bounded_number_of_queries(
    client_for, personas, team_a_job, requirements, django_assert_max_num_queries
):
    client = client_for(personas.recruiter)
    url = reverse("desk:ranking", args=[team_a_job.pk])
    applied(team_a_job, "One", days_ago=1, resume=CS_RESUME)
    with django_assert_max_num_queries(100) as few:
        client.get(url)
    for n in range(15):
        applied(team_a_job, f"Kandidat {n}", days_ago=n, resume=CS_RESUME)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)

    assert response.status_code == 200
    assert len(few.captured_queries) <= 12
