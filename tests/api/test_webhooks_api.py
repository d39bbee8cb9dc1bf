"""Webhooks over the API: HR admins' tokens only; the secret in the answers to a create and a rotation and
nowhere else; refusals as {"code", "message"} with nothing saved; a test delivery to a real receiver,
signed with the secret the create answered, and read back from the delivery log."""

import json
import time

import pytest

from rekrut.events.models import AuditEvent
from rekrut.notifications.services import outbox_drain
from rekrut.notifications.webhooks.models import WebhookEndpoint
from rekrut.notifications.webhooks.signing import SIGNATURE_HEADER, signature_is_valid
from tests.notifications.receiver import Receiver

pytestmark = pytest.mark.django_db

JSON = "application/json"


@pytest.fixture
def receiver(settings):
    settings.WEBHOOKS_ALLOW_PRIVATE = True  # the receiver is on loopback
    settings.WEBHOOKS_TIMEOUT_SECONDS = 1
    server = Receiver().start()
    yield server
    server.stop()


@pytest.fixture
def admin(api_client_for, personas):
    return api_client_for(personas.hr_admin)


def create(client, url, events=("application.hired",), **extra):
    body = {"url": url, "events": list(events), "description": "Talenta", **extra}
    return client.post("/api/v1/webhooks", json.dumps(body), content_type=JSON)


def test_an_hr_admin_adds_a_webhook_and_sees_its_secret_only_then(admin, receiver):
    response = create(admin, receiver.url)

    assert response.status_code == 201
    created = response.json()
    endpoint = WebhookEndpoint.objects.get()
    assert created["id"] == endpoint.pk
    assert created["secret"] == endpoint.secret
    assert created["events"] == ["application.hired"]
    assert AuditEvent.objects.filter(action="webhook.created", subject_id=endpoint.pk).exists()
    listed = admin.get("/api/v1/webhooks").json()
    detail = admin.get(f"/api/v1/webhooks/{endpoint.pk}").json()
    assert listed["count"] == 1
    for shown in (listed["items"][0], detail):
        assert "secret" not in shown
        assert endpoint.secret not in json.dumps(shown)
        assert shown["url"] == receiver.url


def test_the_same_create_sent_twice_adds_one_webhook(admin, receiver):
    headers = {"HTTP_IDEMPOTENCY_KEY": "9b2f6a1e-retry"}
    body = json.dumps({"url": receiver.url, "events": ["application.moved"]})
    first = admin.post("/api/v1/webhooks", body, content_type=JSON, **headers)
    second = admin.post("/api/v1/webhooks", body, content_type=JSON, **headers)

    assert first.status_code == second.status_code == 201
    assert first.json()["id"] == second.json()["id"]
    assert WebhookEndpoint.objects.count() == 1


@pytest.mark.parametrize(
    "persona", ["recruiter", "hiring_manager", "interviewer", "director", "other_recruiter", "outsider"]
)
def test_only_hr_admins_tokens_reach_webhooks(api_client_for, personas, persona, receiver):
    endpoint = WebhookEndpoint.objects.create(
        url=receiver.url, events=["application.hired"], created_by=personas.hr_admin
    )
    client = api_client_for(getattr(personas, persona), language="id")
    base = f"/api/v1/webhooks/{endpoint.pk}"
    calls = [
        client.get("/api/v1/webhooks"),
        client.get("/api/v1/webhook-events"),
        create(client, receiver.url),
        client.get(base),
        client.patch(base, json.dumps({"version": 0, "is_active": False}), content_type=JSON),
        client.post(f"{base}/rotate-secret"),
        client.post(f"{base}/test"),
        client.get(f"{base}/deliveries"),
    ]

    for response in calls:
        assert response.status_code == 403, response.request
        assert response.json() == {
            "code": "forbidden",
            "message": "Hanya admin HR yang dapat mengelola webhook.",
        }
    endpoint.refresh_from_db()
    assert (endpoint.is_active, endpoint.version) == (True, 0)
    assert WebhookEndpoint.objects.count() == 1
    assert not receiver.requests and not outbox_drain()


@pytest.mark.parametrize(
    ("url", "events", "code"),
    [
        pytest.param("http://hooks.example.com/rekrut", ["application.hired"], "webhook_url", id="not-https"),
        pytest.param("https://10.0.0.5/rekrut", ["application.hired"], "webhook_url", id="private-address"),
        pytest.param("hooks", ["application.hired"], "webhook_url", id="not-a-url"),
        pytest.param(
            "https://93.184.215.14/rekrut", ["application.exploded"], "webhook_events", id="unknown"
        ),
        pytest.param("https://93.184.215.14/rekrut", [], "webhook_no_events", id="no-events"),
    ],
)
def test_a_bad_webhook_is_refused_with_a_message_and_nothing_saved(admin, url, events, code):
    response = create(admin, url, events)

    assert response.status_code == 400
    assert response.json()["code"] == code
    assert response.json()["message"]
    assert not WebhookEndpoint.objects.exists()


