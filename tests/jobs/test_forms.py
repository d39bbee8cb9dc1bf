"""The job form says what is wrong in words, never with a database constraint's name (issue 7: headcount 0
showed `job_headcount_positive`), and bounds its long texts; the service refuses the same."""

import pytest
from django.urls import reverse

from rekrut.core.errors import DomainError
from rekrut.core.limits import DOCUMENT_TEXT
from rekrut.jobs.models import Job
from rekrut.jobs.services import TeamSpec, job_create, job_update
from tests.jobs.factories import DepartmentFactory, LocationFactory

pytestmark = pytest.mark.django_db


def job_post(personas, **overrides) -> dict:
    data = {
        "title": "Staf Gudang",
        "department": DepartmentFactory().pk,
        "level": "staff",
        "job_family": "general",
        "employment_type": "pkwtt",
        "location": LocationFactory().pk,
        "work_mode": "on_site",
        "headcount": 2,
        "description": "Mengelola stok.",
        "requirements": "SMA/SMK.",
        "status": "open",
        "hr_owner": personas.recruiter.pk,
    }
    return {**data, **overrides}


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"headcount": 0}, "at least 1"),
        ({"headcount": -3}, "at least 1"),
        ({"headcount": 100_000}, "less than or equal to"),
        ({"description": "x" * (DOCUMENT_TEXT + 1)}, "at most 20000 characters"),
        ({"requirements": "x" * (DOCUMENT_TEXT + 1)}, "at most 20000 characters"),
        ({"title": "x" * 161}, "at most 160 characters"),
        ({"salary_min": 9_000_000, "salary_max": 5_000_000}, "at least the minimum"),
        ({"salary_max": 10**20}, "less than or equal to"),
    ],
)
def test_the_job_form_explains_a_bad_value_and_saves_nothing(client_for, personas, overrides, message):
    response = client_for(personas.recruiter).post(reverse("jobs:create"), job_post(personas, **overrides))
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert "job_headcount_positive" not in page and "job_salary_range_ordered" not in page
    assert "Constraint" not in page
    assert not Job.objects.filter(title__startswith="Staf Gudang").exists()


def test_a_good_job_is_saved(client_for, personas):
    response = client_for(personas.recruiter).post(reverse("jobs:create"), job_post(personas))
    assert response.status_code == 302
    assert Job.objects.get(title="Staf Gudang").headcount == 2


def test_the_edit_form_refuses_headcount_zero_too(client_for, personas, team_a_job):
    data = job_post(personas, title=team_a_job.title, headcount=0)
    response = client_for(personas.recruiter).post(reverse("jobs:edit", args=[team_a_job.pk]), data)
    assert "at least 1" in response.content.decode()
    team_a_job.refresh_from_db()
    assert team_a_job.headcount == 1


def test_the_service_refuses_headcount_zero_with_a_message(personas, team_a_job):
    team = TeamSpec(hr_owner=personas.recruiter)
    with pytest.raises(DomainError) as refused:
        job_create(
            actor=personas.hr_admin,
            team=team,
            title="Kasir",
            department=DepartmentFactory(),
            location=LocationFactory(),
            headcount=0,
        )
    assert refused.value.code == "headcount"
    with pytest.raises(DomainError):
        job_update(actor=personas.hr_admin, job=team_a_job, loaded_at=None, headcount=0)
