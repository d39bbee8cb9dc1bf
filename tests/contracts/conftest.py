import pytest

from rekrut.jobs.models import StageKind
from tests.contracts.factories import contract_make, offer_accepted_make
from tests.pipeline.factories import application_make


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Signed scans are files: each test writes them to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def at_contract(personas, team_a_job):
    """Team A's application in the contract stage, its candidate's offer accepted (a 12-month PKWT)."""
    application = application_make(
        job=team_a_job,
        actor=personas.hr_admin,
        stage_kind=StageKind.CONTRACT,
        full_name="Putri Maharani",
        email="putri@example.com",
    )
    offer_accepted_make(application=application, signatory=personas.recruiter)
    return application


@pytest.fixture
def draft(at_contract, personas):
    return contract_make(application=at_contract, actor=personas.recruiter)
