"""Webhooks over the API, for HR admins' tokens only (webhooks carry candidate data out of Rekrut): the
receivers, their settings, rotating the signing secret, a test delivery and each receiver's delivery log,
through the same selectors and services as the webhooks page (README "Webhooks").

The signing secret is in the answer to a create and to a rotation, and nowhere else: a token that can
list webhooks should not be able to read what signs them."""

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from rekrut.accounts.models import User
from rekrut.api.auth import request_user
from rekrut.api.pagination import Pages
from rekrut.api.schemas import ErrorOut, IdempotencyKey, ObjectId, UtcDateTime
from rekrut.core.errors import AccessDenied
from rekrut.core.idempotency import idempotent_run
from rekrut.notifications.models import MessageStatus
from rekrut.notifications.webhooks import selectors, services
from rekrut.notifications.webhooks.events import event_choices
from rekrut.notifications.webhooks.models import WebhookAttempt, WebhookEndpoint

router = Router(tags=["webhooks"])

READ_ERRORS = {403: ErrorOut, 404: ErrorOut}
WRITE_ERRORS = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}
# The model's limits, so a longer value is a 422 naming the field, not a database error.
URL_MAX = WebhookEndpoint._meta.get_field("url").max_length or 500
DESCRIPTION_MAX = 200
EVENTS_MAX = 50


def _admin(request: HttpRequest) -> User:
    user = request_user(request)
    if not selectors.may_manage_webhooks(user):
        raise AccessDenied(_("Only HR admins manage webhooks."))
    return user


def _endpoint(request: HttpRequest, webhook_id: int) -> tuple[User, WebhookEndpoint]:
    user = _admin(request)
    return user, selectors.webhook_get(user=user, endpoint_id=webhook_id)


class EventOut(Schema):
    code: str
    label: str = Field(description="In the request's language.")


class WebhookOut(Schema):
    id: int
    url: str
    description: str
    events: list[str]
    is_active: bool
    version: int = Field(description="Send it back with a change, so a concurrent change is detected.")
    previous_secret_until: UtcDateTime | None = Field(
        description="After a rotation, the previous secret also signs deliveries until then."
    )
    created_at: UtcDateTime


class WebhookWithSecretOut(WebhookOut):
    secret: str = Field(
        description="Signs every delivery (header Rekrut-Signature). Shown only in this answer: keep it."
    )


class WebhookIn(Schema):
    url: str = Field(max_length=URL_MAX, description="A public https:// address.")
    events: list[str] = Field(max_length=EVENTS_MAX, description="Codes from GET /webhook-events.")
    description: str = Field("", max_length=DESCRIPTION_MAX)


class WebhookChangeIn(Schema):
    """Only what is sent changes; `version` is the one last read."""

    version: int = Field(ge=0)
    url: str | None = Field(None, max_length=URL_MAX)
    events: list[str] | None = Field(None, max_length=EVENTS_MAX)
    description: str | None = Field(None, max_length=DESCRIPTION_MAX)
    is_active: bool | None = None


class QueuedOut(Schema):
    message: str


class DeliveryAttemptOut(Schema):
    id: int
    at: UtcDateTime
    event: str
    delivery: str = Field(description="The Rekrut-Delivery header: the same on every retry of one delivery.")
    status_code: int | None = Field(description="The receiver's HTTP answer; empty when none came.")
    error: str = Field(description="Why no answer came (timeout, refused connection...), if so.")
    duration_ms: int
    acknowledged: bool = Field(description="The receiver answered 2xx.")
    delivery_status: MessageStatus = Field(
        description="Where the delivery stands now: retried later (pending), sent, or failed after retries."
    )
    next_attempt_at: UtcDateTime | None = Field(description="When it is tried again, while pending.")

    @staticmethod
    def resolve_event(attempt: WebhookAttempt) -> str:
        return str(attempt.message.payload.get("body", {}).get("event", ""))

    @staticmethod
    def resolve_delivery(attempt: WebhookAttempt) -> str:
        return str(attempt.message.payload.get("body", {}).get("id", ""))

    @staticmethod
    def resolve_delivery_status(attempt: WebhookAttempt) -> str:
        return attempt.message.status

    @staticmethod
    def resolve_next_attempt_at(attempt: WebhookAttempt) -> object:
        pending = attempt.message.status == MessageStatus.PENDING
        return attempt.message.next_attempt_at if pending else None


