import pytest

from rekrut.core.errors import AccessDenied, DomainError, StaleEdit
from rekrut.jobs.models import StageKind
from rekrut.jobs.services import StageSpec, TeamSpec, job_create, job_stages_configure, job_update
from tests.jobs.factories import DepartmentFactory, LocationFactory, job_make
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


def test_a_new_job_gets_the_default_pipeline_with_optional_interviews(personas):
    job = job_make(hr_owner=personas.recruiter)
    stages = list(job.stages.order_by("position"))
    assert [s.kind for s in stages][:6] == [
        "applied",
        "screening",
        "assessment",
        "hr_interview",
        "user_interview",
        "evaluation",
    ]
    director = next(s for s in stages if s.name_en == "Director interview")
    superior = next(s for s in stages if s.name_en == "Superior interview")
    assert superior.is_optional and superior.is_active
    assert director.is_optional and not director.is_active
    # Tests between the CV and the interviews (issue 11): on, and a job without them switches it off.
    assessment = next(s for s in stages if s.kind == "assessment")
    assert assessment.is_optional and assessment.is_active


def test_managerial_jobs_include_the_director_interview(personas):
    job = job_make(hr_owner=personas.recruiter, managerial=True, title="Operations Manager")
    assert job.stages.get(name_en="Director interview").is_active


def test_only_hr_opens_jobs(personas):
    with pytest.raises(AccessDenied):
        job_create(
            actor=personas.hiring_manager,
            team=TeamSpec(hr_owner=personas.recruiter),
            title="X",
            department=DepartmentFactory(),
            location=LocationFactory(),
        )


def test_salary_range_must_be_ordered(personas):
    with pytest.raises(DomainError):
        job_create(
            actor=personas.recruiter,
            team=TeamSpec(hr_owner=personas.recruiter),
            title="X",
            department=DepartmentFactory(),
            location=LocationFactory(),
            salary_min=9_000_000,
            salary_max=5_000_000,
        )


def test_a_stale_job_edit_is_refused(personas, team_a_job):
    loaded = team_a_job.updated_at
    job_update(actor=personas.hr_admin, job=team_a_job, loaded_at=loaded, headcount=3)
    team_a_job.refresh_from_db()
    with pytest.raises(StaleEdit):
        job_update(
            actor=personas.recruiter,
            job=team_a_job,
            loaded_at=loaded.replace(year=loaded.year - 1),
            headcount=5,
        )
    team_a_job.refresh_from_db()
    assert team_a_job.headcount == 3


def specs(job):
    return [
        StageSpec(s.pk, s.name_id, s.name_en, s.kind, s.is_optional, s.is_active)
        for s in job.stages.order_by("position")
    ]


def test_stages_can_be_renamed_reordered_added_and_switched_off(personas, team_a_job):
    rows = specs(team_a_job)
    rows[1] = StageSpec(rows[1].id, "Seleksi berkas", "Document check", rows[1].kind, False, True)
    rows.insert(4, StageSpec(None, "Tes tertulis", "Written test", StageKind.OTHER_INTERVIEW, True, True))
    rows[5] = StageSpec(
        rows[5].id, rows[5].name_id, rows[5].name_en, rows[5].kind, rows[5].is_optional, False
    )
    job_stages_configure(actor=personas.recruiter, job=team_a_job, stages=rows)
    names = list(team_a_job.stages.order_by("position").values_list("name_en", "is_active"))
    assert names[1] == ("Document check", True)
    assert names[4] == ("Written test", True)
    assert names[5][1] is False


def test_a_stage_with_active_applications_cannot_be_switched_off(personas, team_a_job):
    application_make(job=team_a_job, stage_kind=StageKind.SCREENING)
    rows = [
        StageSpec(s.id, s.name_id, s.name_en, s.kind, s.is_optional, s.kind != "screening" and s.is_active)
        for s in specs(team_a_job)
    ]
    with pytest.raises(DomainError) as refused:
        job_stages_configure(actor=personas.recruiter, job=team_a_job, stages=rows)
    assert refused.value.code == "stage_in_use"
    assert team_a_job.stages.get(kind="screening").is_active


def test_stages_are_never_removed(personas, team_a_job):
    with pytest.raises(DomainError):
        job_stages_configure(actor=personas.recruiter, job=team_a_job, stages=specs(team_a_job)[:-1])


def test_the_hiring_manager_cannot_change_stages(personas, team_a_job):
    with pytest.raises(AccessDenied):
        job_stages_configure(actor=personas.hiring_manager, job=team_a_job, stages=specs(team_a_job))
