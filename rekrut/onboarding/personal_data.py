"""What onboarding holds about a person (bank data is specific data, UU PDP Ps 4), for "download my data"
and erasure (Ps 43): what they gave (identity numbers, address, bank account) and the documents they
uploaded. Erasure blanks those and deletes the files; the checklist's items and dates stay."""

from typing import Any

from rekrut.candidates.hooks import Person
from rekrut.onboarding.models import DocumentFile, EmployeeDetails, FinancialDetails, Onboarding, Task

EMPLOYEE_FIELDS = ("sex", "address", "nik", "npwp", "bpjs_kesehatan", "bpjs_ketenagakerjaan")
FINANCIAL_FIELDS = ("bank", "account_number", "account_holder")


def onboarding_collect(person: Person) -> tuple[str, Any]:
    onboardings = Onboarding.objects.filter(
        application__candidate_id__in=person.candidate_ids
    ).select_related("application__job")
    data = []
    for onboarding in onboardings:
        employee = EmployeeDetails.objects.filter(onboarding=onboarding).first()
        financial = FinancialDetails.objects.filter(onboarding=onboarding).first()
        uploads = DocumentFile.objects.filter(task__onboarding=onboarding).select_related("task")
        data.append(
            {
                "job": onboarding.application.job.title,
                "start_date": onboarding.start_date.isoformat() if onboarding.start_date else None,
                "your_details": {
                    **{name: getattr(employee, name) for name in EMPLOYEE_FIELDS},
                    "birth_date": employee.birth_date.isoformat() if employee.birth_date else None,
                }
                if employee
                else None,
                "bank_account": {name: getattr(financial, name) for name in FINANCIAL_FIELDS}
                if financial
                else None,
                "documents": [
                    {
                        "item": upload.task.name,
                        "kind": upload.file_kind,
                        "uploaded_at": upload.uploaded_at.isoformat(),
                    }
                    for upload in uploads
                ],
            }
        )
    return ("onboarding", data)


def onboarding_erase(person: Person) -> None:
    onboardings = Onboarding.objects.filter(application__candidate_id__in=person.candidate_ids)
    EmployeeDetails.objects.filter(onboarding__in=onboardings).update(
        birth_date=None, **dict.fromkeys(EMPLOYEE_FIELDS, "")
    )
    FinancialDetails.objects.filter(onboarding__in=onboardings).update(**dict.fromkeys(FINANCIAL_FIELDS, ""))
    uploads = DocumentFile.objects.filter(task__in=Task.objects.filter(onboarding__in=onboardings))
    for upload in uploads:
        if upload.file:
            person.file_forget(upload.file.storage, upload.file.name)
    uploads.update(file="")
