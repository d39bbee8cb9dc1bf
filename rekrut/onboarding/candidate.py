"""What the new employee gives through their link, without an account: their numbers (NIK L5, NPWP L6,
BPJS), birth date, sex and address, the bank account for their salary (specific data, P2) and scans or
photos of the documents asked for. Anything left empty stays as it was, so they can come back for the
rest; anything wrong refuses the whole submission with a message naming it, and nothing is saved.
"""

from dataclasses import dataclass, field
from datetime import date
from functools import partial

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from rekrut.core.errors import DomainError
from rekrut.core.uploads import UploadRejected, scan_check
from rekrut.events.actions import action_register
from rekrut.events.services import audit_record
from rekrut.onboarding.banks import account_check
from rekrut.onboarding.identity import digits_check, nik_check, npwp_check
from rekrut.onboarding.models import (
    FILE_DOCUMENTS,
    DocumentFile,
    DocumentKind,
    EmployeeDetails,
    FinancialDetails,
    Onboarding,
    Sex,
    Task,
)
from rekrut.onboarding.services import document_given

action_register("onboarding.details_given", _("New employee gave their details"))
action_register("onboarding.document_uploaded", _("New employee uploaded a document"))

# The documents whose item is done only with the scan or photo too (an NPWP number alone will do).
FILE_REQUIRED = FILE_DOCUMENTS - {DocumentKind.NPWP}
ADDRESS_MAX = 500
HOLDER_MAX = 120
# Practice, not a rule of law: the JKN card number has 13 digits, the BPJS Ketenagakerjaan (KPJ) one 11.
BPJS_KESEHATAN_DIGITS = 13
BPJS_KETENAGAKERJAAN_DIGITS = 11
EARLIEST_BIRTH = date(1940, 1, 1)
# A KTP scan, a diploma, a photo (core's scan_check), in the onboarding's words.
DOCUMENT_WRONG_TYPE = _("Upload the document as a PDF, or as a photo or scan (JPEG or PNG).")
DOCUMENT_TOO_LARGE = _("The file unpacks to far more than a document needs. Upload a smaller scan or photo.")


@dataclass
class EmployeeInput:
    """As typed; empty means "not now"."""

    nik: str = ""
    npwp: str = ""
    birth_date: date | None = None
    sex: str = ""
    address: str = ""
    bpjs_kesehatan: str = ""
    bpjs_ketenagakerjaan: str = ""
    bank: str = ""
    account_number: str = ""
    account_holder: str = ""


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


@dataclass
class Given:
    onboarding: Onboarding
    saved: list[str] = field(default_factory=list)
    warnings: list[StrOrPromise] = field(default_factory=list)


def _checked(entry: EmployeeInput) -> tuple[dict[str, object], dict[str, str] | None, list[StrOrPromise]]:
    """The values to save (only what was typed) and the bank account; refuses the first wrong value."""
    values: dict[str, object] = {}
    warnings: list[StrOrPromise] = []
    facts = nik_check(entry.nik) if entry.nik.strip() else None
    if facts is not None:
        values["nik"] = facts.number
    if entry.npwp.strip():
        values["npwp"] = npwp_check(entry.npwp)
    if entry.bpjs_kesehatan.strip():
        values["bpjs_kesehatan"] = digits_check(
            entry.bpjs_kesehatan,
            length=BPJS_KESEHATAN_DIGITS,
            message=_("A BPJS Kesehatan (JKN-KIS) card number has 13 digits."),
            code="bpjs_kesehatan",
        )
    if entry.bpjs_ketenagakerjaan.strip():
        values["bpjs_ketenagakerjaan"] = digits_check(
            entry.bpjs_ketenagakerjaan,
            length=BPJS_KETENAGAKERJAAN_DIGITS,
            message=_("A BPJS Ketenagakerjaan (KPJ) card number has 11 digits."),
            code="bpjs_ketenagakerjaan",
        )
    if entry.birth_date is not None:
        if not EARLIEST_BIRTH <= entry.birth_date <= timezone.localdate():
            raise DomainError(_("Enter your real date of birth."), code="birth_date")
        values["birth_date"] = entry.birth_date
    if entry.sex:
        if entry.sex not in Sex.values:
            raise DomainError(_("Choose male or female, as on your KTP."), code="sex")
        values["sex"] = entry.sex
    if entry.address.strip():
        if len(entry.address) > ADDRESS_MAX:
            raise DomainError(
                _("Keep the address to %(max)d characters.") % {"max": ADDRESS_MAX}, code="address_too_long"
            )
        values["address"] = entry.address.strip()
    if facts is not None:
        # L5: a NIK's birth date and sex that differ from what was typed is a warning, never a refusal.
        values.setdefault("birth_date", facts.birth_date)
        values.setdefault("sex", Sex.FEMALE if facts.is_female else Sex.MALE)
        if values["birth_date"] != facts.birth_date:
            warnings.append(_("The date of birth differs from the one in your NIK. Please check both."))
        if values["sex"] != (Sex.FEMALE if facts.is_female else Sex.MALE):
            warnings.append(_("The sex you chose differs from the one in your NIK. Please check both."))
    bank = None
    if any(value.strip() for value in (entry.bank, entry.account_number, entry.account_holder)):
        holder = " ".join(entry.account_holder.split())
        if not (entry.bank and entry.account_number.strip() and holder):
            raise DomainError(
                _(
                    "For your salary account, give the bank, the account number "
                    "and the account holder's name."
                ),
                code="bank_incomplete",
            )
        if len(holder) > HOLDER_MAX:
            raise DomainError(
                _("Keep the account holder's name to %(max)d characters.") % {"max": HOLDER_MAX},
                code="holder_too_long",
            )
        number = account_check(bank_code=entry.bank, number=entry.account_number)
        bank = {"bank": entry.bank, "account_number": number, "account_holder": holder}
    return values, bank, warnings


