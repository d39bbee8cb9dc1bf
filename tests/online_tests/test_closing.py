"""The worker's sweep submits attempts whose time is up, once, with what was saved; the command does the same
by hand."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from rekrut.events.models import AuditEvent
from rekrut.notifications.sweep import sweep_run, worker_sweep
from rekrut.online_tests.models import Attempt, AttemptStatus
from rekrut.online_tests.services.closing import attempts_close_sweep
from rekrut.online_tests.services.taking import GRACE, attempt_start
from tests.online_tests.factories import online_test_sent
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def started(team_a_job) -> Attempt:
    attempt, _ = online_test_sent(application=application_make(job=team_a_job))
    return attempt_start(attempt=attempt, consent=True, language="id")


def test_the_worker_sweep_submits_an_overdue_attempt_once(started) -> None:
    assert attempts_close_sweep in worker_sweep.receivers
    assert sweep_run() == 0
    assert Attempt.objects.get(pk=started.pk).status == AttemptStatus.IN_PROGRESS  # time is not up yet
    with time_machine.travel(started.ends_at + GRACE + timedelta(seconds=1)):
        assert sweep_run() == 0
        assert sweep_run() == 0  # a second sweep (or a second worker) finds nothing left to do
    closed = Attempt.objects.get(pk=started.pk)
    assert closed.status == AttemptStatus.SCORED and closed.auto_submitted
    assert closed.submitted_at == started.ends_at
    assert AuditEvent.objects.filter(action="online_test.submitted").count() == 1


def test_the_sweep_leaves_answers_on_their_way_within_the_grace(started) -> None:
    with time_machine.travel(started.ends_at + GRACE - timedelta(seconds=2)):
        sweep_run()
    assert Attempt.objects.get(pk=started.pk).status == AttemptStatus.IN_PROGRESS


def test_the_command_stays_a_manual_tool(started) -> None:
    out = StringIO()
    with time_machine.travel(started.ends_at + GRACE + timedelta(seconds=1)):
        call_command("online_tests_close", stdout=out)
        call_command("online_tests_close", stdout=out)
    assert out.getvalue().splitlines() == [
        "1 online-test attempt(s) submitted when time was up.",
        "0 online-test attempt(s) submitted when time was up.",
    ]
