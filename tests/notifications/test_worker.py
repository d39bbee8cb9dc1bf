"""The worker's heartbeat and the warning shown when no worker runs."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.template import engines

from rekrut.notifications.models import WorkerBeat
from rekrut.notifications.selectors import worker_is_running
from rekrut.notifications.worker import worker_beat, worker_stopped

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
PAGE = "{% load worker %}<main>{% worker_warning %}</main>"


def render() -> str:
    return engines["django"].from_string(PAGE).render({})


def test_no_worker_ever_means_not_running_and_the_page_says_how_to_start_it():
    assert worker_is_running() is False
    html = render()
    assert "The background worker is not running, so this will not progress." in html
    assert "<code>make run</code>" in html and "<code>rekrut worker</code>" in html


def test_a_recent_beat_means_running_and_the_page_says_nothing():
    with time_machine.travel(NOW - timedelta(seconds=55), tick=False):
        worker_beat(worker_id="w1")
    with time_machine.travel(NOW, tick=False):
        assert worker_is_running() is True
        assert render().replace("\n", "") == "<main></main>"


def test_a_worker_silent_for_a_minute_is_not_running():
    with time_machine.travel(NOW - timedelta(seconds=61), tick=False):
        worker_beat(worker_id="w1")
    with time_machine.travel(NOW, tick=False):
        assert worker_is_running() is False
        assert "not running" in render()


def test_a_beat_updates_one_row_and_a_clean_stop_removes_it_at_once():
    with time_machine.travel(NOW - timedelta(days=2), tick=False):
        worker_beat(worker_id="long-gone")
    with time_machine.travel(NOW - timedelta(seconds=20), tick=False):
        worker_beat(worker_id="w1")
    with time_machine.travel(NOW, tick=False):
        beat = worker_beat(worker_id="w1")
        assert (beat.started_at, beat.beat_at) == (NOW - timedelta(seconds=20), NOW)
        assert list(WorkerBeat.objects.values_list("worker_id", flat=True)) == ["w1"]
        worker_stopped(worker_id="w1")
        assert worker_is_running() is False
