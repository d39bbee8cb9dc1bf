"""An application's assessments over the API (read only): psikotes, skills tests, case studies with their
results, through the same access and selector as the assessments page.

A report and the assessor's note are never part of it, whatever the caller holds: for a psikotes they are
specific personal data (UU 27/2022 Ps 4, P2) read only on the page, each reading audited. Everyone who sees
the application reads the result and its one-line conclusion, as on the page.
"""

from decimal import Decimal

from django.http import HttpRequest
from ninja import Field, Router, Schema

from rekrut.api.auth import request_user
from rekrut.api.schemas import ErrorOut, ObjectId, UtcDateTime
from rekrut.assessments.models import (
    Assessment,
    AssessmentKind,
    AssessmentMode,
    AssessmentStatus,
    AssessmentType,
    Category,
    Delivery,
    Outcome,
    ResultShape,
    ResultSource,
)
from rekrut.assessments.selectors import assessments_of
from rekrut.pipeline.access import application_access_get

router = Router(tags=["assessments"])

READ_ERRORS = {403: ErrorOut, 404: ErrorOut}


def _number(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


class AssessmentTypeOut(Schema):
    id: int
    name: str = Field(description="In the request's language.")
    kind: AssessmentKind
    shape: ResultShape = Field(description="How its result is written: score, category or rubric (1–4).")
    delivery: Delivery
    max_score: float
    pass_mark: float | None
    details_restricted: bool = Field(description="Its report is specific data: never served by the API.")

    @staticmethod
    def resolve_max_score(kind: AssessmentType) -> float | None:
        return _number(kind.max_score)

    @staticmethod
    def resolve_pass_mark(kind: AssessmentType) -> float | None:
        return _number(kind.pass_mark)


class AssessmentOut(Schema):
    id: int
    application: int = Field(alias="application_id")
    type: AssessmentTypeOut = Field(alias="assessment_type")
    status: AssessmentStatus
    mode: AssessmentMode | None
    scheduled_at: UtcDateTime | None
    deadline: UtcDateTime | None
    invited_at: UtcDateTime | None
    score: float | None = Field(description="For a score-shaped type, on its scale up to max_score.")
    category: Category | None
    rubric_ratings: dict[str, int] = Field(description="For a rubric-shaped type: criterion key → 1–4.")
    outcome: Outcome | None = Field(description="Empty until a result is recorded.")
    conclusion: str = Field(description="The one line the hiring team reads; never the report's details.")
    result_source: ResultSource | None
    result_recorded_at: UtcDateTime | None
    reused_from: int | None = Field(
        alias="reused_from_id", description="The earlier assessment of the same person this result copies."
    )
    work_handed_in: bool = Field(description="The candidate handed in work (download it on the page).")
    cancel_reason: str
    version: int

    @staticmethod
    def resolve_mode(assessment: Assessment) -> str | None:
        return assessment.mode or None

    @staticmethod
    def resolve_score(assessment: Assessment) -> float | None:
        return _number(assessment.score)

    @staticmethod
    def resolve_category(assessment: Assessment) -> str | None:
        return assessment.category or None

    @staticmethod
    def resolve_outcome(assessment: Assessment) -> str | None:
        return assessment.outcome or None

    @staticmethod
    def resolve_result_source(assessment: Assessment) -> str | None:
        return assessment.result_source or None

    @staticmethod
    def resolve_work_handed_in(assessment: Assessment) -> bool:
        return bool(assessment.work_sample)


@router.get(
    "/applications/{application_id}/assessments",
    response={200: list[AssessmentOut], **READ_ERRORS},
    summary="An application's assessments and their results (never a report)",
)
def assessment_list(request: HttpRequest, application_id: ObjectId) -> list[Assessment]:
    access = application_access_get(user=request_user(request), application_id=application_id)
    return assessments_of(application_id=access.application.pk)
