"""Reads of medical check-ups. None of them loads a note or a report: those come only through
services.health_details_open / health_report_open, which check the permission and write the audit row."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.http import Http404

from rekrut.accounts.models import User
from rekrut.events.models import AuditEvent
from rekrut.events.selectors import may_read_audit_log
from rekrut.medical.access import MedicalAccess, health_permission, medical_access_get
from rekrut.medical.models import MedicalCheck, Package, Provider

# The audit actions about health data that HR admins review on the MCU pages.
HEALTH_ACTIONS = ("medical.details_viewed", "medical.report_downloaded", "medical.details_changed")
AUDIT_SHOWN = 100


def checks_of(*, application_id: int) -> list[MedicalCheck]:
    """An application's check-ups, the current first, then the older ones newest first."""
    return list(
        MedicalCheck.objects.filter(application_id=application_id)
        .select_related("provider", "package", "result_recorded_by", "created_by")
        .order_by("-is_current", "-created_at", "-pk")
    )


def current_check(checks: list[MedicalCheck]) -> MedicalCheck | None:
    return next((check for check in checks if check.is_current), None)


@dataclass(frozen=True)
class CheckAccess:
    check: MedicalCheck
    access: MedicalAccess


def check_get(*, user: User, check_id: int) -> CheckAccess:
    """A check-up with the user's access; a 404 when they may not see its application."""
    check = MedicalCheck.objects.select_related("provider", "package").filter(pk=check_id).first()
    if check is None:
        raise Http404
    access = medical_access_get(user=user, application_id=check.application_id)
    check.application = access.application.application
    return CheckAccess(check=check, access=access)


def providers_in_use() -> QuerySet[Provider]:
    return Provider.objects.filter(is_active=True)


def packages_in_use() -> QuerySet[Package]:
    return Package.objects.filter(is_active=True)


def health_audit_for(*, user: User, checks: list[MedicalCheck] | None = None) -> list[AuditEvent]:
    """Who read or changed health details, newest first: of these check-ups, or of all. HR admins only."""
    if not may_read_audit_log(user):
        return []
    events = AuditEvent.objects.filter(action__in=HEALTH_ACTIONS).select_related("actor")
    if checks is not None:
        events = events.filter(
            subject_type=ContentType.objects.get_for_model(MedicalCheck),
            subject_id__in=[check.pk for check in checks],
        )
    return list(events.order_by("-at", "-pk")[:AUDIT_SHOWN])


def health_access_holders() -> list[User]:
    """Everyone who holds the permission, themselves or through a group."""
    permission = health_permission()
    return list(
        User.objects.filter(Q(user_permissions=permission) | Q(groups__permissions=permission))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )
