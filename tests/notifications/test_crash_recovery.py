"""A worker killed between claiming a message and the SMTP server's answer: the message is sent once."""

import email
import signal
import time

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from rekrut.notifications.models import MessageStatus, OutboxMessage, WorkerBeat
from rekrut.notifications.services import message_queue
from tests.processes import wait_for

pytestmark = pytest.mark.processes


def smtp_env(port: int, **extra: str) -> dict[str, str]:
    return {
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "EMAIL_USE_TLS": "0",
        "EMAIL_TIMEOUT": "60",
        "LOG_LEVEL": "WARNING",
        **extra,
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_message_whose_worker_was_killed_mid_send_is_delivered_exactly_once(
    settings, smtp_server, children
):
    # The database task backend, as in production: the row and its delivery task wait for a worker.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    smtp_server.hold_first = True
    with transaction.atomic():
        message = message_queue(
            key="interview-7-invite-3",
            to="maya@example.co.id",
            template="notifications/email/failed",  # any e-mail template will do
            context={"subject": "Undangan wawancara", "attempts": 1},
        )

    first = children.start(
        "worker", "--sweep-every", "0.5", "--beat-every", "1", **smtp_env(smtp_server.port)
    )
    assert smtp_server.holding.wait(30), children.log(first)
    # Its task runner takes the delivery task too: whichever of the task and the sweep claimed the row
    # first is the one hanging; the other found it claimed and left it alone.
    wait_for(
        lambda: DBTaskResult.objects.get().status != "READY",
        timeout=15,
        what=lambda: f"the task to be taken\n{children.log(first)}",
    )
    message.refresh_from_db()
    assert (message.status, message.attempts) == (MessageStatus.SENDING, 1)
    first.send_signal(signal.SIGKILL)  # dies after the claim, before the server accepted the message
    first.wait(timeout=10)
    assert smtp_server.delivered == []

    # A new worker with a two-second lease takes the orphaned row over and sends it.
    second = children.start(
        "worker",
        "--sweep-every",
        "0.5",
        "--beat-every",
        "1",
        **smtp_env(smtp_server.port, REKRUT_OUTBOX_LEASE_SECONDS="2"),
    )
    wait_for(
        lambda: OutboxMessage.objects.get(pk=message.pk).status == MessageStatus.SENT,
        timeout=30,
        what=lambda: f"the message to be sent\n{children.log(second)}",
    )
    wait_for(lambda: len(smtp_server.delivered) >= 1, timeout=5, what="the server to record it")
    time.sleep(1.5)  # three more sweeps: nothing goes out again
    second.send_signal(signal.SIGTERM)
    assert second.wait(timeout=15) == 0, children.log(second)

    assert len(smtp_server.delivered) == 1
    received = email.message_from_bytes(smtp_server.delivered[0])
    assert received["Message-ID"] == "<interview-7-invite-3@rekrut>"
    assert received["To"] == "maya@example.co.id"
    message.refresh_from_db()
    assert (message.status, message.attempts) == (MessageStatus.SENT, 2)
    # The delivery task was claimed under the id the killed worker beat with (its row stays, going stale),
    # which is how the sweep tells a dead worker's tasks from a live one's; the second worker left cleanly.
    (killed,) = WorkerBeat.objects.values_list("worker_id", flat=True)
    assert DBTaskResult.objects.get().worker_ids == [killed]