def test_values_past_the_limits_are_invalid_input_not_server_errors(admin):
    response = create(admin, "https://93.184.215.14/" + "a" * 600, description="x" * 201)

    assert response.status_code == 422
    assert {".".join(map(str, e["loc"][-1:])) for e in response.json()["detail"]} == {"url", "description"}
    assert not WebhookEndpoint.objects.exists()


def test_a_change_keeps_what_was_not_sent_and_a_stale_one_is_refused(admin, receiver):
    endpoint_id = create(admin, receiver.url).json()["id"]
    url = f"/api/v1/webhooks/{endpoint_id}"

    changed = admin.patch(
        url,
        json.dumps({"version": 0, "events": ["application.moved", "application.hired"]}),
        content_type=JSON,
    )
    assert changed.status_code == 200
    assert changed.json()["events"] == ["application.hired", "application.moved"]
    assert changed.json()["url"] == receiver.url
    assert changed.json()["description"] == "Talenta"
    assert changed.json()["version"] == 1

    stale = admin.patch(url, json.dumps({"version": 0, "is_active": False}), content_type=JSON)
    assert stale.status_code == 409
    assert stale.json()["code"] == "stale"
    bad = admin.patch(url, json.dumps({"version": 1, "url": "hooks.example.com"}), content_type=JSON)
    assert bad.status_code == 400
    endpoint = WebhookEndpoint.objects.get()
    assert (endpoint.is_active, endpoint.url, endpoint.version) == (True, receiver.url, 1)
    assert admin.get("/api/v1/webhooks/999999").status_code == 404


def test_rotating_answers_the_new_secret_and_the_old_one_signs_a_day_longer(admin, receiver):
    created = create(admin, receiver.url).json()

    response = admin.post(f"/api/v1/webhooks/{created['id']}/rotate-secret")

    assert response.status_code == 200
    rotated = response.json()
    endpoint = WebhookEndpoint.objects.get()
    assert rotated["secret"] == endpoint.secret != created["secret"]
    assert endpoint.previous_secret == created["secret"]
    assert rotated["previous_secret_until"].endswith("Z")
    assert AuditEvent.objects.filter(action="webhook.secret_rotated").count() == 1


def test_a_test_delivery_reaches_the_receiver_signed_and_shows_in_the_log(admin, receiver):
    created = create(admin, receiver.url).json()
    base = f"/api/v1/webhooks/{created['id']}"

    queued = admin.post(f"{base}/test")
    assert queued.status_code == 202
    assert "queued" in queued.json()["message"]
    assert admin.get(f"{base}/deliveries").json() == {"items": [], "count": 0}

    assert outbox_drain() == 1
    [request] = receiver.requests
    assert signature_is_valid(
        header=request.headers[SIGNATURE_HEADER],
        secret=created["secret"],
        body=request.body,
        now=int(time.time()),
    )
    log = admin.get(f"{base}/deliveries").json()
    assert log["count"] == 1
    (attempt,) = log["items"]
    assert attempt["event"] == "webhook.test"
    assert attempt["delivery"] == json.loads(request.body)["id"]
    assert (attempt["status_code"], attempt["acknowledged"], attempt["error"]) == (200, True, "")
    assert (attempt["delivery_status"], attempt["next_attempt_at"]) == ("sent", None)


def test_a_failed_attempt_shows_when_it_is_tried_again(admin, receiver):
    created = create(admin, receiver.url).json()
    receiver.status = 500
    admin.post(f"/api/v1/webhooks/{created['id']}/test")
    outbox_drain()

    (attempt,) = admin.get(f"/api/v1/webhooks/{created['id']}/deliveries").json()["items"]

    assert (attempt["status_code"], attempt["acknowledged"], attempt["delivery_status"]) == (
        500,
        False,
        "pending",
    )
    assert attempt["next_attempt_at"].endswith("Z")


def test_the_events_are_listed_with_labels_in_the_callers_language(api_client_for, personas):
    events = api_client_for(personas.hr_admin, language="id").get("/api/v1/webhook-events").json()

    codes = {event["code"]: event["label"] for event in events}
    assert "webhook.test" not in codes
    assert codes["application.hired"] == "Kandidat diterima bekerja"


def test_the_delivery_log_costs_the_same_for_1_and_6_attempts(admin, receiver, django_assert_max_num_queries):
    # rate-limit counters, token lookup, the webhook, count, page
    created = create(admin, receiver.url).json()
    base = f"/api/v1/webhooks/{created['id']}"
    admin.post(f"{base}/test")
    outbox_drain()
    with django_assert_max_num_queries(5) as one:
        assert admin.get(f"{base}/deliveries").json()["count"] == 1
    for _ in range(5):
        admin.post(f"{base}/test")
    outbox_drain()
    with django_assert_max_num_queries(5) as six:
        assert admin.get(f"{base}/deliveries").json()["count"] == 6
    assert len(six.captured_queries) == len(one.captured_queries)
