"""Reading the specific personal data of an onboarding (UU 27/2022 Ps 4, P2: bank account and salary; and
the full NIK and NPWP, masked for everyone else), downloading the new employee's documents and exporting
their record; who may is decided on accounts:specific_data (rekrut/accounts/specific_data.py). Every
reading, download and export is written to the audit log with who and when (the request's address too), in
its own transaction, before anything is shown.
"""

import json
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.core.errors import AccessDenied, DomainError
from rekrut.events.actions import action_register
from rekrut.events.services import audit_record
from rekrut.offers.models import Offer
from rekrut.onboarding.access import OnboardingAccess
from rekrut.onboarding.models import (
    RESTRICTED_DOCUMENTS,
    DocumentFile,
    EmployeeDetails,
    FinancialDetails,
    Onboarding,
    Task,
)
from rekrut.onboarding.records import accepted_offer, employee_record, record_csv

action_register("onboarding.financial_viewed", _("New employee's bank account, salary and numbers viewed"))
action_register("onboarding.document_downloaded", _("New employee's document downloaded"))
action_register("onboarding.exported", _("New employee's record exported"))

FORMATS = {"json": "application/json", "csv": "text/csv; charset=utf-8"}


@dataclass(frozen=True)
class FinancialView:
    employee: EmployeeDetails | None
    financial: FinancialDetails | None
    offer: Offer | None


def financial_details_open(*, user: User, access: OnboardingAccess, onboarding: Onboarding) -> FinancialView:
    """The full numbers, the bank account and the accepted offer's pay, to a permission holder; logged."""
    if not access.sees_financial_details:
        raise AccessDenied(_("Only people allowed to see bank and salary data can open these details."))
    with transaction.atomic():
        audit_record(actor=user, action="onboarding.financial_viewed", subject=onboarding)
    return FinancialView(
        employee=EmployeeDetails.objects.filter(onboarding=onboarding).first(),
        financial=FinancialDetails.objects.filter(onboarding=onboarding).first(),
        offer=accepted_offer(onboarding),
    )


def document_open(*, user: User, access: OnboardingAccess, task: Task) -> DocumentFile | None:
    """An uploaded document (None: nothing uploaded). A KTP, NPWP or family card shows full numbers, so it
    needs the permission; the others are HR's. Every download is logged."""
    if task.document in RESTRICTED_DOCUMENTS and not access.sees_financial_details:
        raise AccessDenied(
            _("This document shows full NIK or NPWP numbers: only people allowed may open it.")
        )
    if not (access.application.job.is_hr_owner or access.sees_financial_details):
        raise AccessDenied(_("Only HR opens the new employee's documents."))
    upload = DocumentFile.objects.filter(task=task).first()
    if upload is not None:
        with transaction.atomic():
            audit_record(
                actor=user,
                action="onboarding.document_downloaded",
                subject=task.onboarding,
                changes={"document": task.document},
            )
    return upload


def record_export(*, user: User, access: OnboardingAccess, onboarding: Onboarding, fmt: str) -> bytes:
    """The new employee's record as JSON or CSV (records.py), to HR holding the permission; logged."""
    if fmt not in FORMATS:
        raise DomainError(_("Choose JSON or CSV."), code="format")
    if not access.can_export:
        raise AccessDenied(
            _("Only the job's HR, allowed to see bank and salary data, can export the new employee's record.")
        )
    record = employee_record(onboarding)
    with transaction.atomic():
        audit_record(actor=user, action="onboarding.exported", subject=onboarding, changes={"format": fmt})
    if fmt == "csv":
        return record_csv(record)
    return json.dumps(record, ensure_ascii=False, indent=2).encode()
