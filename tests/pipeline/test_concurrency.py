"""Two people move the same card at the same moment: one wins, the other is told, no event is lost."""

import threading

import pytest
from django.db import connection

from rekrut.core.errors import StaleEdit
from rekrut.jobs.models import StageKind
from rekrut.pipeline import services
from tests.pipeline.factories import application_make


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_moves_one_wins_and_the_other_is_told(personas, team_a_job):
    application = application_make(job=team_a_job)
    screening = team_a_job.stages.get(kind=StageKind.SCREENING)
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def move(actor):
        start.wait()
        try:
            services.application_move(
                application=application, to_stage=screening, actor=actor, expected_version=application.version
            )
            outcomes.append("moved")
        except StaleEdit:
            outcomes.append("stale")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=move, args=(p,)) for p in (personas.recruiter, personas.hiring_manager)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(outcomes) == ["moved", "stale"]
    application.refresh_from_db()
    assert application.version == 2
    assert list(application.transitions.values_list("kind", flat=True)) == ["applied", "moved"]
