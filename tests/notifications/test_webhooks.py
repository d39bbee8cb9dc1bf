"""Webhooks through the outbox, delivered to a real HTTP receiver: signed, retried until acknowledged and
logged."""

import json
import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from rekrut.core.errors import AccessDenied, DomainError
from rekrut.events.models import AuditEvent
from rekrut.notifications.models import Channel, MessageStatus, OutboxMessage
from rekrut.notifications.services import outbox_drain
from rekrut.notifications.webhooks.models import WebhookAttempt, WebhookEndpoint
from rekrut.notifications.webhooks.services import (
    webhook_change,
    webhook_create,
    webhook_secret_rotate,
    webhooks_announce,
)
from rekrut.notifications.webhooks.signing import SIGNATURE_HEADER, signature_header, signature_is_valid
from rekrut.pipeline.services import application_move
from tests.notifications.receiver import Receiver
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def receiver(settings):
    settings.WEBHOOKS_ALLOW_PRIVATE = True  # the receiver is on loopback
    settings.WEBHOOKS_TIMEOUT_SECONDS = 1
    server = Receiver().start()
    yield server
    server.stop()


@pytest.fixture
def endpoint(personas, receiver):
    return webhook_create(
        actor=personas.hr_admin, url=receiver.url, events=["application.moved", "application.hired"]
    )


def _due_now() -> None:
    OutboxMessage.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))


def _verified(request, secret: str) -> bool:
    return signature_is_valid(
        header=request.headers[SIGNATURE_HEADER], secret=secret, body=request.body, now=int(time.time())
    )


@pytest.mark.parametrize(
    ("secret", "shift", "valid"),
    [("whsec_a", 0, True), ("whsec_b", 0, False), ("whsec_a", 301, False), ("whsec_a", -301, False)],
)
def test_a_signature_is_valid_only_with_the_secret_and_in_time(secret, shift, valid):
    body = b'{"event":"application.moved"}'
    header = signature_header(secrets=["whsec_a"], timestamp=1_800_000_000, body=body)
    now = 1_800_000_000 + shift
    assert signature_is_valid(header=header, secret=secret, body=body, now=now) is valid
    assert not signature_is_valid(header=header, secret="whsec_a", body=body + b" ", now=1_800_000_000)


def test_a_move_is_delivered_signed_to_the_receiver(personas, team_a_job, endpoint, receiver):
    application = application_make(job=team_a_job, actor=personas.recruiter)
    stage = team_a_job.stages.order_by("position")[1]
    application_move(application=application, to_stage=stage, actor=personas.recruiter, expected_version=None)
    queued = OutboxMessage.objects.filter(channel=Channel.WEBHOOK)
    assert queued.count() == 1, "announced in the transaction, one per subscribed endpoint"

    assert outbox_drain() == 1
    [request] = receiver.requests
    body = json.loads(request.body)
    assert request.path == "/hooks/rekrut"
    assert request.headers["Rekrut-Event"] == body["event"] == "application.moved"
    assert request.headers["Rekrut-Delivery"] == body["id"]
    assert body["data"]["application"]["id"] == application.pk
    assert body["data"]["to_stage"]["kind"] == stage.kind
    assert _verified(request, endpoint.secret)
    attempt = WebhookAttempt.objects.get()
    assert (attempt.status_code, attempt.acknowledged, attempt.message.status) == (
        200,
        True,
        MessageStatus.SENT,
    )


def test_a_receiver_that_was_down_or_failing_gets_the_same_delivery_later(personas, endpoint, receiver):
    webhooks_announce(event="application.hired", key="hire-1", data={"application": {"id": 7}})
    receiver.stop()
    assert outbox_drain() == 0  # connection refused: kept, tried again later
    message = OutboxMessage.objects.get()
    assert (message.status, message.attempts) == (MessageStatus.PENDING, 1)

    receiver.status = 500
    receiver.start()
    _due_now()
    assert outbox_drain() == 0  # a 500 is no acknowledgement either

    receiver.status = 200
    _due_now()
    assert outbox_drain() == 1
    first, second = receiver.requests
    assert first.headers["Rekrut-Delivery"] == second.headers["Rekrut-Delivery"], "one delivery, retried"
    assert _verified(second, endpoint.secret)
    answers = list(WebhookAttempt.objects.order_by("pk").values_list("status_code", flat=True))
    assert answers == [None, 500, 200]
    assert "Connection refused" in WebhookAttempt.objects.order_by("pk").first().error
    _due_now()
    assert outbox_drain() == 0 and len(receiver.requests) == 2, "acknowledged: never sent again"


