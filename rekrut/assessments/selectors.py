"""Reads of assessments. None of them loads a report or a note: those come only through
services.reports.assessment_report_open, which checks the permission and writes the audit row."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from rekrut.accounts.models import User
from rekrut.assessments.access import AssessmentAccess, assessment_access_get
from rekrut.assessments.models import (
    Assessment,
    AssessmentRule,
    AssessmentStatus,
    AssessmentType,
    ResultImport,
)
from rekrut.jobs.models import Job


def assessments_of(*, application_id: int) -> list[Assessment]:
    """An application's assessments, oldest first (two queries whatever their number)."""
    return list(
        Assessment.objects.filter(application_id=application_id)
        .select_related("assessment_type", "result_recorded_by", "reused_from__application__job")
        .order_by("created_at", "pk")
    )


def results_of(*, application_id: int) -> list[Assessment]:
    """The results the evaluation page shows beside the scorecards: every assessment with an outcome."""
    return [a for a in assessments_of(application_id=application_id) if a.outcome]


def work_handed_in(*, application_id: int) -> list[Assessment]:
    """What the candidate handed in (case studies, work samples), for the interview kit."""
    return list(
        Assessment.objects.filter(application_id=application_id)
        .exclude(work_sample="")
        .exclude(status=AssessmentStatus.CANCELLED)
        .select_related("assessment_type")
        .order_by("work_submitted_at")
    )


@dataclass(frozen=True)
class Found:
    assessment: Assessment
    access: AssessmentAccess


def assessment_get(*, user: User, assessment_id: int) -> Found:
    """An assessment with the user's access; a 404 when they may not see its application."""
    assessment = Assessment.objects.select_related("assessment_type").filter(pk=assessment_id).first()
    if assessment is None:
        raise Http404
    access = assessment_access_get(user=user, application_id=assessment.application_id)
    assessment.application = access.application.application
    return Found(assessment=assessment, access=access)


def types_all() -> QuerySet[AssessmentType]:
    return AssessmentType.objects.order_by("-is_active", "name_id")


def types_in_use() -> QuerySet[AssessmentType]:
    return AssessmentType.objects.filter(is_active=True)


def rules_of(*, job: Job) -> list[AssessmentRule]:
    return list(AssessmentRule.objects.filter(job=job).select_related("assessment_type"))


def assessments_for_candidate(*, candidate_ids: list[int]) -> list[Assessment]:
    """What the portal lists to the candidate: their own assessments they were invited to (an assessment
    only assigned is HR's plan, not yet news), never a result's report or note."""
    return list(
        Assessment.objects.filter(application__candidate_id__in=candidate_ids)
        .filter(
            Q(status__in=[AssessmentStatus.INVITED, AssessmentStatus.SUBMITTED])
            | Q(status=AssessmentStatus.COMPLETED, invited_at__isnull=False)
        )
        .select_related("assessment_type", "application__job__location")
        .order_by("-invited_at", "-pk")
    )


def import_get(*, user: User, import_id: int) -> ResultImport:
    found = (
        ResultImport.objects.select_related("assessment_type").filter(pk=import_id, created_by=user).first()
    )
    if found is None:
        raise Http404
    return found
