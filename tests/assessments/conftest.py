import pytest

from rekrut.jobs.models import StageKind
from tests.pipeline.factories import application_make


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def at_assessment(personas, team_a_job):
    """Team A's application in the assessment stage; its candidate reads e-mails in English."""
    return application_make(
        job=team_a_job,
        actor=personas.hr_admin,
        stage_kind=StageKind.ASSESSMENT,
        full_name="Putri Maharani",
        email="putri@example.com",
        phone="+6281234567890",
        language="en",
    )
