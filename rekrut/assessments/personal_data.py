"""What assessments hold about a person, for "download my data" and erasure (UU 27/2022 Ps 43).

The candidate gets their assessments: what, when, the outcome and conclusion, and the names of the files
they handed in. A restricted report's content is specific data the candidate may ask HR for, but its file
is the provider's document: it is named, not copied. Erasure deletes the report files, the notes and the
work handed in, and keeps each assessment's type, status and outcome code for the reports.
"""

from typing import Any

from rekrut.assessments.models import Assessment, AssessmentReport
from rekrut.candidates.hooks import Person


def assessments_collect(person: Person) -> tuple[str, Any]:
    rows = (
        Assessment.objects.filter(application__candidate_id__in=person.candidate_ids)
        .select_related("application__job", "assessment_type")
        .order_by("created_at", "pk")
    )
    return (
        "assessments",
        [
            {
                "job": row.application.job.title,
                "assessment": row.assessment_type.name,
                "status": str(row.get_status_display()),
                "time": row.scheduled_at.isoformat() if row.scheduled_at else None,
                "deadline": row.deadline.isoformat() if row.deadline else None,
                "outcome": str(row.get_outcome_display()) if row.outcome else None,
                "conclusion": row.conclusion or None,
                "work_handed_in": row.work_sample_name or None,
                "handed_in_at": row.work_submitted_at.isoformat() if row.work_submitted_at else None,
            }
            for row in rows
        ],
    )


def assessments_erase(person: Person) -> None:
    rows = Assessment.objects.filter(application__candidate_id__in=person.candidate_ids)
    for report in AssessmentReport.objects.filter(assessment__in=rows).exclude(report=""):
        person.file_forget(report.report.storage, report.report.name)
    AssessmentReport.objects.filter(assessment__in=rows).update(
        note="", report="", report_name="", report_kind="", report_size=0
    )
    for row in rows.exclude(work_sample=""):
        person.file_forget(row.work_sample.storage, row.work_sample.name)
    rows.exclude(work_sample="").update(
        work_sample="", work_sample_name="", work_sample_kind="", work_sample_size=0
    )
    for row in rows.exclude(conclusion="", cancel_reason="", note_to_candidate=""):
        Assessment.objects.filter(pk=row.pk).update(
            conclusion=person.scrub(row.conclusion),
            cancel_reason=person.scrub(row.cancel_reason),
            note_to_candidate=person.scrub(row.note_to_candidate),
        )