@router.get(
    "/webhook-events", response={200: list[EventOut], 403: ErrorOut}, summary="Events to subscribe to"
)
def event_list(request: HttpRequest) -> list[dict]:
    _admin(request)
    return [{"code": code, "label": str(label)} for code, label in event_choices()]


@router.get("/webhooks", response={200: list[WebhookOut], 403: ErrorOut}, summary="Webhooks (HR admins)")
@paginate(Pages)
def webhook_list(request: HttpRequest) -> QuerySet[WebhookEndpoint]:
    _admin(request)
    return selectors.webhooks_all()


@router.post(
    "/webhooks",
    response={201: WebhookWithSecretOut, 400: ErrorOut, 403: ErrorOut},
    summary="Add a webhook; the answer holds its signing secret",
)
def webhook_create(request: HttpRequest, payload: WebhookIn, idempotency_key: IdempotencyKey) -> Status:
    user = _admin(request)
    endpoint = idempotent_run(
        actor=user,
        key=idempotency_key,
        action="webhook.create",
        inputs=payload.dict(),
        run=lambda: services.webhook_create(
            actor=user, url=payload.url, events=payload.events, description=payload.description
        ),
    )
    return Status(201, endpoint)


@router.get("/webhooks/{webhook_id}", response={200: WebhookOut, **READ_ERRORS}, summary="A webhook")
def webhook_detail(request: HttpRequest, webhook_id: ObjectId) -> WebhookEndpoint:
    return _endpoint(request, webhook_id)[1]


@router.patch(
    "/webhooks/{webhook_id}",
    response={200: WebhookOut, **WRITE_ERRORS},
    summary="Change a webhook's address, events, description or whether it is active",
)
def webhook_change(request: HttpRequest, webhook_id: ObjectId, payload: WebhookChangeIn) -> WebhookEndpoint:
    user, endpoint = _endpoint(request, webhook_id)
    return services.webhook_change(
        actor=user,
        endpoint=endpoint,
        url=endpoint.url if payload.url is None else payload.url,
        events=endpoint.events if payload.events is None else payload.events,
        description=endpoint.description if payload.description is None else payload.description,
        is_active=endpoint.is_active if payload.is_active is None else payload.is_active,
        expected_version=payload.version,
    )


@router.post(
    "/webhooks/{webhook_id}/rotate-secret",
    response={200: WebhookWithSecretOut, **WRITE_ERRORS},
    summary="Make a new signing secret; the old one also signs for 24 hours",
)
def webhook_rotate(request: HttpRequest, webhook_id: ObjectId) -> WebhookEndpoint:
    user, endpoint = _endpoint(request, webhook_id)
    return services.webhook_secret_rotate(actor=user, endpoint=endpoint)


@router.post(
    "/webhooks/{webhook_id}/test",
    response={202: QueuedOut, **WRITE_ERRORS},
    summary="Send a webhook.test delivery; its answer appears in the delivery log",
)
def webhook_test(request: HttpRequest, webhook_id: ObjectId) -> Status:
    user, endpoint = _endpoint(request, webhook_id)
    services.webhook_test_send(actor=user, endpoint=endpoint)
    return Status(
        202,
        {"message": _("Test delivery queued; its answer appears in the delivery log within a few seconds.")},
    )


@router.get(
    "/webhooks/{webhook_id}/deliveries",
    response={200: list[DeliveryAttemptOut], **READ_ERRORS},
    summary="A webhook's delivery log: every attempt, newest first",
)
@paginate(Pages)
def webhook_deliveries(request: HttpRequest, webhook_id: ObjectId) -> QuerySet[WebhookAttempt]:
    return selectors.attempts_of(_endpoint(request, webhook_id)[1])
