"""My work: what is late first, the rest grouped by what to do; the HR admin (on no team) sees every job."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from rekrut.jobs.models import StageKind
from tests.jobs.factories import job_make
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


def section(page: str, section_id: str) -> str:
    assert f'id="{section_id}"' in page, f"no section {section_id}"
    return page.split(f'id="{section_id}"')[1].split("</section>")[0]


def counts_of(company: str, job) -> dict[str, str]:
    """The company table's counts for one job, by column (screen, interview, decide, hire, late, overdue)."""
    row = company.split(f'data-job="{job.pk}"')[1].split("</tr>")[0]
    cells = row.split('data-count="')[1:]
    return {c.split('"')[0]: re.sub(r"<[^>]+>", "", c.split(">", 1)[1].split("</td>")[0]) for c in cells}


def waiting_since(days: int, **kwargs):
    """An application that entered its stage `days` ago."""
    with time_machine.travel(timezone.now() - timedelta(days=days)):
        return application_make(**kwargs)


def test_what_is_late_comes_first_and_the_rest_is_grouped_by_what_to_do(client_for, personas, team_a_job):
    late = waiting_since(20, job=team_a_job, stage_kind=StageKind.SCREENING, full_name="Lama Menunggu")
    fresh = waiting_since(2, job=team_a_job, stage_kind=StageKind.SCREENING, full_name="Baru Masuk")
    interview = waiting_since(
        3, job=team_a_job, stage_kind=StageKind.HR_INTERVIEW, full_name="Siap Interview"
    )
    offer = waiting_since(1, job=team_a_job, stage_kind=StageKind.OFFER, full_name="Calon Karyawan")

    page = client_for(personas.recruiter).get(reverse("desk:my_work")).content.decode()

    assert page.index('id="late"') < page.index('id="work-screen"') < page.index('id="work-interview"')
    assert late.candidate.full_name in section(page, "late")
    assert "20 days in stage" in section(page, "late")
    assert fresh.candidate.full_name in section(page, "work-screen")
    assert late.candidate.full_name not in section(page, "work-screen")
    assert interview.candidate.full_name in section(page, "work-interview")
    assert offer.candidate.full_name in section(page, "work-hire")
    assert 'id="work-decide"' not in page  # an empty group is not shown
    assert 'id="company"' not in page


def test_nothing_late_shows_no_late_section(client_for, personas, team_a_job):
    waiting_since(13, job=team_a_job, stage_kind=StageKind.SCREENING)
    page = client_for(personas.recruiter).get(reverse("desk:my_work")).content.decode()
    assert 'id="late"' not in page and 'id="work-screen"' in page


def test_the_hr_admin_sees_what_waits_on_every_job_grouped_by_job(
    client_for, personas, team_a_job, team_b_job
):
    waiting_since(30, job=team_a_job, stage_kind=StageKind.EVALUATION, full_name="Lama Sekali")
    waiting_since(1, job=team_a_job, stage_kind=StageKind.SCREENING)
    waiting_since(1, job=team_b_job, stage_kind=StageKind.OFFER)

    page = client_for(personas.hr_admin).get(reverse("desk:my_work")).content.decode()

    assert "Nothing waits for you" not in page
    company = section(page, "company")
    # Job A: one to screen, one to decide (and late); job B: one to hire. Most late first.
    assert counts_of(company, team_a_job) == {
        "screen": "1",
        "interview": "0",
        "decide": "1",
        "hire": "0",
        "late": "1",
        "overdue": "0",
    }
    assert counts_of(company, team_b_job) == {
        "screen": "0",
        "interview": "0",
        "decide": "0",
        "hire": "1",
        "late": "0",
        "overdue": "0",
    }
    assert company.index(team_a_job.title) < company.index(team_b_job.title)
    assert "Rina" in company.split(f'data-job="{team_a_job.pk}"')[1].split("</tr>")[0]
    assert "Lama Sekali" in section(page, "late")


def test_an_hr_admin_with_nothing_waiting_is_told_so(client_for, personas):
    page = client_for(personas.hr_admin).get(reverse("desk:my_work")).content.decode()
    assert "No application waits on any job." in section(page, "company")


@pytest.mark.parametrize("persona", ["hr_admin", "recruiter"])
def test_my_work_costs_the_same_queries_for_few_and_many_rows_and_jobs(
    client_for, personas, team_a_job, team_b_job, django_assert_max_num_queries, persona
):
    client = client_for(getattr(personas, persona))
    for job in (team_a_job, team_b_job):
        waiting_since(20, job=job, stage_kind=StageKind.SCREENING)
        waiting_since(1, job=job, stage_kind=StageKind.USER_INTERVIEW)
    with django_assert_max_num_queries(20) as few:
        assert client.get(reverse("desk:my_work")).status_code == 200
    third = job_make(hr_owner=personas.recruiter, user=personas.hiring_manager, title="Staf Gudang")
    for job in (team_a_job, team_b_job, third):
        for kind in (StageKind.SCREENING, StageKind.EVALUATION, StageKind.OFFER):
            waiting_since(20, job=job, stage_kind=kind)
            waiting_since(2, job=job, stage_kind=kind)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(reverse("desk:my_work")).status_code == 200
