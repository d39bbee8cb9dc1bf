"""Onboarding over the API: an application's checklist, ticking an item, and the new employee's record,
through the same selectors and services as the onboarding page. NIK and NPWP read masked in the
checklist; the record (bank account, salary, full numbers: UU 27/2022 Ps 4, P2) is for callers holding
`onboarding.view_financial_details` on the job's HR, and every export is written to the audit log."""

import json
from datetime import date
from typing import Any

from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema

from rekrut.api.auth import request_user
from rekrut.api.schemas import ErrorOut, ObjectId, UtcDateTime
from rekrut.onboarding import privacy, selectors, services
from rekrut.onboarding.access import OnboardingAccess, onboarding_access_get
from rekrut.onboarding.models import DocumentKind, ItemKind, ItemOwner, Onboarding, Task

router = Router(tags=["onboarding"])

READ_ERRORS = {403: ErrorOut, 404: ErrorOut}
WRITE_ERRORS = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}


class TaskOut(Schema):
    id: int
    name: str = Field(description="In the request's language.")
    kind: ItemKind
    owner: ItemOwner
    due_date: date
    is_required: bool
    document: DocumentKind | None
    done: bool
    done_at: UtcDateTime | None
    overdue: bool

    @staticmethod
    def resolve_document(task: Task) -> str | None:
        return task.document or None

    @staticmethod
    def resolve_done(task: Task) -> bool:
        return task.is_done

    @staticmethod
    def resolve_overdue(task: Task) -> bool:
        return selectors.is_overdue(task)


class OnboardingOut(Schema):
    application: int
    start_date: date
    handed_off_at: UtcDateTime | None
    nik: str = Field(description="Masked, e.g. 3171********0001; empty until given.")
    npwp: str = Field(description="Masked; empty until given.")
    tasks: list[TaskOut]


class TickIn(Schema):
    done: bool = True


def _onboarding(request: HttpRequest, application_id: int) -> tuple[Onboarding, OnboardingAccess]:
    access = onboarding_access_get(user=request_user(request), application_id=application_id)
    onboarding = selectors.onboarding_of(application_id=access.application.application.pk)
    if onboarding is None:
        raise Http404
    onboarding.application = access.application.application
    return onboarding, access


@router.get(
    "/applications/{application_id}/onboarding",
    response={200: OnboardingOut, **READ_ERRORS},
    summary="An application's onboarding checklist (numbers masked)",
)
def onboarding_detail(request: HttpRequest, application_id: ObjectId) -> dict[str, Any]:
    onboarding, _access = _onboarding(request, application_id)
    summary = selectors.employee_summary(onboarding)
    return {
        "application": onboarding.application_id,
        "start_date": onboarding.start_date,
        "handed_off_at": onboarding.handed_off_at,
        "nik": summary.nik,
        "npwp": summary.npwp,
        "tasks": selectors.tasks_of(onboarding),
    }


@router.post(
    "/onboarding-tasks/{task_id}/done",
    response={200: TaskOut, **WRITE_ERRORS},
    summary="Tick an onboarding item done (or back to open with done: false)",
)
def task_tick(request: HttpRequest, task_id: ObjectId, payload: TickIn) -> Task:
    user = request_user(request)
    found = selectors.task_get(user=user, task_id=task_id)
    return services.task_tick(actor=user, task=found.task, done=payload.done)


@router.get(
    "/applications/{application_id}/employee-record",
    response={200: dict[str, Any], **READ_ERRORS, 400: ErrorOut},
    summary="The new employee's record for payroll (the documented shape; logged)",
)
def employee_record(request: HttpRequest, application_id: ObjectId) -> Any:
    onboarding, access = _onboarding(request, application_id)
    content = privacy.record_export(
        user=request_user(request), access=access, onboarding=onboarding, fmt="json"
    )
    return json.loads(content)
