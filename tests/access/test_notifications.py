"""Access matrix, sent mail: the outbox and its messages are for HR admins only."""

import pytest
from django.utils import timezone

from rekrut.notifications.models import OutboxMessage
from tests.access.matrix import Call, Case, Page, World, access_check, hr_admin_only, params


def _message(world: World, team: str | None) -> Call:
    message = OutboxMessage.objects.create(
        key="access-outbox", to="pelamar1@example.com", subject="Undangan", next_attempt_at=timezone.now()
    )
    return Call(args=(message.pk,))


PAGES: tuple[Page, ...] = (
    Page("notifications:outbox", hr_admin_only),
    Page("notifications:message", hr_admin_only, call=_message),
)


@pytest.mark.parametrize("case", params(PAGES))
def test_access(case: Case, world: World, client) -> None:
    access_check(case, world, client)
