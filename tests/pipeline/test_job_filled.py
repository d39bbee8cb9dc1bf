"""A hire that fills the job's headcount closes the job, in the move that records the hire: whoever makes it
(the job's user on the board, HR through onboarding's hand-off) and with an audit row naming the hire."""

import pytest

from rekrut.core.errors import DomainError
from rekrut.events.models import AuditEvent
from rekrut.jobs.models import JobStatus, StageKind
from rekrut.pipeline import services
from rekrut.pipeline.guards import exit_blockers
from tests.candidates.factories import CandidateFactory
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_exit_rules(monkeypatch):
    """The contract stage is left by a signed contract (tests/contracts); here only the hire is tested."""
    monkeypatch.setattr(exit_blockers, "_receivers", [])


def hire(application, actor):
    return services.application_move(
        application=application,
        to_stage=application.job.stages.get(kind=StageKind.ONBOARDING),
        actor=actor,
        expected_version=application.version,
    )


def filled_rows(job):
    return AuditEvent.objects.filter(action="job.filled", subject_id=job.pk)


def test_a_hire_on_the_board_that_fills_the_job_closes_it(personas, team_a_job):
    application = application_make(job=team_a_job, stage_kind=StageKind.CONTRACT)
    assert team_a_job.headcount == 1

    hired = hire(application, personas.hiring_manager)

    assert hired.status == "hired"
    team_a_job.refresh_from_db()
    assert team_a_job.status == JobStatus.CLOSED
    (row,) = filled_rows(team_a_job)
    assert row.actor_id == personas.hiring_manager.pk
    assert row.changes == {
        "status": {"before": "open", "after": "closed"},
        "hired": 1,
        "headcount": 1,
        "application": application.pk,
    }
    with pytest.raises(DomainError) as refused:
        services.application_create(actor=personas.recruiter, candidate=CandidateFactory(), job=team_a_job)
    assert refused.value.code == "job_closed"


def test_a_job_with_room_left_stays_open_until_the_last_hire(personas, team_a_job):
    team_a_job.headcount = 2
    team_a_job.save(update_fields=["headcount"])
    first, second = (application_make(job=team_a_job, stage_kind=StageKind.CONTRACT) for _ in range(2))

    hire(first, personas.recruiter)
    team_a_job.refresh_from_db()
    assert team_a_job.status == JobStatus.OPEN
    assert not filled_rows(team_a_job).exists()

    hire(second, personas.hiring_manager)
    team_a_job.refresh_from_db()
    assert team_a_job.status == JobStatus.CLOSED
    assert filled_rows(team_a_job).get().changes["application"] == second.pk


def test_a_move_that_is_not_a_hire_leaves_the_job_open(personas, team_a_job):
    application = application_make(job=team_a_job, stage_kind=StageKind.OFFER)

    services.application_move(
        application=application,
        to_stage=team_a_job.stages.get(kind=StageKind.CONTRACT),
        actor=personas.recruiter,
        expected_version=application.version,
    )

    team_a_job.refresh_from_db()
    assert team_a_job.status == JobStatus.OPEN


def test_a_refused_hire_closes_nothing(personas, team_a_job):
    application = application_make(job=team_a_job, stage_kind=StageKind.CONTRACT)

    with pytest.raises(DomainError):
        hire(application, personas.interviewer)

    team_a_job.refresh_from_db()
    assert team_a_job.status == JobStatus.OPEN
    assert not filled_rows(team_a_job).exists()
