"""The outbox in the Django admin: HR admins read it (failed messages with their error), nobody edits it."""

import pytest
from django.urls import reverse
from django.utils import timezone

from rekrut.accounts.models import Role
from rekrut.notifications.models import MessageStatus, OutboxMessage
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def failed():
    return OutboxMessage.objects.create(
        key="application-9-rejected-v2",
        to="putri@example.com",
        subject="About your application",
        body="Dear Putri",
        status=MessageStatus.FAILED,
        attempts=5,
        last_error="SMTPRecipientsRefused: 550 mailbox unavailable",
        next_attempt_at=timezone.now(),
    )


@pytest.fixture
def admin_client(client):
    """An HR admin as the demo makes them: staff and superuser (Settings = the Django admin)."""
    client.force_login(UserFactory(username="sari", role=Role.HR_ADMIN, is_staff=True, is_superuser=True))
    return client


def test_an_hr_admin_sees_failed_messages_with_their_last_error(admin_client, failed):
    url = reverse("admin:notifications_outboxmessage_changelist") + "?status__exact=failed"
    page = admin_client.get(url).content.decode()
    assert "putri@example.com" in page and "550 mailbox unavailable" in page
    detail = admin_client.get(reverse("admin:notifications_outboxmessage_change", args=[failed.pk]))
    assert detail.status_code == 200
    assert "550 mailbox unavailable" in detail.content.decode()


def test_nobody_adds_changes_or_deletes_outbox_rows_in_the_admin(admin_client, failed):
    change = reverse("admin:notifications_outboxmessage_change", args=[failed.pk])
    assert admin_client.get(reverse("admin:notifications_outboxmessage_add")).status_code == 403
    assert admin_client.post(change, {"to": "someone@example.com", "status": "pending"}).status_code == 403
    delete = reverse("admin:notifications_outboxmessage_delete", args=[failed.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    changelist = reverse("admin:notifications_outboxmessage_changelist")
    bulk = admin_client.post(changelist, {"action": "delete_selected", "_selected_action": [failed.pk]})
    assert bulk.status_code in {200, 302}
    failed.refresh_from_db()
    assert (failed.to, failed.status) == ("putri@example.com", MessageStatus.FAILED)