def _uploads_checked(tasks: dict[int, Task], uploads: dict[int, Upload]) -> dict[int, tuple[Upload, str]]:
    checked: dict[int, tuple[Upload, str]] = {}
    for task_id, upload in uploads.items():
        task = tasks.get(task_id)
        if task is None or task.document not in FILE_DOCUMENTS:
            raise DomainError(_("This document was not asked for."), code="not_asked")
        try:
            kind = scan_check(upload.data, wrong_type=DOCUMENT_WRONG_TYPE, too_large=DOCUMENT_TOO_LARGE)
            checked[task_id] = (upload, kind)
        except UploadRejected as rejected:
            raise DomainError(
                _("%(document)s: %(problem)s") % {"document": task.name, "problem": rejected.message},
                code=rejected.code,
            ) from None
    return checked


@transaction.atomic
def employee_details_give(
    *, onboarding: Onboarding, entry: EmployeeInput, uploads: dict[int, Upload] | None = None
) -> Given:
    """Saves what the new employee typed and uploaded, and ticks the document items now complete."""
    Onboarding.objects.select_for_update().filter(pk=onboarding.pk).values_list("pk", flat=True).get()
    locked = Onboarding.objects.select_related("application").get(pk=onboarding.pk)
    if locked.handed_off_at is not None:
        raise DomainError(
            _("Your details were already passed on to payroll. Contact HR to change anything."),
            code="handed_off",
        )
    tasks = {task.pk: task for task in locked.tasks.exclude(document="")}
    values, bank, warnings = _checked(entry)
    files = _uploads_checked(tasks, uploads or {})
    if not values and bank is None and not files:
        raise DomainError(_("Fill in at least one thing before you save."), code="nothing_given")
    given = Given(onboarding=locked, warnings=warnings)
    employee = EmployeeDetails.objects.filter(onboarding=locked).first() or EmployeeDetails(onboarding=locked)
    if values:
        for name, value in values.items():
            setattr(employee, name, value)
        employee.save()
        given.saved.extend(sorted(values))
    financial = FinancialDetails.objects.filter(onboarding=locked).first()
    if bank is not None:
        financial = financial or FinancialDetails(onboarding=locked)
        for name, value in bank.items():
            setattr(financial, name, value)
        financial.save()
        given.saved.append("bank")
    for task_id, (upload, kind) in files.items():
        document = DocumentFile.objects.filter(task_id=task_id).first() or DocumentFile(task_id=task_id)
        replaced = document.file.name if document.file else ""
        document.file_kind, document.size = kind, len(upload.data)
        document.file.save("document", ContentFile(upload.data), save=False)
        document.save()
        if replaced:
            # The replaced scan must not linger (P6), but only once the new one is saved for good.
            transaction.on_commit(partial(document.file.storage.delete, replaced))
        audit_record(
            actor=None,
            action="onboarding.document_uploaded",
            subject=locked,
            changes={"document": tasks[task_id].document},
        )
    uploaded = set(DocumentFile.objects.filter(task__onboarding=locked).values_list("task_id", flat=True))
    now = timezone.now()
    for task in tasks.values():
        complete = document_given(task, employee if employee.pk else None, financial) and (
            task.document not in FILE_REQUIRED or task.pk in uploaded
        )
        if complete and not task.is_done:
            task.done_at, task.done_by_candidate = now, True
            task.save(update_fields=["done_at", "done_by_candidate"])
    locked.version += 1
    locked.save(update_fields=["version"])
    if values or bank is not None:
        # Which fields, never their values: the log is read by people without the permission.
        audit_record(
            actor=None, action="onboarding.details_given", subject=locked, changes={"fields": given.saved}
        )
    return given
