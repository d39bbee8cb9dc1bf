"""The personal data held by the apps below candidates (the outbox, the audit log), which cannot answer the
candidates hooks themselves, and this app's own requests: handed over and erased here (UU PDP Ps 7, 43)."""

from typing import Any

from django.db.models import Q

from rekrut.candidates.hooks import ERASED, Person
from rekrut.core.models import append_only_erase
from rekrut.events.models import AuditEvent
from rekrut.notifications.models import OutboxMessage
from rekrut.notifications.selectors import messages_to
from rekrut.privacy.models import DataRequest


def messages_collect(person: Person) -> tuple[str, Any]:
    messages = []
    for address in person.emails:
        messages += [
            {
                "to": message.to,
                "subject": message.subject,
                "body": message.body,
                "queued_at": message.created_at.isoformat(),
                "sent_at": message.sent_at.isoformat() if message.sent_at else None,
            }
            for message in messages_to(address=address)
        ]
    return ("messages", sorted(messages, key=lambda m: m["queued_at"]))


def requests_collect(person: Person) -> tuple[str, Any]:
    requests = DataRequest.objects.filter(candidate_id__in=person.candidate_ids).order_by("created_at", "pk")
    return (
        "data_requests",
        [
            {
                "request": str(request.get_kind_display()),
                "details": request.details,
                "asked_at": request.created_at.isoformat(),
                "status": str(request.get_status_display()),
                "answer": request.answer,
                "answered_at": request.answered_at.isoformat() if request.answered_at else None,
            }
            for request in requests
        ],
    )


def _mentioning(person: Person, *fields: str) -> Q:
    query = Q()
    for identifier in person.identifiers:
        for name in fields:
            query |= Q(**{f"{name}__icontains": identifier})
    return query


def lower_apps_erase(person: Person) -> None:
    """Messages to the person lose their address, subject and body; other messages (an interviewer's
    invitation, a webhook's payload) lose the words that name them. The audit log's rows stay with the
    person's name taken out of what they say they were about."""
    own = Q()
    for address in person.emails:
        own |= Q(to__iexact=address)
    if own:
        OutboxMessage.objects.filter(own).update(
            to=ERASED, subject=ERASED, body=ERASED, payload={}, attachments=[], last_error=""
        )
    if person.identifiers:
        mentioning = _mentioning(person, "to", "subject", "body", "payload", "last_error")
        for message in OutboxMessage.objects.filter(mentioning).only(
            "pk", "to", "subject", "body", "payload"
        ):
            OutboxMessage.objects.filter(pk=message.pk).update(
                to=person.scrub(message.to),
                subject=person.scrub(message.subject),
                body=person.scrub(message.body),
                payload=person.scrub(message.payload),
                attachments=[],
                last_error="",
            )
        for event in AuditEvent.objects.filter(_mentioning(person, "subject_label", "changes")):
            append_only_erase(
                AuditEvent.objects.filter(pk=event.pk),
                subject_label=person.scrub(event.subject_label),
                changes=person.scrub(event.changes),
            )
    DataRequest.objects.filter(candidate_id__in=person.candidate_ids).exclude(details="").update(
        details=ERASED
    )
