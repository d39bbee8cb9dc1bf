"""Ranking 2,000 applications takes under 2 seconds on the project's machine (README, "Ranking applicants");
the test asserts a generous bound, so a slow shared runner does not fail it, and prints the figure."""

import random
import time

import pytest
from django.urls import reverse
from django.utils import timezone

from rekrut.candidates.models import Candidate
from rekrut.intake.ranking.ranking import applications_rank
from rekrut.jobs.models import StageKind
from rekrut.jobs.requirements import LanguageSpec, RequirementsSpec, job_requirements_set
from rekrut.pipeline.models import Application

pytestmark = pytest.mark.django_db
COUNT = 2000
BOUND_SECONDS = 10.0

POSITIONS = ["Customer Service", "Kasir", "Staf Administrasi", "Sales Executive", "Teller", "Admin Gudang"]
SKILLS = [
    "Ms. Excel",
    "Ms. Word",
    "komunikasi",
    "negosiasi",
    "CRM",
    "SQL",
    "Canva",
    "Zendesk",
    "Google Sheets",
]
PARAGRAPH = (
    "Bertanggung jawab melayani nasabah, menangani keluhan, mencatat transaksi harian dan membuat laporan "
    "mingguan untuk atasan. Terbiasa bekerja dengan target dan dalam tim yang dinamis. "
)


def resume_make(rng: random.Random) -> dict:
    year = rng.randint(2012, 2022)
    work = []
    for _n in range(3):
        end = year + rng.randint(1, 3)
        work.append(
            {
                "name": f"PT Contoh {rng.randint(1, 500)}",
                "position": rng.choice(POSITIONS),
                "startDate": f"{year}-{rng.randint(1, 12):02d}",
                "endDate": f"{end}" if end < 2026 else "sekarang",
                "summary": PARAGRAPH,
            }
        )
        year = end
    return {
        "basics": {"name": "x", "location": {"city": rng.choice(["Bandung", "Jakarta Selatan", "Medan"])}},
        "work": work,
        "education": [{"institution": "Universitas Contoh", "studyType": rng.choice(["D3", "S1", "SMK"])}],
        "skills": [{"name": s} for s in rng.sample(SKILLS, 4)],
        "languages": [{"language": "English", "fluency": rng.choice(["Basic", "Intermediate", "Fluent"])}],
    }


def test_ranking_2000_applications_is_fast(team_a_job, personas, client_for):
    rng = random.Random(2026)
    job_requirements_set(
        actor=personas.recruiter,
        job=team_a_job,
        spec=RequirementsSpec(
            must_have=("Microsoft Excel", "layanan pelanggan", "SQL", "komunikasi", "CRM"),
            nice_to_have=("Zendesk", "Canva", "negosiasi"),
            experience_years=2,
            experience_in="customer service",
            education_min="d3",
            languages=(LanguageSpec("Inggris", "conversational"),),
        ),
    )
    candidates = Candidate.objects.bulk_create(
        Candidate(
            full_name=f"Pelamar {n}",
            city="Bandung",
            resume=resume_make(rng),
            cv_text=(PARAGRAPH * 20) + " Keahlian: " + ", ".join(rng.sample(SKILLS, 5)),
        )
        for n in range(COUNT)
    )
    stage = team_a_job.stages.get(kind=StageKind.APPLIED)
    now = timezone.now()
    Application.objects.bulk_create(
        Application(candidate=c, job=team_a_job, stage=stage, applied_at=now, stage_entered_at=now)
        for c in candidates
    )

    started, cpu_started = time.perf_counter(), time.process_time()
    ranked = applications_rank(job=team_a_job)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started

    # CPU time too: on a busy shared machine the wall clock also counts the waits for a free core.
    print(f"\nranking {len(ranked)} applications: {seconds:.2f} s ({cpu:.2f} s of CPU)")
    assert len(ranked) == COUNT
    assert seconds < BOUND_SECONDS

    client = client_for(personas.recruiter)
    started, cpu_started = time.perf_counter(), time.process_time()
    response = client.get(reverse("desk:ranking", args=[team_a_job.pk]))
    page_seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    print(f"the ranking page (first 50 of {COUNT}): {page_seconds:.2f} s ({cpu:.2f} s of CPU)")
    assert response.status_code == 200
    assert page_seconds < BOUND_SECONDS
