"""Cancelling the assessment withdraws its online test: the link stops opening, an attempt not yet submitted
ends unscored, and neither the worker nor a late answer turns the cancelled assessment into a result."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse

from rekrut.assessments.models import Assessment, AssessmentStatus
from rekrut.assessments.services.assessments import assessment_cancel
from rekrut.core.errors import DomainError
from rekrut.core.signed_links import SignedLinkRefused, signed_link_open
from rekrut.events.models import AuditEvent
from rekrut.notifications.sweep import sweep_run
from rekrut.online_tests.models import Attempt, AttemptStatus
from rekrut.online_tests.services.taking import GRACE, answers_save, attempt_start
from tests.online_tests.factories import online_test_sent
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(team_a_job):
    return application_make(job=team_a_job)


def _cancel(attempt: Attempt, personas) -> Assessment:
    assessment = Assessment.objects.get(pk=attempt.assessment_id)
    return assessment_cancel(
        actor=personas.recruiter, assessment=assessment, reason="Posisi ditutup", expected_version=None
    )


def test_cancelling_withdraws_the_link_and_ends_an_unstarted_attempt(application, personas, client) -> None:
    attempt, token = online_test_sent(application=application, actor=personas.recruiter)
    _cancel(attempt, personas)
    withdrawn = Attempt.objects.get(pk=attempt.pk)
    assert withdrawn.status == AttemptStatus.WITHDRAWN
    with pytest.raises(SignedLinkRefused):
        signed_link_open(token=token, purpose="online_test")
    with pytest.raises(DomainError) as refused:
        attempt_start(attempt=withdrawn, consent=True, language="id")
    assert refused.value.code in ("taken", "cancelled")
    assert client.get(reverse("online_tests:take", args=[token])).status_code == 410
    assert AuditEvent.objects.filter(action="online_test.withdrawn").count() == 1


def test_a_cancelled_test_in_progress_is_never_scored(application, personas) -> None:
    attempt, _ = online_test_sent(application=application, actor=personas.recruiter)
    started = attempt_start(attempt=attempt, consent=True, language="id")
    _cancel(attempt, personas)
    with pytest.raises(DomainError):
        answers_save(attempt=started, values={1: "x"})
    with time_machine.travel(started.ends_at + GRACE + timedelta(seconds=1)):
        sweep_run()
    assert Attempt.objects.get(pk=attempt.pk).status == AttemptStatus.WITHDRAWN
    assessment = Assessment.objects.get(pk=attempt.assessment_id)
    assert assessment.status == AssessmentStatus.CANCELLED and not assessment.outcome


def test_the_portal_button_of_a_withdrawn_test_says_it_was_cancelled(application, personas, client) -> None:
    attempt, _ = online_test_sent(application=application, actor=personas.recruiter)
    _cancel(attempt, personas)
    page = client.get(reverse("online_tests:take", args=[_fresh_token(attempt)]))
    assert page.status_code == 410
    assert "cancelled" in page.content.decode() or "dibatalkan" in page.content.decode()


def _fresh_token(attempt: Attempt) -> str:
    from rekrut.online_tests.services.sending import portal_link_issue

    return portal_link_issue(attempt=Attempt.objects.get(pk=attempt.pk)).token
