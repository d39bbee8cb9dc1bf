"""Reads for the webhooks pages: endpoints and each one's delivery log, for HR admins only."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from rekrut.notifications.selectors import may_read_outbox
from rekrut.notifications.webhooks.models import WebhookAttempt, WebhookEndpoint


def may_manage_webhooks(user: AbstractBaseUser | AnonymousUser) -> bool:
    # Webhooks carry candidate data out of Rekrut: the people who may read all outgoing messages decide.
    return may_read_outbox(user)


def webhook_get(*, user: AbstractBaseUser | AnonymousUser, endpoint_id: int) -> WebhookEndpoint:
    if not may_manage_webhooks(user):
        raise PermissionDenied
    endpoint = WebhookEndpoint.objects.filter(pk=endpoint_id).first()
    if endpoint is None:
        raise Http404
    return endpoint


def webhooks_all() -> QuerySet[WebhookEndpoint]:
    return WebhookEndpoint.objects.order_by("pk")


def attempts_of(endpoint: WebhookEndpoint) -> QuerySet[WebhookAttempt]:
    return endpoint.attempts.select_related("message").order_by("-at", "-pk")
