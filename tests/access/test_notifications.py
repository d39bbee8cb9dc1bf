"""Access matrix, sent mail: the outbox and its messages are for HR admins only."""

import pytest
from django.utils import timezone

from rekrut.notifications.models import MessageTemplate, OutboxMessage, WebhookEndpoint
from tests.access.matrix import Call, Case, Page, World, access_check, hr_admin_only, params


def _message(world: World, team: str | None) -> Call:
    message = OutboxMessage.objects.create(
        key="access-outbox", to="pelamar1@example.com", subject="Undangan", next_attempt_at=timezone.now()
    )
    return Call(args=(message.pk,))


REJECTED = "pipeline/email/rejected"


def _edit(world: World, team: str | None) -> Call:
    return Call(
        args=("id", REJECTED), data={"subject": "Kabar", "body": "Halo {{ candidate_name }}", "version": 0}
    )


def _saved(world: World, team: str | None) -> bool:
    return MessageTemplate.objects.filter(purpose=REJECTED, language="id", version=1).exists()


def _changed(world: World, team: str | None) -> Call:
    MessageTemplate.objects.create(purpose=REJECTED, language="id", subject="S", body="B", version=1)
    return Call(args=("id", REJECTED), data={"version": 1})


def _reset(world: World, team: str | None) -> bool:
    return MessageTemplate.objects.filter(purpose=REJECTED, language="id", body="").exists()


def _endpoint(world: World, team: str | None) -> Call:
    endpoint = WebhookEndpoint.objects.create(
        url="https://hooks.example.com/rekrut",
        events=["application.moved"],
        created_by=world.personas.hr_admin,
    )
    return Call(args=(endpoint.pk,))


def _rotated(world: World, team: str | None) -> bool:
    return WebhookEndpoint.objects.filter(previous_secret__gt="").exists()


def _tested(world: World, team: str | None) -> bool:
    return OutboxMessage.objects.filter(channel="webhook").exists()


# The edit page's row saves (the GET of the same page is tests/notifications/test_templates_pages.py's).
PAGES: tuple[Page, ...] = (
    Page("notifications:outbox", hr_admin_only),
    Page("notifications:message", hr_admin_only, call=_message),
    Page("notifications:templates", hr_admin_only),
    Page("notifications:template_edit", hr_admin_only, method="post", call=_edit, happened=_saved),
    Page("notifications:template_preview", hr_admin_only, method="post", call=_edit),
    Page("notifications:template_reset", hr_admin_only, method="post", call=_changed, happened=_reset),
    Page("notifications:webhooks", hr_admin_only),
    Page("notifications:webhook", hr_admin_only, call=_endpoint),
    Page("notifications:webhook_rotate", hr_admin_only, method="post", call=_endpoint, happened=_rotated),
    Page("notifications:webhook_test", hr_admin_only, method="post", call=_endpoint, happened=_tested),
)


@pytest.mark.parametrize("case", params(PAGES))
def test_access(case: Case, world: World, client) -> None:
    access_check(case, world, client)
