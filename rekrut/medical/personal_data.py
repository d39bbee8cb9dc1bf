"""What medical check-ups hold about a person (specific data, UU PDP Ps 4), for "download my data" and
erasure (Ps 43): the candidate gets their appointments and conclusions; erasure removes the clinic's note
and report file and keeps the check-up's status and conclusion code for the reports."""

from typing import Any

from rekrut.candidates.hooks import Person
from rekrut.medical.models import HealthDetails, MedicalCheck


def checkups_collect(person: Person) -> tuple[str, Any]:
    checks = (
        MedicalCheck.objects.filter(application__candidate_id__in=person.candidate_ids)
        .select_related("application__job", "provider", "details")
        .order_by("scheduled_at", "pk")
    )
    return (
        "medical_checkups",
        [
            {
                "job": check.application.job.title,
                "clinic": check.provider.name,
                "appointment": check.scheduled_at.isoformat(),
                "status": str(check.get_status_display()),
                "conclusion": str(check.get_conclusion_display()) if check.conclusion else None,
                "report_file": getattr(getattr(check, "details", None), "report_name", "") or None,
            }
            for check in checks
        ],
    )


def checkups_erase(person: Person) -> None:
    checks = MedicalCheck.objects.filter(application__candidate_id__in=person.candidate_ids)
    for details in HealthDetails.objects.filter(check_up__in=checks):
        if details.report:
            person.file_forget(details.report.storage, details.report.name)
    HealthDetails.objects.filter(check_up__in=checks).update(note="", report="", report_name="")
    for check in checks.exclude(cancel_reason=""):
        if person.mentioned_in(check.cancel_reason):
            MedicalCheck.objects.filter(pk=check.pk).update(cancel_reason=person.scrub(check.cancel_reason))
