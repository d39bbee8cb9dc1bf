"""Writing the audit log: one row per act, in the caller's transaction, so the row and the act commit or
roll back together."""

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import models

from rekrut.core.http import current_client_ip
from rekrut.events.actions import ACTIONS
from rekrut.events.models import AuditEvent

SUBJECT_LABEL_MAX = 200


def audit_record(
    *,
    actor: AbstractBaseUser | None,
    action: str,
    subject: models.Model,
    changes: dict[str, Any] | None = None,
    ip: str | None = None,
) -> AuditEvent:
    """Records that `actor` did `action` to `subject`. Without `ip`, the address of the request being
    served is used (None outside a request). Joins the caller's transaction; does not open one."""
    if action not in ACTIONS:
        raise ValueError(f"Unknown audit action {action!r}: register it in rekrut.events.actions.")
    return AuditEvent.objects.create(
        actor_id=actor.pk if actor is not None and actor.is_authenticated else None,
        action=action,
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=subject.pk,
        subject_label=str(subject)[:SUBJECT_LABEL_MAX],
        changes=changes or {},
        ip=ip or current_client_ip(),
    )


def audit_value(value: object) -> object:
    """A value as the log keeps it: plain JSON types as they are, an object as its id and its name then."""
    if isinstance(value, models.Model):
        return {"id": value.pk, "label": str(value)}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return [audit_value(item) for item in value]
    if isinstance(value, dict):
        return {str(key): audit_value(item) for key, item in value.items()}
    return str(value)


def audit_snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, object]:
    """The named fields of `instance` as the log keeps them, to compare before and after an edit."""
    return {name: audit_value(getattr(instance, name)) for name in fields}


def audit_diff(before: dict[str, object], after: dict[str, object]) -> dict[str, dict[str, object]]:
    """{"field": {"before": ..., "after": ...}} for the fields whose value changed."""
    return {
        name: {"before": before.get(name), "after": after.get(name)}
        for name in [*before, *(name for name in after if name not in before)]
        if before.get(name) != after.get(name)
    }
