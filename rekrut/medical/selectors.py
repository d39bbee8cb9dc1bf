"""Reads of medical check-ups. None of them loads a note or a report: those come only through
services.health_details_open / health_report_open, which check the permission and write the audit row."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from rekrut.accounts.models import User
from rekrut.medical.access import MedicalAccess, medical_access_get
from rekrut.medical.models import MedicalCheck, Package, Provider


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
