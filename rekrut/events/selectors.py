"""Reading the audit log: HR admins only, newest first, each row with its actor and subject type."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet

from rekrut.events.models import AuditEvent


def may_read_audit_log(user: AbstractBaseUser | AnonymousUser) -> bool:
    # `is_hr_admin` is the accounts User's; read by name because this app sits below accounts.
    return bool(getattr(user, "is_hr_admin", False))


@dataclass(frozen=True)
class AuditFilters:
    action: str = ""
    actor_id: int | None = None


def audit_events_for(
    *, user: AbstractBaseUser | AnonymousUser, filters: AuditFilters
) -> QuerySet[AuditEvent]:
    """The log as `user` may read it: everything for HR admins, nothing for anyone else."""
    if not may_read_audit_log(user):
        return AuditEvent.objects.none()
    events = AuditEvent.objects.select_related("actor", "subject_type").order_by("-at", "-pk")
    if filters.action:
        events = events.filter(action=filters.action)
    if filters.actor_id is not None:
        events = events.filter(actor_id=filters.actor_id)
    return events


def audit_actors_for(*, user: AbstractBaseUser | AnonymousUser) -> QuerySet:
    """The people who appear in the log, for the "who" filter (one query)."""
    users = get_user_model()._default_manager
    if not may_read_audit_log(user):
        return users.none()
    return users.filter(pk__in=AuditEvent.objects.filter(actor__isnull=False).values("actor_id")).order_by(
        "first_name", "last_name", "username"
    )
