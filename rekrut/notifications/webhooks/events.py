"""The events a webhook can subscribe to. A higher app announces its own (offers, hires) by registering it
here at import time of its services, the way audit actions are registered."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

EVENTS: dict[str, Promise] = {
    "application.created": _("A candidate applied or was added to a job"),
    "application.moved": _("An application moved to another stage"),
    "application.closed": _("An application was rejected or withdrawn"),
    "application.hired": _("A candidate was hired"),
    "webhook.test": _("A test delivery sent from the webhooks page"),
}


def event_register(code: str, label: Promise) -> None:
    if EVENTS.get(code, label) != label:
        raise ValueError(f"The webhook event {code!r} is already registered with another label.")
    EVENTS[code] = label


def event_choices() -> list[tuple[str, Promise]]:
    return [(code, label) for code, label in EVENTS.items() if code != "webhook.test"]
