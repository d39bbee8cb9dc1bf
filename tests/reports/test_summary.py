"""The summary rows the funnel, speed and sources reports read (reports.summary): kept up to date by the
worker's sweep from a high-water mark, always equal to a rebuild from scratch, and safe when a sweep dies.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rekrut.core.errors import DomainError
from rekrut.notifications.sweep import worker_sweep
from rekrut.pipeline import services as pipeline
from rekrut.pipeline.models import RejectReason
from rekrut.reports import summary
from rekrut.reports.models import ApplicationFacts, StageReached, StageStay, SummaryState
from rekrut.reports.registry import REPORTS
from tests.candidates.factories import CandidateFactory
from tests.jobs.factories import job_make
from tests.reports.conftest import Q3, cells, filters_for

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")


def snapshot() -> dict[str, list[tuple]]:
    """Every summary row, as plain values, in a stable order."""
    return {
        "facts": sorted(ApplicationFacts.objects.values_list()),
        "reached": sorted(
            StageReached.objects.values_list("application_id", "stage_id", "job_id", "applied_at")
        ),
        "stays": sorted(StageStay.objects.values_list()),
    }


def test_the_worker_sweep_keeps_the_summary(company, today):
    assert summary.summary_sweep in worker_sweep.receivers
    a2 = company.apps["a2"]
    with time_machine.travel(datetime(2026, 7, 20, 9, tzinfo=WIB), tick=False):
        pipeline.application_reopen(
            application=a2, actor=company.personas.hr_admin, expected_version=None, note="Salah klik"
        )
    scope, filters = filters_for(company.personas.hr_admin)
    stopped = cells(REPORTS["funnel"].run(scope, filters), "stopped_at")
    assert stopped == [["Applied", 0, 1], ["HR interview", 1, 0]]  # up to a sweep old
    summary.summary_sweep()
    stopped = cells(REPORTS["funnel"].run(scope, filters), "stopped_at")
    assert stopped == [["HR interview", 1, 0]]


def test_the_page_says_which_figures_are_live_and_when_the_summary_was_refreshed(company, today, client_for):
    client = client_for(company.personas.hr_admin)
    page = client.get(reverse("reports:report", args=["speed"]), Q3).content.decode()
    assert "Time in each stage and time to first contact come from a summary" in page
    summary.summary_sweep()  # frozen at 5 October 2026, 09:00 WIB
    page = client.get(reverse("reports:report", args=["speed"]), Q3).content.decode()
    assert "(last at 5 October 2026, 09:00)." in page
    assert "Time to hire, time to fill and stalled applications are live." in page
    offers = client.get(reverse("reports:report", args=["offers"]), Q3).content.decode()
    assert "All figures of this report are live." in offers


def test_before_the_first_sweep_the_page_says_the_summary_is_not_ready(company, today, client_for):
    SummaryState.objects.all().delete()
    page = client_for(company.personas.hr_admin).get(reverse("reports:dashboard"), Q3)
    assert "has not built yet" in page.content.decode()


def test_a_sweep_that_dies_half_way_changes_nothing_and_the_next_one_finishes(company, today, monkeypatch):
    ApplicationFacts.objects.all().delete()
    StageReached.objects.all().delete()
    StageStay.objects.all().delete()
    SummaryState.objects.update(last_transition_id=0)
    calls = []
    real = summary.applications_summarise

    def dies_on_the_second_batch(ids):
        calls.append(ids)
        if len(calls) == 2:
            raise RuntimeError("worker killed")
        return real(ids)

    monkeypatch.setattr(summary, "BATCH", 1)  # three transitions per batch
    monkeypatch.setattr(summary, "OVERLAP", 0)
    monkeypatch.setattr(summary, "applications_summarise", dies_on_the_second_batch)
    with pytest.raises(RuntimeError):
        summary.summary_catch_up()
    first_mark = SummaryState.objects.get().last_transition_id
    assert first_mark > 0 and ApplicationFacts.objects.exists()  # the first batch stayed, the second not
    monkeypatch.setattr(summary, "applications_summarise", real)
    summary.summary_catch_up()
    caught_up = snapshot()
    summary.summary_rebuild()
    assert snapshot() == caught_up


def test_the_rebuild_command(company, today):
    before = snapshot()
    ApplicationFacts.objects.all().delete()
    call_command("reports_rebuild", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert snapshot() == before


ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(["move", "back", "reject", "withdraw", "reopen", "apply", "sweep"]),
        st.integers(min_value=0, max_value=20),  # which application (modulo) / which stage
        st.integers(min_value=1, max_value=72),  # hours since the step before
    ),
    min_size=1,
    max_size=25,
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(actions=ACTIONS)
def test_the_summary_equals_a_rebuild_after_any_moves(personas, actions):
    with transaction.atomic():
        _play(personas, actions)
        summary.summary_catch_up()
        caught_up = snapshot()
        summary.summary_rebuild()
        assert snapshot() == caught_up
        transaction.set_rollback(True)


def _play(personas, actions) -> None:
    sari = personas.hr_admin
    when = datetime(2026, 7, 1, 9, tzinfo=WIB)
    with time_machine.travel(when, tick=False):
        job = job_make(hr_owner=personas.recruiter, user=personas.hiring_manager)
        reason = RejectReason.objects.create(name_id="Tidak cocok", name_en="Not a fit")
        apps = [pipeline.application_create(actor=sari, candidate=CandidateFactory(), job=job)]
    stages = list(job.stages.filter(is_active=True).order_by("position"))
    for action, which, hours in actions:
        when += timedelta(hours=hours)
        app = apps[which % len(apps)]
        app.refresh_from_db()
        with time_machine.travel(when, tick=False):
            try:
                if action == "apply":
                    apps.append(
                        pipeline.application_create(actor=sari, candidate=CandidateFactory(), job=job)
                    )
                elif action == "move":
                    pipeline.application_move(
                        application=app,
                        to_stage=stages[which % len(stages)],
                        actor=sari,
                        expected_version=None,
                        override=True,
                        override_reason="Uji",
                    )
                elif action == "back":
                    pipeline.application_move_back(
                        application=app, actor=sari, expected_version=None, reason="Uji"
                    )
                elif action == "reject":
                    pipeline.application_reject(
                        application=app,
                        reason=reason,
                        actor=sari,
                        expected_version=None,
                        notify_candidate=False,
                    )
                elif action == "withdraw":
                    pipeline.application_withdraw(application=app, actor=sari, expected_version=None)
                elif action == "reopen":
                    pipeline.application_reopen(
                        application=app, actor=sari, expected_version=None, note="Uji"
                    )
                else:
                    summary.summary_catch_up()
            except DomainError:
                pass  # a move the pipeline refuses changes nothing


@given(
    stays=st.lists(
        st.tuples(st.sampled_from([1, 2, 3]), st.integers(min_value=0, max_value=4000)),
        min_size=1,
        max_size=300,
    )
)
def test_banded_percentiles_are_the_nearest_rank_ones(stays):
    """The two-step percentiles of the speed report equal sorting every value (kinds: stage 1 and 2 alike)."""
    from collections import Counter

    from rekrut.reports.sql import Spread, spreads_banded

    kind = {1: "a", 2: "a", 3: "b"}
    bands = Counter((stage, summary.band_of(tenths)) for stage, tenths in stays)
    exact = Counter(stays)
    found = spreads_banded(
        [(stage, band, n) for (stage, band), n in bands.items()],
        kind.get,
        lambda wanted: [(stage, tenths, n) for (stage, tenths), n in exact.items()],
    )
    for group in {kind[stage] for stage, _tenths in stays}:
        values = sorted(tenths for stage, tenths in stays if kind[stage] == group)
        rank = lambda p, values=values: values[(p * len(values) + 99) // 100 - 1] / 10  # noqa: E731
        assert found[group] == Spread(len(values), rank(50), rank(90))