def test_a_receiver_that_times_out_is_tried_again(endpoint, receiver):
    receiver.delay = 1.5
    webhooks_announce(event="application.moved", key="slow-1", data={})
    assert outbox_drain() == 0
    assert "timed out" in WebhookAttempt.objects.get().error
    assert OutboxMessage.objects.get().status == MessageStatus.PENDING


def test_announcing_again_queues_nothing_twice_and_skips_others(personas, endpoint, receiver):
    webhook_create(actor=personas.hr_admin, url=receiver.url + "?other", events=["application.closed"])
    off = webhook_create(actor=personas.hr_admin, url=receiver.url + "?off", events=["application.moved"])
    webhook_change(
        actor=personas.hr_admin,
        endpoint=off,
        url=off.url,
        events=off.events,
        description="",
        is_active=False,
        expected_version=0,
    )
    assert webhooks_announce(event="application.moved", key="t-1", data={}) == 1
    assert webhooks_announce(event="application.moved", key="t-1", data={}) == 1
    assert OutboxMessage.objects.filter(channel=Channel.WEBHOOK).count() == 1


def test_after_a_rotation_both_secrets_sign_for_a_day(personas, endpoint, receiver):
    old = endpoint.secret
    rotated = webhook_secret_rotate(actor=personas.hr_admin, endpoint=endpoint)
    assert rotated.secret != old and rotated.previous_secret == old
    webhooks_announce(event="application.moved", key="t-2", data={})
    outbox_drain()
    [request] = receiver.requests
    assert _verified(request, old) and _verified(request, rotated.secret)
    event = AuditEvent.objects.filter(action="webhook.secret_rotated").get()
    assert old not in json.dumps(event.changes) and rotated.secret not in json.dumps(event.changes)


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("ftp://example.com/hook", "webhook_url"),
        ("http://example.com/hook", "webhook_url"),
        ("https://127.0.0.1/hook", "webhook_url"),
        ("https://10.0.0.5/hook", "webhook_url"),
        ("https://[::1]/hook", "webhook_url"),
        ("https://localhost/hook", "webhook_url"),
    ],
)
def test_only_public_https_receivers_are_accepted(personas, url, code):
    with pytest.raises(DomainError) as refused:
        webhook_create(actor=personas.hr_admin, url=url, events=["application.moved"])
    assert refused.value.code == code
    assert not WebhookEndpoint.objects.exists()


def test_unknown_events_a_stale_edit_and_non_admins_are_refused(personas, endpoint, receiver):
    with pytest.raises(DomainError, match="Unknown events"):
        webhook_create(actor=personas.hr_admin, url=receiver.url, events=["application.exploded"])
    with pytest.raises(AccessDenied):
        webhook_create(actor=personas.recruiter, url=receiver.url, events=["application.moved"])
    kwargs = {"url": receiver.url, "events": ["application.moved"], "description": "", "is_active": True}
    webhook_change(actor=personas.hr_admin, endpoint=endpoint, expected_version=0, **kwargs)
    with pytest.raises(DomainError, match="changed this webhook"):
        webhook_change(actor=personas.hr_admin, endpoint=endpoint, expected_version=0, **kwargs)
    assert WebhookEndpoint.objects.get().version == 1


def test_hr_admins_add_a_webhook_send_a_test_and_read_the_log(personas, receiver, client_for):
    client = client_for(personas.hr_admin)
    response = client.post(
        reverse("notifications:webhooks"),
        {"url": receiver.url, "description": "Talenta", "events": ["application.hired"]},
    )
    endpoint = WebhookEndpoint.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "notifications:webhook", args=[endpoint.pk]
    )
    client.post(reverse("notifications:webhook_test", args=[endpoint.pk]))
    outbox_drain()
    page = client.get(reverse("notifications:webhook", args=[endpoint.pk])).content.decode()
    assert "webhook.test" in page and "200" in page
    assert _verified(receiver.requests[0], endpoint.secret)

    refused = client.post(
        reverse("notifications:webhooks"), {"url": "notaurl", "events": ["application.hired"]}
    )
    assert refused.status_code == 200 and WebhookEndpoint.objects.count() == 1
