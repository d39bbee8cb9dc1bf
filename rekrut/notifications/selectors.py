"""Reads about the outbox (what was sent to whom) and the background worker."""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.db.models.functions import Lower
from django.http import Http404
from django.utils import timezone

from rekrut.notifications.models import Channel, OutboxMessage, WorkerBeat

# A worker beats every 10 seconds; missing six beats in a row means it is gone.
WORKER_ALIVE_SECONDS = 60
# What a list shows of a message; the body, payload and attachments are read only when one is opened.
_LIST_FIELDS = ("channel", "to", "language", "subject", "status", "attempts", "next_attempt_at", "created_at")


def workers_alive() -> list[str]:
    """The ids of the workers that beat within the last minute."""
    since = timezone.now() - timedelta(seconds=WORKER_ALIVE_SECONDS)
    return list(WorkerBeat.objects.filter(beat_at__gte=since).values_list("worker_id", flat=True))


def worker_is_running() -> bool:
    since = timezone.now() - timedelta(seconds=WORKER_ALIVE_SECONDS)
    return WorkerBeat.objects.filter(beat_at__gte=since).exists()


def messages_to(*, address: str) -> QuerySet[OutboxMessage]:
    """The e-mails queued for one address, newest first (the address matched without case, as mail is).

    The caller has already decided that the user may see the person who owns the address."""
    if not address.strip():
        return OutboxMessage.objects.none()
    return (
        OutboxMessage.objects.alias(to_lower=Lower("to"))
        .filter(to_lower=address.strip().lower(), channel=Channel.EMAIL)
        .only(*_LIST_FIELDS, "sent_at")
        .order_by("-pk")
    )


def message_to_get(*, address: str, message_id: int) -> OutboxMessage:
    """One message sent to `address`; a 404 for any other message, so an id cannot reach another's mail."""
    message = messages_to(address=address).defer(None).filter(pk=message_id).first()
    if message is None:
        raise Http404
    return message


def may_read_outbox(user: AbstractBaseUser | AnonymousUser) -> bool:
    # `is_hr_admin` is the accounts User's; read by name because this app sits below accounts.
    return bool(getattr(user, "is_hr_admin", False))


@dataclass(frozen=True)
class OutboxFilters:
    status: str = ""
    recipient: str = ""


def outbox_for(*, user: AbstractBaseUser | AnonymousUser, filters: OutboxFilters) -> QuerySet[OutboxMessage]:
    """Every outgoing message for HR admins (newest first), nothing for anyone else."""
    if not may_read_outbox(user):
        return OutboxMessage.objects.none()
    messages = OutboxMessage.objects.only(*_LIST_FIELDS, "sent_at").order_by("-pk")
    if filters.status:
        messages = messages.filter(status=filters.status)
    if filters.recipient:
        messages = messages.filter(to__icontains=filters.recipient)
    return messages


def outbox_message_get(*, user: AbstractBaseUser | AnonymousUser, message_id: int) -> OutboxMessage:
    """One message for an HR admin; a 404 when there is none (the caller checked the role)."""
    message = outbox_for(user=user, filters=OutboxFilters()).defer(None).filter(pk=message_id).first()
    if message is None:
        raise Http404
    return message
