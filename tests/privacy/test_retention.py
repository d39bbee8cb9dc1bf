"""Retention: rejected and withdrawn candidates are anonymised by the worker's sweep once the company's period
has passed since their last application ended; HR keeps one longer with a reason (the talent pool only with
the candidate's consent). Frozen time throughout."""

from datetime import UTC, date, datetime

import pytest
import time_machine

from rekrut.candidates.consent import consent_record
from rekrut.candidates.models import Candidate, ConsentPurpose
from rekrut.core.errors import DomainError
from rekrut.notifications.sweep import sweep_run
from rekrut.pipeline.models import Application, ApplicationStatus, RejectReason
from rekrut.pipeline.services import application_reject
from rekrut.privacy.models import Erasure, ErasureReason, PrivacyPolicy
from rekrut.privacy.retention import months_add, retention_ends_on, retention_sweep
from rekrut.privacy.services import retention_extend
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db

REJECTED_ON = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)


@pytest.fixture
def rejected(personas, team_a_job):
    with time_machine.travel(REJECTED_ON, tick=False):
        application = application_make(job=team_a_job, actor=personas.hr_admin, full_name="Dewi Lestari")
        application_reject(
            application=application,
            reason=RejectReason.objects.first(),
            actor=personas.hr_admin,
            expected_version=None,
            notify_candidate=False,
        )
    return Candidate.objects.get(pk=application.candidate_id)


def erased(candidate) -> bool:
    return Erasure.objects.filter(candidate=candidate).exists()


def test_a_rejected_candidate_is_kept_twelve_months_by_default(rejected):
    with time_machine.travel(datetime(2026, 3, 9, 9, 0, tzinfo=UTC), tick=False):
        assert retention_ends_on(rejected) == date(2026, 3, 10)
        sweep_run()
        assert not erased(rejected)
    with time_machine.travel(datetime(2026, 3, 10, 10, 0, tzinfo=UTC), tick=False):
        sweep_run()
    assert Erasure.objects.get(candidate=rejected).reason == ErasureReason.RETENTION
    assert Candidate.objects.get(pk=rejected.pk).full_name.startswith("[dihapus]")
    # The application and its history stay for the reports.
    assert Application.objects.get(candidate=rejected).transitions.count() == 2


def test_the_period_is_a_company_setting(rejected):
    PrivacyPolicy.objects.update_or_create(pk=1, defaults={"retention_months": 6})
    with time_machine.travel(datetime(2025, 9, 11, 9, 0, tzinfo=UTC), tick=False):
        retention_sweep()
    assert erased(rejected)


def test_the_sweep_works_once_an_hour(rejected):
    with time_machine.travel(datetime(2026, 1, 1, tzinfo=UTC), tick=False):
        retention_sweep()  # nothing due yet, but the hour is claimed
    with time_machine.travel(datetime(2026, 3, 10, 10, 0, tzinfo=UTC), tick=False):
        assert retention_sweep() == 1
    assert erased(rejected)
    PrivacyPolicy.objects.filter(pk=1).update(swept_at=datetime(2026, 3, 10, 10, 0, tzinfo=UTC))
    with time_machine.travel(datetime(2026, 3, 10, 10, 30, tzinfo=UTC), tick=False):
        assert retention_sweep() == 0


def test_an_open_application_keeps_the_candidate(rejected, personas, team_b_job):
    with time_machine.travel(REJECTED_ON, tick=False):
        application_make(job=team_b_job, actor=personas.hr_admin, candidate=rejected)
    with time_machine.travel(datetime(2027, 1, 1, tzinfo=UTC), tick=False):
        assert retention_ends_on(rejected) is None
        retention_sweep()
    assert not erased(rejected)


def test_hr_keeps_a_candidate_longer_with_a_reason(rejected, personas):
    with time_machine.travel(datetime(2026, 2, 1, tzinfo=UTC), tick=False):
        retention_extend(
            actor=personas.recruiter,
            candidate=rejected,
            until=date(2026, 9, 30),
            reason="Cocok untuk lowongan akuntansi semester depan.",
            talent_pool=False,
        )
        assert retention_ends_on(rejected) == date(2026, 9, 30)
    with time_machine.travel(datetime(2026, 6, 1, tzinfo=UTC), tick=False):
        retention_sweep()
    assert not erased(rejected)
    with time_machine.travel(datetime(2026, 10, 1, 1, 0, tzinfo=UTC), tick=False):
        retention_sweep()
    assert erased(rejected)


def test_the_talent_pool_needs_the_candidates_consent(rejected, personas):
    with time_machine.travel(datetime(2026, 2, 1, tzinfo=UTC), tick=False):
        with pytest.raises(DomainError, match="not agreed to the talent pool"):
            retention_extend(
                actor=personas.recruiter,
                candidate=rejected,
                until=date(2027, 2, 1),
                reason="Pool",
                talent_pool=True,
            )
        consent_record(candidate=rejected, purpose=ConsentPurpose.TALENT_POOL, language="id")
        hold = retention_extend(
            actor=personas.recruiter,
            candidate=rejected,
            until=date(2027, 2, 1),
            reason="Pool",
            talent_pool=True,
        )
    assert hold.until == date(2027, 2, 1)


@pytest.mark.parametrize(
    ("until", "reason", "says"),
    [
        (date(2026, 1, 31), "x", "after today"),
        (date(2026, 6, 1), " ", "Write why"),
        (date(2032, 1, 1), "x", "five years"),
    ],
)
def test_a_bad_extension_is_refused(rejected, personas, until, reason, says):
    with (
        time_machine.travel(datetime(2026, 2, 1, tzinfo=UTC), tick=False),
        pytest.raises(DomainError, match=says),
    ):
        retention_extend(
            actor=personas.recruiter, candidate=rejected, until=until, reason=reason, talent_pool=False
        )


def test_only_hr_keeps_a_candidate_longer(rejected, personas):
    with pytest.raises(DomainError):
        retention_extend(
            actor=personas.hiring_manager,
            candidate=rejected,
            until=date(2099, 1, 1),
            reason="x",
            talent_pool=False,
        )


def test_withdrawn_candidates_follow_the_same_rule(personas, team_a_job):
    from rekrut.pipeline.services import application_withdraw

    with time_machine.travel(REJECTED_ON, tick=False):
        application = application_make(job=team_a_job, actor=personas.hr_admin)
        application_withdraw(application=application, actor=None, expected_version=None, by_candidate=True)
    assert Application.objects.get(pk=application.pk).status == ApplicationStatus.WITHDRAWN
    with time_machine.travel(datetime(2026, 3, 11, tzinfo=UTC), tick=False):
        retention_sweep()
    assert erased(application.candidate)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2025, 3, 31), 1, date(2025, 4, 30)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2025, 1, 15), -13, date(2023, 12, 15)),
    ],
)
def test_months_are_calendar_months(day, months, expected):
    assert months_add(day, months) == expected
