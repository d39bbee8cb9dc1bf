"""Queues the reminders that are due and not yet in the outbox, each in its recipient's language."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from email.utils import parseaddr
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import formats, timezone, translation

from rekrut.core.localization import zone_abbreviation
from rekrut.notifications.models import OutboxMessage
from rekrut.notifications.services import message_queue

log = logging.getLogger(__name__)
KEYS_PER_QUERY = 500


@dataclass
class Due:
    key: str
    to: str
    language: str
    template: str
    # Called with the recipient's language active, so dates and stage names are worded in it.
    context: Callable[[], dict]


def language_of(person: object) -> str:
    """The person's own language once people have one; until then the company's default."""
    return getattr(person, "language", "") or settings.LANGUAGE_CODE


def contact_address() -> str:
    """The company's official address, named in every candidate message: the invitations' organizer
    mailbox when set, else the sender of Rekrut's mail."""
    return getattr(settings, "ORGANIZER_EMAIL", "") or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


def local_moment(value: datetime, zone_name: str) -> str:
    """Like core.localization.local_datetime, in the active language: "23 November 2026, 09.30 WIB"."""
    local = timezone.localtime(value, ZoneInfo(zone_name))
    return f"{formats.date_format(local, 'DATETIME_FORMAT')} {zone_abbreviation(zone_name)}"


def due_queue(items: list[Due]) -> int:
    """Queues every item whose key is not in the outbox yet; returns how many it queued (a key
    another worker queued in the same moment may be counted by both).

    Keys already there are skipped before rendering (the sweep runs every 30 seconds). Each message is
    its own transaction, and one that fails (a template error, a bad address) is logged without stopping
    the others. A key another worker queued meanwhile is found by message_queue's get_or_create.
    """
    keys = [item.key for item in items]
    queued_before: set[str] = set()
    for start in range(0, len(keys), KEYS_PER_QUERY):
        chunk = keys[start : start + KEYS_PER_QUERY]
        queued_before.update(OutboxMessage.objects.filter(key__in=chunk).values_list("key", flat=True))
    queued = 0
    for item in items:
        if item.key in queued_before:
            continue
        try:
            with transaction.atomic(), translation.override(item.language):
                message_queue(
                    key=item.key,
                    to=item.to,
                    template=item.template,
                    context=item.context(),
                    language=item.language,
                )
        except Exception:
            log.exception("reminder %s could not be queued", item.key)
            continue
        queued += 1
    return queued
