"""Sent mail: HR admins read the outbox inside Rekrut, newest first, filtered and paginated; a message
opens exactly as its recipient receives it."""

import pytest
from django.urls import reverse
from django.utils import timezone

from rekrut.notifications.models import MessageStatus, OutboxMessage
from rekrut.notifications.services import message_queue

pytestmark = pytest.mark.django_db


def outbox_make(n: int, to: str = "putri@example.com", **fields) -> OutboxMessage:
    values = {"key": f"test-{n}", "to": to, "subject": f"Message {n}", "next_attempt_at": timezone.now()}
    return OutboxMessage.objects.create(**(values | fields))


def test_hr_admins_read_the_outbox_newest_first(client_for, personas):
    outbox_make(1, subject="Older")
    outbox_make(2, subject="Newer")
    response = client_for(personas.hr_admin).get(reverse("notifications:outbox"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Newer") < html.index("Older")
    assert reverse("notifications:outbox") in html  # the navigation links it


def test_others_may_not_read_it_nor_see_the_link(client_for, personas):
    message = outbox_make(1)
    client = client_for(personas.recruiter)
    assert client.get(reverse("notifications:outbox")).status_code == 403
    assert client.get(reverse("notifications:message", args=[message.pk])).status_code == 403
    assert reverse("notifications:outbox") not in client.get(reverse("desk:candidates")).content.decode()


def test_the_outbox_filters_by_status_and_recipient(client_for, personas):
    outbox_make(1, subject="Sent to Putri", status=MessageStatus.SENT)
    outbox_make(2, subject="Waiting for Putri")
    outbox_make(3, to="bayu@example.com", subject="Sent to Bayu", status=MessageStatus.SENT)
    client = client_for(personas.hr_admin)
    html = client.get(
        reverse("notifications:outbox"), {"status": "sent", "recipient": " PUTRI "}
    ).content.decode()
    assert "Sent to Putri" in html
    assert "Waiting for Putri" not in html and "Sent to Bayu" not in html


def test_a_filter_that_is_not_valid_is_said_and_left_out(client_for, personas):
    outbox_make(1, subject="Still listed")
    response = client_for(personas.hr_admin).get(reverse("notifications:outbox"), {"status": "lost"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Status: Select a valid choice." in html and "Still listed" in html


def test_the_outbox_is_paginated_in_a_bounded_number_of_queries(
    client_for, personas, django_assert_max_num_queries
):
    client = client_for(personas.hr_admin)
    outbox_make(0)
    client.get(reverse("notifications:outbox"))
    with django_assert_max_num_queries(100) as few:
        client.get(reverse("notifications:outbox"))
    OutboxMessage.objects.bulk_create(
        OutboxMessage(
            key=f"bulk-{n}", to="x@example.com", subject=f"Bulk {n}", next_attempt_at=timezone.now()
        )
        for n in range(1, 120)
    )
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(reverse("notifications:outbox"), {"page": 3}).content.decode()
    assert "Page 3 of 3" in html and "Bulk 19<" in html and "Bulk 20<" not in html


def test_a_message_opens_as_received_with_the_servers_last_words_for_hr_admins(client_for, personas):
    message = message_queue(
        key="failed-notice",
        to="sari@example.com",
        template="notifications/email/failed",
        context={
            "key": "k",
            "channel": "E-mail",
            "to": "putri@example.com",
            "subject": "Undangan",
            "attempts": 5,
            "error": "boom",
            "url": "http://x/",
            "company": "PT Maju",
        },
        attachments=[{"filename": "invite.ics", "content": "BEGIN:VCALENDAR", "mimetype": "text/calendar"}],
        language="en",
    )
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=MessageStatus.PENDING, attempts=2, last_error="SMTPServerDisconnected: gone"
    )
    response = client_for(personas.hr_admin).get(reverse("notifications:message", args=[message.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert message.subject in html and "Undangan" in html
    assert "invite.ics" in html and "BEGIN:VCALENDAR" not in html
    assert "SMTPServerDisconnected: gone" in html and "tried again at" in html


def test_a_message_that_does_not_exist_is_not_found(client_for, personas):
    assert client_for(personas.hr_admin).get(reverse("notifications:message", args=[999])).status_code == 404
