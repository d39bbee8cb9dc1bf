"""The same form sent many times at once (a double click, a browser retrying) creates one record.

Issue 7 found 50 identical "hold" decisions making 50 rows, and 50 identical schedule requests making 50
interviews and 100 e-mails. Each test here sends 50 identical requests from 50 threads on a real database
(committed transactions, one connection per thread) and counts what was written.
"""

import re
import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from rekrut.accounts.services import api_token_create
from rekrut.interviews.models import Decision, Interview
from rekrut.notifications.models import OutboxMessage
from tests.interviews.conftest import held, submit
from tests.scheduling.planning_setup import working_day

TIMES = 50
concurrent = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def at_once(send, times: int = TIMES) -> list[int]:
    """Calls `send()` from `times` threads released together; returns the HTTP statuses."""
    start = threading.Barrier(times)
    statuses: list[int] = []
    failures: list[BaseException] = []

    def one() -> None:
        try:
            start.wait()
            statuses.append(send())
        except BaseException as error:
            failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=one) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not failures, failures[:3]
    assert len(statuses) == times
    return statuses


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def form_key(page: str) -> str:
    """The hidden key the page drew into its form, as the browser would send it back."""
    match = re.search(r'name="idempotency_key" value="([^"]+)"', page)
    assert match, "the form carries no idempotency key"
    return match.group(1)


def schedule_data(plan, personas, key: str) -> dict:
    return {
        "idempotency_key": key,
        "round": plan["user"].pk,
        "day": working_day(3).isoformat(),
        "at": "10:00",
        "duration_minutes": 60,
        "interviewers": [personas.hiring_manager.pk, personas.interviewer.pk],
        "mode": "on_site",
        "room": "Ruang Rapat Melati",
    }


@concurrent
def test_fifty_identical_schedule_posts_make_one_interview_and_one_set_of_e_mails(
    at_user_stage, plan, personas
):
    url = reverse("scheduling:schedule", args=[at_user_stage.pk])
    client = signed_in(personas.recruiter)
    data = schedule_data(plan, personas, form_key(client.get(url).content.decode()))

    statuses = at_once(lambda: client.post(url, data).status_code)

    assert set(statuses) == {302}  # every repeat answers as the first did
    assert Interview.objects.count() == 1
    assert (
        OutboxMessage.objects.count() == 3
    )  # one invitation to each of the two interviewers and the candidate


@concurrent
def test_fifty_identical_hold_decisions_make_one_decision(at_user_stage, plan, personas):
    submit(held(at_user_stage, plan["hr"], [personas.recruiter], hours_ago=72), personas.recruiter)
    submit(held(at_user_stage, plan["user"], [personas.hiring_manager]), personas.hiring_manager)
    client = signed_in(personas.recruiter)
    page = client.get(reverse("interviews:evaluation", args=[at_user_stage.pk])).content.decode()
    data = {
        "idempotency_key": form_key(page),
        "version": at_user_stage.version,
        "outcome": "hold",
        "reason": "Menunggu referensi dari kantor lama.",
    }
    url = reverse("interviews:decide", args=[at_user_stage.pk])

    statuses = at_once(lambda: client.post(url, data).status_code)

    assert set(statuses) == {302}
    assert Decision.objects.filter(application=at_user_stage).count() == 1


@concurrent
def test_fifty_identical_api_schedule_requests_make_one_interview(at_user_stage, plan, personas):
    _, token = api_token_create(user=personas.recruiter, name="ats-sync")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}", HTTP_IDEMPOTENCY_KEY="3f0c9a7e-sync-42")
    body = {
        "round": plan["user"].pk,
        "starts_at": (timezone.now() + timedelta(days=3)).isoformat(),
        "duration_minutes": 45,
        "interviewers": [personas.hiring_manager.pk],
    }
    url = f"/api/v1/applications/{at_user_stage.pk}/interviews"

    statuses = at_once(lambda: api.post(url, body, content_type="application/json").status_code)

    assert set(statuses) == {201}
    assert Interview.objects.count() == 1
    assert OutboxMessage.objects.count() == 2  # the interviewer's invitation and the candidate's


@concurrent
def test_fifty_identical_api_decisions_make_one_decision(at_user_stage, plan, personas):
    submit(held(at_user_stage, plan["hr"], [personas.recruiter], hours_ago=72), personas.recruiter)
    submit(held(at_user_stage, plan["user"], [personas.hiring_manager]), personas.hiring_manager)
    _, token = api_token_create(user=personas.recruiter, name="ats-sync")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}", HTTP_IDEMPOTENCY_KEY="decision-7-hold")
    body = {"outcome": "hold", "reason": "Menunggu referensi.", "version": at_user_stage.version}
    url = f"/api/v1/applications/{at_user_stage.pk}/decisions"

    statuses = at_once(lambda: api.post(url, body, content_type="application/json").status_code)

    assert set(statuses) == {201}
    assert Decision.objects.filter(application=at_user_stage).count() == 1
