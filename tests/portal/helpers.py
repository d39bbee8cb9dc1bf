"""Signing a candidate in the way they do: ask for a link, take it from the e-mail in the outbox, open it."""

import re

from django.urls import reverse

from rekrut.notifications.models import OutboxMessage
from rekrut.portal.purposes import SIGN_IN_KEY

LINK = re.compile(r"https?://\S+/portal/open/([A-Za-z0-9_-]{43})/(\?\S*)?")


def sign_in_mail(email: str) -> OutboxMessage | None:
    return OutboxMessage.objects.filter(to__iexact=email, key__startswith=SIGN_IN_KEY).order_by("-pk").first()


def link_in(message: OutboxMessage) -> tuple[str, str]:
    """(token, query) of the sign-in link in the mail's body."""
    found = LINK.search(message.body)
    assert found, message.body
    return found.group(1), found.group(2) or ""


def portal_sign_in(client, candidate) -> None:
    response = client.post(reverse("portal:sign_in"), {"email": candidate.email})
    assert response.status_code == 302, response.content
    message = sign_in_mail(candidate.email)
    assert message is not None
    token, _query = link_in(message)
    response = client.post(reverse("portal:open", args=[token]))
    assert response.status_code == 302 and response["Location"] == reverse("portal:home")
