"""Applications: list, detail with history, and the move, move-back and reject actions of the board.

Moves and rejections go through pipeline.services, exactly as the board's buttons do, so the same rules,
history rows and candidate e-mails follow: a move the decision policy blocks is refused (400, code
"exit_blocked") unless HR sends an override reason.
"""

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from rekrut.api.auth import request_user
from rekrut.api.pagination import Pages
from rekrut.api.schemas import (
    ApplicationDetailOut,
    ApplicationOut,
    ErrorOut,
    MoveBackIn,
    MoveIn,
    ObjectId,
    RefOut,
    RejectIn,
)
from rekrut.core.errors import DomainError
from rekrut.pipeline import services
from rekrut.pipeline.access import application_get, applications_visible_to
from rekrut.pipeline.models import Application, RejectReason
from rekrut.pipeline.selectors import reject_reasons
from rekrut.pipeline.transitions import ApplicationStatus

router = Router(tags=["applications"])

ACTION_ERRORS = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}


class ApplicationQuery(Schema):
    job: ObjectId | None = None
    stage: ObjectId | None = None
    status: ApplicationStatus | None = None


@router.get("/applications", response=list[ApplicationOut], summary="Applications the caller may see")
@paginate(Pages)
def application_list(request: HttpRequest, query: Query[ApplicationQuery]) -> QuerySet[Application]:
    applications = applications_visible_to(user=request_user(request))
    if query.job:
        applications = applications.filter(job_id=query.job)
    if query.stage:
        applications = applications.filter(stage_id=query.stage)
    if query.status:
        applications = applications.filter(status=query.status)
    return applications.order_by("-applied_at", "-pk")


@router.get(
    "/applications/{application_id}",
    response={200: ApplicationDetailOut, 404: ErrorOut},
    summary="An application with its history",
)
def application_detail(request: HttpRequest, application_id: ObjectId) -> Application:
    return application_get(user=request_user(request), application_id=application_id)


@router.post(
    "/applications/{application_id}/move",
    response={200: ApplicationDetailOut, **ACTION_ERRORS},
    summary="Move an application forward",
)
def application_move(request: HttpRequest, application_id: ObjectId, payload: MoveIn) -> Application:
    user = request_user(request)
    application = application_get(user=user, application_id=application_id)
    to_stage = application.job.stages.filter(pk=payload.to_stage).first()
    if to_stage is None:
        raise DomainError(_("This job has no such stage."), code="unknown_stage")
    override_reason = payload.override_reason.strip()
    return services.application_move(
        application=application,
        to_stage=to_stage,
        actor=user,
        expected_version=payload.version,
        note=payload.note,
        override=bool(override_reason),
        override_reason=override_reason,
    )


@router.post(
    "/applications/{application_id}/move-back",
    response={200: ApplicationDetailOut, **ACTION_ERRORS},
    summary="Move an application back one stage (HR, with a reason)",
)
def application_move_back(request: HttpRequest, application_id: ObjectId, payload: MoveBackIn) -> Application:
    user = request_user(request)
    application = application_get(user=user, application_id=application_id)
    return services.application_move_back(
        application=application, actor=user, expected_version=payload.version, reason=payload.reason
    )


@router.post(
    "/applications/{application_id}/reject",
    response={200: ApplicationDetailOut, **ACTION_ERRORS},
    summary="Reject an application with a reason",
)
def application_reject(request: HttpRequest, application_id: ObjectId, payload: RejectIn) -> Application:
    user = request_user(request)
    application = application_get(user=user, application_id=application_id)
    reason = reject_reasons().filter(pk=payload.reason).first()
    if reason is None:
        raise DomainError(_("Choose a reason from the list."), code="unknown_reason")
    return services.application_reject(
        application=application,
        reason=reason,
        actor=user,
        expected_version=payload.version,
        note=payload.note,
        notify_candidate=payload.notify_candidate,
    )


@router.get("/reject-reasons", response=list[RefOut], summary="Reasons an application can be rejected for")
def reject_reason_list(request: HttpRequest) -> QuerySet[RejectReason]:
    return reject_reasons()
