import pytest

from rekrut.jobs.models import StageKind
from tests.medical.factories import medical_check_make
from tests.pipeline.factories import application_make


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def at_medical(personas, team_a_job):
    """Team A's application in the medical check-up stage; its candidate reads e-mails in English."""
    return application_make(
        job=team_a_job,
        actor=personas.hr_admin,
        stage_kind=StageKind.MEDICAL,
        full_name="Putri Maharani",
        email="putri@example.com",
        language="en",
    )


@pytest.fixture
def planned(at_medical, personas):
    return medical_check_make(application=at_medical, actor=personas.recruiter)
