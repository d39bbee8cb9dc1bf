"""The new employee's record as an HR/payroll system (Talenta, GajiHub and the like) imports it: one shape
for the JSON download, the CSV download, the API and the `employee.hired` webhook. README, "Onboarding",
documents it; tests/onboarding/test_records.py holds it to that.

Everything comes from what Rekrut already holds: the candidate (name, phone, e-mail), what the new
employee gave through their link (NIK, NPWP, birth date, sex, address, BPJS and bank numbers) and the
accepted offer (position, department, location, start, PKWT/PKWTT, pay); without an accepted offer, the
job's. It carries specific personal data (P2): only the services that check the permission and write the
audit row build it.
"""

from collections.abc import Sequence
from typing import Any

from rekrut.core.exports import Cell, csv_export
from rekrut.offers.models import AllowanceKind, Offer, OfferStatus
from rekrut.onboarding.banks import bank_name
from rekrut.onboarding.models import EmployeeDetails, FinancialDetails, Onboarding

SCHEMA = "rekrut.employee/1"

CSV_COLUMNS: Sequence[str] = (
    "employee_ref",
    "full_name",
    "nik",
    "npwp",
    "birth_date",
    "sex",
    "address",
    "phone",
    "email",
    "position",
    "department",
    "location",
    "start_date",
    "employment_status",
    "end_date",
    "base_salary",
    "fixed_allowances",
    "variable_allowances",
    "allowances",
    "bpjs_kesehatan",
    "bpjs_ketenagakerjaan",
    "bank_code",
    "bank_name",
    "bank_account_number",
    "bank_account_holder",
)


def accepted_offer(onboarding: Onboarding) -> Offer | None:
    """The offer the candidate accepted (the latest version, if ever there were two)."""
    return (
        Offer.objects.filter(application_id=onboarding.application_id, status=OfferStatus.ACCEPTED)
        .select_related("department", "work_location")
        .prefetch_related("allowances")
        .order_by("-version")
        .first()
    )


def _or_none(value: object) -> Any:
    return value if value not in ("", None) else None


def employee_record(onboarding: Onboarding) -> dict[str, Any]:
    """The record, JSON-ready. Values nobody gave are null; amounts are whole rupiah per month."""
    application = onboarding.application
    candidate, job = application.candidate, application.job
    employee = EmployeeDetails.objects.filter(onboarding=onboarding).first() or EmployeeDetails()
    bank = FinancialDetails.objects.filter(onboarding=onboarding).first()
    offer = accepted_offer(onboarding)
    allowances = [
        {"name": a.name, "kind": a.kind, "amount": a.amount}
        for a in (offer.allowances.all() if offer else [])
    ]
    status = (offer.employment_type if offer else job.employment_type).upper()
    return {
        "schema": SCHEMA,
        "employee_ref": f"rekrut-{application.pk}",
        "employee": {
            "full_name": candidate.full_name,
            "nik": _or_none(employee.nik),
            "npwp": _or_none(employee.npwp),
            "birth_date": employee.birth_date.isoformat() if employee.birth_date else None,
            "sex": _or_none(employee.sex),
            "address": _or_none(employee.address),
            "phone": _or_none(candidate.phone),
            "email": _or_none(candidate.email),
        },
        "employment": {
            "position": offer.position if offer else job.title,
            "department": (offer.department if offer else job.department).name,
            "location": (offer.work_location if offer else job.location).name,
            "start_date": onboarding.start_date.isoformat(),
            "status": status,
            "end_date": offer.end_date.isoformat() if offer and offer.end_date else None,
            "probation_months": offer.probation_months if offer else None,
        },
        "pay": {
            "currency": "IDR",
            "base_salary": offer.base_salary if offer else None,
            "allowances": allowances,
        },
        "bpjs": {
            "kesehatan": _or_none(employee.bpjs_kesehatan),
            "ketenagakerjaan": _or_none(employee.bpjs_ketenagakerjaan),
        },
        "bank": {
            "code": bank.bank,
            "name": bank_name(bank.bank),
            "account_number": bank.account_number,
            "account_holder": bank.account_holder,
        }
        if bank
        else None,
        "handed_off_at": onboarding.handed_off_at.isoformat() if onboarding.handed_off_at else None,
    }


def _sum(allowances: list[dict[str, Any]], kind: str) -> int:
    return sum(a["amount"] for a in allowances if a["kind"] == kind)


def record_row(record: dict[str, Any]) -> list[Cell]:
    """The record as one CSV row, in CSV_COLUMNS' order."""
    person, work, pay, bpjs = record["employee"], record["employment"], record["pay"], record["bpjs"]
    bank = record["bank"] or {}
    allowances = pay["allowances"]
    return [
        record["employee_ref"],
        person["full_name"],
        person["nik"],
        person["npwp"],
        person["birth_date"],
        person["sex"],
        person["address"],
        person["phone"],
        person["email"],
        work["position"],
        work["department"],
        work["location"],
        work["start_date"],
        work["status"],
        work["end_date"],
        pay["base_salary"],
        _sum(allowances, AllowanceKind.FIXED),
        _sum(allowances, AllowanceKind.VARIABLE),
        "; ".join(f"{a['name']}={a['amount']}" for a in allowances),
        bpjs["kesehatan"],
        bpjs["ketenagakerjaan"],
        bank.get("code"),
        bank.get("name"),
        bank.get("account_number"),
        bank.get("account_holder"),
    ]


def record_csv(record: dict[str, Any]) -> bytes:
    """One header row and one record row (core's csv_export: formula-safe, UTF-8 with a byte-order mark).
    Numbers are written as their digits; a payroll importer reads these columns as text, so an NPWP's
    leading 0 stays."""
    return csv_export(headers=CSV_COLUMNS, rows=[record_row(record)])
