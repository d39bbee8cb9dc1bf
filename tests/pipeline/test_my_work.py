"""My work lists what waits in the stages a person owns on their teams, by stage kind: the superior and
director interviews to the superior and the director, any other interview to HR."""

import pytest

from rekrut.jobs.models import StageKind
from rekrut.pipeline.selectors import my_work
from tests.jobs.factories import job_make
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def managerial_job(personas):
    job = job_make(
        hr_owner=personas.recruiter,
        user=personas.hiring_manager,
        superior=personas.other_manager,
        director=personas.director,
        managerial=True,
        title="Operations Manager",
    )
    return job


@pytest.mark.parametrize(
    ("kind", "owners"),
    [
        (StageKind.SUPERIOR_INTERVIEW, {"other_manager"}),
        (StageKind.DIRECTOR_INTERVIEW, {"director"}),
        (StageKind.USER_INTERVIEW, {"hiring_manager"}),
        (StageKind.EVALUATION, {"recruiter", "hiring_manager"}),
    ],
)
def test_each_interview_waits_for_its_owner(personas, managerial_job, kind, owners):
    application = application_make(job=managerial_job, stage_kind=kind)
    listed = {name for name, person in personas.all().items() if application in my_work(user=person)}
    assert listed == owners


def test_another_interview_waits_for_hr(personas, managerial_job):
    # HR made the (optional) superior interview a written test instead.
    managerial_job.stages.filter(kind=StageKind.SUPERIOR_INTERVIEW).update(
        kind=StageKind.OTHER_INTERVIEW, name_id="Tes tertulis", name_en="Written test"
    )
    application = application_make(job=managerial_job, stage_kind=StageKind.OTHER_INTERVIEW)
    assert application.stage.name_en == "Written test"
    assert application in my_work(user=personas.recruiter)
    assert application not in my_work(user=personas.director)
