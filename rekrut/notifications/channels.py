"""Which sender carries each channel. A new channel (a webhook) is a Channel choice, a sender function that
sends one OutboxMessage or raises, and one line here; queueing, claiming, retries and failure notices
stay the same for every channel."""

from collections.abc import Callable

from rekrut.notifications.mail import email_send
from rekrut.notifications.models import Channel, OutboxMessage
from rekrut.notifications.webhooks.delivery import webhook_send

Sender = Callable[[OutboxMessage], None]

SENDERS: dict[str, Sender] = {
    Channel.EMAIL: email_send,
    Channel.WEBHOOK: webhook_send,
}


def sender_for(channel: str) -> Sender:
    try:
        return SENDERS[channel]
    except KeyError:
        raise ValueError(f"No sender for the outbox channel {channel!r}") from None
