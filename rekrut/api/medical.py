"""Medical check-ups over the API: an application's check-ups and recording a result, through the same
selectors and services as the MCU page. Without the explicit permission `medical.view_health_details` a
check-up reads as its conclusion only (D6; UU 27/2022 Ps 4, P2); with it, asking for one check-up also
returns the doctor's note, and that reading is written to the audit log like the page's."""

from django.http import HttpRequest
from ninja import Field, Router, Schema

from rekrut.api.auth import request_user
from rekrut.api.schemas import ErrorOut, ObjectId, UtcDateTime
from rekrut.core.limits import NOTE_TEXT
from rekrut.medical import selectors, services
from rekrut.medical.access import medical_access_get
from rekrut.medical.models import CheckStatus, Conclusion, MedicalCheck

router = Router(tags=["medical check-ups"])

READ_ERRORS = {403: ErrorOut, 404: ErrorOut}
WRITE_ERRORS = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}


class HealthDetailsOut(Schema):
    note: str
    has_report: bool = Field(description="The report itself is downloaded from the MCU page.")


class MedicalCheckOut(Schema):
    id: int
    application: int = Field(alias="application_id")
    provider: str
    package: str
    scheduled_at: UtcDateTime
    status: CheckStatus
    conclusion: Conclusion | None = Field(description="Empty until the result is recorded.")
    is_current: bool
    version: int = Field(description="Send it back with a result, so a concurrent change is detected.")
    details: HealthDetailsOut | None = Field(
        None, description="Only for one check-up, to callers holding medical.view_health_details (logged)."
    )

    @staticmethod
    def resolve_provider(check: MedicalCheck) -> str:
        return check.provider.name

    @staticmethod
    def resolve_package(check: MedicalCheck) -> str:
        return check.package.name

    @staticmethod
    def resolve_conclusion(check: MedicalCheck) -> str | None:
        return check.conclusion or None

    @staticmethod
    def resolve_details(check: MedicalCheck) -> dict | None:
        # Never the model's own `details` (the HealthDetails row): only what check_detail put there after
        # checking the permission and logging the reading.
        return getattr(check, "api_details", None)


class ResultIn(Schema):
    conclusion: Conclusion
    version: int = Field(ge=1)
    note: str | None = Field(
        None, max_length=NOTE_TEXT, description="Health data: only for callers holding the permission."
    )


@router.get(
    "/applications/{application_id}/medical-checks",
    response={200: list[MedicalCheckOut], **READ_ERRORS},
    summary="An application's medical check-ups (conclusions only)",
)
def check_list(request: HttpRequest, application_id: ObjectId) -> list[MedicalCheck]:
    access = medical_access_get(user=request_user(request), application_id=application_id)
    return selectors.checks_of(application_id=access.application.application.pk)


@router.get(
    "/medical-checks/{check_id}",
    response={200: MedicalCheckOut, **READ_ERRORS},
    summary="A medical check-up; with the permission, its note too (logged)",
)
def check_detail(request: HttpRequest, check_id: ObjectId) -> MedicalCheck:
    user = request_user(request)
    found = selectors.check_get(user=user, check_id=check_id)
    details = None
    if found.access.sees_health_details:
        health = services.health_details_open(user=user, access=found.access, check=found.check)
        details = {"note": health.note if health else "", "has_report": bool(health and health.report)}
    found.check.api_details = details  # type: ignore[attr-defined]
    return found.check


@router.post(
    "/medical-checks/{check_id}/result",
    response={200: MedicalCheckOut, **WRITE_ERRORS},
    summary="Record a medical check-up's conclusion",
)
def result_record(request: HttpRequest, check_id: ObjectId, payload: ResultIn) -> MedicalCheck:
    user = request_user(request)
    found = selectors.check_get(user=user, check_id=check_id)
    check = services.medical_result_record(
        actor=user,
        check=found.check,
        conclusion=payload.conclusion,
        expected_version=payload.version,
        note=payload.note,
    )
    return check
