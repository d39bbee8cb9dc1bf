"""Writes for webhooks: endpoints (create, change, rotate the secret) and announcing an event."""

import uuid
from datetime import timedelta
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekrut.core.errors import AccessDenied, DomainError, StaleEdit
from rekrut.events.actions import action_register
from rekrut.events.services import audit_record
from rekrut.notifications.models import Channel
from rekrut.notifications.services import message_queue
from rekrut.notifications.webhooks.delivery import url_problem
from rekrut.notifications.webhooks.events import EVENTS
from rekrut.notifications.webhooks.models import WebhookEndpoint, secret_new
from rekrut.notifications.webhooks.selectors import may_manage_webhooks

action_register("webhook.created", _("Webhook added"))
action_register("webhook.changed", _("Webhook changed"))
action_register("webhook.secret_rotated", _("Webhook secret rotated"))

# How long the old secret still signs after a rotation: a day for the receiver to switch.
ROTATION_GRACE = timedelta(hours=24)


def _only_admins(actor: AbstractBaseUser) -> None:
    if not may_manage_webhooks(actor):
        raise AccessDenied(_("Only HR admins manage webhooks."))


def _checked(*, url: str, events: list[str]) -> tuple[str, list[str]]:
    url = url.strip()
    problem = url_problem(url)
    if problem:
        raise DomainError(problem, code="webhook_url")
    unknown = sorted(set(events) - set(EVENTS))
    if unknown:
        raise DomainError(
            _("Unknown events: %(events)s.") % {"events": ", ".join(unknown)}, code="webhook_events"
        )
    if not events:
        raise DomainError(_("Choose at least one event."), code="webhook_no_events")
    return url, sorted(set(events))


@transaction.atomic
def webhook_create(
    *, actor: AbstractBaseUser, url: str, events: list[str], description: str = ""
) -> WebhookEndpoint:
    _only_admins(actor)
    url, events = _checked(url=url, events=events)
    endpoint = WebhookEndpoint.objects.create(
        url=url, events=events, description=description.strip()[:200], created_by_id=actor.pk
    )
    audit_record(
        actor=actor, action="webhook.created", subject=endpoint, changes={"url": url, "events": events}
    )
    return endpoint


@transaction.atomic
def webhook_change(
    *,
    actor: AbstractBaseUser,
    endpoint: WebhookEndpoint,
    url: str,
    events: list[str],
    description: str,
    is_active: bool,
    expected_version: int,
) -> WebhookEndpoint:
    """Changes what an endpoint receives; an edit made on a stale page is refused, not written over."""
    _only_admins(actor)
    locked = WebhookEndpoint.objects.select_for_update().get(pk=endpoint.pk)
    if locked.version != expected_version:
        # StaleEdit (code "stale"): the API answers it 409 like every other concurrent change.
        raise StaleEdit(
            _("Someone changed this webhook while you were editing it. Reload the page and try again.")
        )
    url, events = _checked(url=url, events=events)
    before = {"url": locked.url, "events": locked.events, "is_active": locked.is_active}
    locked.url, locked.events, locked.is_active = url, events, is_active
    locked.description = description.strip()[:200]
    locked.version += 1
    locked.save()
    after = {"url": url, "events": events, "is_active": is_active}
    changes = {key: [before[key], value] for key, value in after.items() if before[key] != value}
    audit_record(actor=actor, action="webhook.changed", subject=locked, changes=changes)
    return locked


@transaction.atomic
def webhook_secret_rotate(*, actor: AbstractBaseUser, endpoint: WebhookEndpoint) -> WebhookEndpoint:
    """A new secret signs from now on; the old one signs too for a day, so nothing is refused meanwhile."""
    _only_admins(actor)
    locked = WebhookEndpoint.objects.select_for_update().get(pk=endpoint.pk)
    locked.previous_secret = locked.secret
    locked.previous_secret_until = timezone.now() + ROTATION_GRACE
    locked.secret = secret_new()
    locked.version += 1
    locked.save()
    # The secrets themselves never go into the audit log.
    audit_record(actor=actor, action="webhook.secret_rotated", subject=locked)
    return locked


def webhooks_announce(*, event: str, key: str, data: dict[str, Any]) -> int:
    """Queues `event` for every active endpoint subscribed to it, in the caller's transaction; returns how
    many. `key` names this occurrence (e.g. the history row), so announcing it again queues nothing."""
    if event not in EVENTS:
        raise ValueError(
            f"Unknown webhook event {event!r}: register it in rekrut.notifications.webhooks.events"
        )
    endpoints = [e for e in WebhookEndpoint.objects.filter(is_active=True) if event in e.events]
    if event == "webhook.test":
        endpoints = list(WebhookEndpoint.objects.filter(pk=int(data["endpoint"])))
    for endpoint in endpoints:
        body = {
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"rekrut:{endpoint.pk}:{key}")),
            "event": event,
            "created_at": timezone.now().isoformat(),
            "data": data,
        }
        message_queue(
            key=f"webhook-{endpoint.pk}-{key}"[:200],
            to=endpoint.url,
            channel=Channel.WEBHOOK,
            payload={"endpoint": endpoint.pk, "body": body},
        )
    return len(endpoints)


def webhook_test_send(*, actor: AbstractBaseUser, endpoint: WebhookEndpoint) -> None:
    """A delivery HR can send from the page to check that the receiver answers and checks the signature."""
    _only_admins(actor)
    webhooks_announce(
        event="webhook.test",
        key=f"test-{uuid.uuid4()}",
        data={"endpoint": endpoint.pk, "message": "Rekrut test delivery", "by": str(actor)},
    )
