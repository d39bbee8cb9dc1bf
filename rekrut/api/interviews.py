"""Interviews over the API: plans and kits, interviews, scorecards and decisions.

The same selectors and services as the pages: the independence rule (an interviewer reads the others'
scorecards only after submitting their own) holds here exactly as on the evaluation page.
"""

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Status
from ninja.pagination import paginate

from rekrut.accounts.models import User
from rekrut.api.auth import request_user
from rekrut.api.interview_schemas import (
    AmendIn,
    DecisionIn,
    DecisionOut,
    EvaluationOut,
    InterviewOut,
    KitAddIn,
    KitOut,
    QuestionOut,
    QuestionQuery,
    RoundIn,
    RoundOut,
    ScheduleIn,
    ScorecardIn,
    ScorecardOut,
)
from rekrut.api.pagination import Pages
from rekrut.api.schemas import ErrorOut, IdempotencyKey, ObjectId
from rekrut.core.errors import DomainError
from rekrut.interviews import kit
from rekrut.interviews.calendar import invitation_response
from rekrut.interviews.models import (
    Attribute,
    Decision,
    Interview,
    PlanRound,
    Question,
    Scorecard,
    ScorecardRating,
)
from rekrut.interviews.selectors.evaluation import evaluation_build
from rekrut.interviews.selectors.interviews import (
    application_get_for_interviews,
    interview_get,
    interviews_of_application,
)
from rekrut.interviews.selectors.plans import plan_round_get, plan_rounds, questions_in_bank
from rekrut.interviews.selectors.scorecards import salary_masked, scorecards_visible_to
from rekrut.interviews.services import decisions, interviews, plans, scorecards
from rekrut.interviews.services.interviews import Place
from rekrut.jobs.selectors import job_get
from rekrut.pipeline.selectors import reject_reasons

router = Router(tags=["interviews"])

READ_ERRORS = {404: ErrorOut}
WRITE_ERRORS = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}


def _users(ids: list[int]) -> list[User]:
    found = {u.pk: u for u in User.objects.filter(pk__in=ids)}
    if len(found) != len(set(ids)):
        raise DomainError(_("Choose interviewers from the list of users."), code="unknown_user")
    return [found[i] for i in dict.fromkeys(ids)]


def _kit(plan_round: PlanRound) -> dict:
    questions = [kq.question for kq in plan_round.kit.all()]
    return {
        "round": plan_round.pk,
        "requirements": plan_round.job.requirements,
        "minutes_per_question": kit.minutes_per_question(plan_round.duration_minutes, len(questions)),
        "questions": questions,
    }


@router.get(
    "/jobs/{job_id}/interview-plan", response={200: list[RoundOut], **READ_ERRORS}, summary="A job's rounds"
)
def plan_get(request: HttpRequest, job_id: ObjectId) -> list[PlanRound]:
    job = job_get(user=request_user(request), job_id=job_id)
    return plan_rounds(job=job)


@router.put(
    "/interview-rounds/{round_id}", response={200: RoundOut, **WRITE_ERRORS}, summary="Change a round"
)
def round_update(request: HttpRequest, round_id: ObjectId, payload: RoundIn) -> PlanRound:
    user = request_user(request)
    plan_round = plan_round_get(user=user, round_id=round_id)
    attributes = {a.code: a for a in Attribute.objects.filter(code__in=payload.attributes)}
    if len(attributes) != len(set(payload.attributes)):
        raise DomainError(_("Choose attributes from the library."), code="unknown_attribute")
    plans.plan_round_update(
        actor=user,
        plan_round=plan_round,
        round_type=payload.round_type,
        duration_minutes=payload.duration_minutes,
        interviewers=_users(payload.interviewers),
        attributes=[attributes[code] for code in dict.fromkeys(payload.attributes)],
        asks_salary_and_notice=payload.asks_salary_and_notice,
        asks_background=payload.asks_background,
    )
    return plan_round_get(user=user, round_id=round_id)


@router.get(
    "/interview-rounds/{round_id}/kit", response={200: KitOut, **READ_ERRORS}, summary="A round's kit"
)
def kit_get(request: HttpRequest, round_id: ObjectId) -> dict:
    return _kit(plan_round_get(user=request_user(request), round_id=round_id))


@router.post(
    "/interview-rounds/{round_id}/kit", response={200: KitOut, **WRITE_ERRORS}, summary="Add a question"
)
def kit_add(request: HttpRequest, round_id: ObjectId, payload: KitAddIn) -> dict:
    user = request_user(request)
    plan_round = plan_round_get(user=user, round_id=round_id)
    question = Question.objects.filter(pk=payload.question).first()
    if question is None:
        raise DomainError(_("Choose a question from the bank."), code="unknown_question")
    plans.kit_question_add(actor=user, plan_round=plan_round, question=question)
    return _kit(plan_round_get(user=user, round_id=round_id))


@router.delete(
    "/interview-rounds/{round_id}/kit/{question_id}",
    response={200: KitOut, **WRITE_ERRORS},
    summary="Remove a question from a kit",
)
def kit_remove(request: HttpRequest, round_id: ObjectId, question_id: ObjectId) -> dict:
    user = request_user(request)
    plans.kit_question_remove(
        actor=user, plan_round=plan_round_get(user=user, round_id=round_id), question_id=question_id
    )
    return _kit(plan_round_get(user=user, round_id=round_id))


@router.get("/interview-questions", response=list[QuestionOut], summary="The question bank")
@paginate(Pages)
def question_list(request: HttpRequest, query: Query[QuestionQuery]) -> QuerySet[Question]:
    request_user(request)
    return questions_in_bank(
        round_type=query.round_type or "", job_family=query.job_family or "", attribute_code=query.attribute
    )


@router.get(
    "/applications/{application_id}/interviews",
    response={200: list[InterviewOut], **READ_ERRORS},
    summary="An application's interviews",
)
def interview_list(request: HttpRequest, application_id: ObjectId) -> list[Interview]:
    application = application_get_for_interviews(user=request_user(request), application_id=application_id)
    return interviews_of_application(application=application)


@router.post(
    "/applications/{application_id}/interviews",
    response={201: InterviewOut, **WRITE_ERRORS},
    summary="Schedule an interview",
)
def interview_create(
    request: HttpRequest, application_id: ObjectId, payload: ScheduleIn, idempotency_key: IdempotencyKey
) -> Status:
    user = request_user(request)
    application = application_get_for_interviews(user=user, application_id=application_id)
    plan_round = PlanRound.objects.filter(pk=payload.round, job=application.job).first()
    if plan_round is None:
        raise DomainError(_("That round belongs to another job."), code="foreign_round")
    interview = interviews.interview_schedule(
        actor=user,
        application=application,
        plan_round=plan_round,
        starts_at=payload.starts_at,
        duration_minutes=payload.duration_minutes,
        interviewers=_users(payload.interviewers),
        place=Place(
            mode=payload.mode or "",
            location=payload.location,
            room=payload.room,
            meeting_url=payload.meeting_url,
        ),
        add_to_team=payload.add_to_team,
        idempotency_key=idempotency_key,
    )
    return Status(201, interview_get(user=user, interview_id=interview.pk))


@router.get("/interviews/{interview_id}", response={200: InterviewOut, **READ_ERRORS}, summary="An interview")
def interview_detail(request: HttpRequest, interview_id: ObjectId) -> Interview:
    return interview_get(user=request_user(request), interview_id=interview_id)


@router.get(
    "/interviews/{interview_id}/calendar.ics",
    response={200: None, **READ_ERRORS},
    summary="An interview's calendar invitation",
    description="The current invitation (iCalendar, RFC 5545): METHOD:REQUEST, or CANCEL once cancelled; "
    "the same UID for the interview's life and a SEQUENCE raised by each change.",
    openapi_extra={"responses": {200: {"content": {"text/calendar": {"schema": {"type": "string"}}}}}},
)
def interview_calendar(request: HttpRequest, interview_id: ObjectId) -> HttpResponse:
    return invitation_response(interview_get(user=request_user(request), interview_id=interview_id))


@router.get(
    "/applications/{application_id}/scorecards",
    response={200: list[ScorecardOut], **READ_ERRORS},
    summary="The scorecards the caller may read",
    description="Your own, and the others' submitted ones once you have submitted yours (HR sees all).",
)
def scorecard_list(request: HttpRequest, application_id: ObjectId) -> list[Scorecard]:
    user = request_user(request)
    application = application_get_for_interviews(user=user, application_id=application_id)
    readable = (
        scorecards_visible_to(user=user, application=application)
        .prefetch_related("ratings__attribute", "question_notes")
        .order_by("interview__starts_at", "pk")
    )
    return salary_masked(readable, user=user, application=application)


def _scorecard_call(request: HttpRequest, interview_id: int, action: str, payload: ScorecardIn) -> Scorecard:
    user = request_user(request)
    interview = interview_get(user=user, interview_id=interview_id)
    if action == "draft":
        scorecard = scorecards.scorecard_save_draft(
            actor=user, interview=interview, content=payload.content()
        )
    elif action == "submit":
        scorecard = scorecards.scorecard_submit(actor=user, interview=interview, content=payload.content())
    else:
        reason = payload.reason if isinstance(payload, AmendIn) else ""
        scorecard = scorecards.scorecard_amend(
            actor=user, interview=interview, content=payload.content(), reason=reason
        )
    # The answer as stored, its interviewer and each rating's attribute joined in (W3 of issue 16).
    return (
        Scorecard.objects.select_related("interviewer")
        .prefetch_related(
            Prefetch("ratings", queryset=ScorecardRating.objects.select_related("attribute")),
            "question_notes",
        )
        .get(pk=scorecard.pk)
    )


@router.put(
    "/interviews/{interview_id}/scorecard",
    response={200: ScorecardOut, **WRITE_ERRORS},
    summary="Save your scorecard as a draft",
)
def scorecard_draft(request: HttpRequest, interview_id: ObjectId, payload: ScorecardIn) -> Scorecard:
    return _scorecard_call(request, interview_id, "draft", payload)


@router.post(
    "/interviews/{interview_id}/scorecard/submit",
    response={200: ScorecardOut, **WRITE_ERRORS},
    summary="Submit your scorecard (locks it)",
)
def scorecard_submit(request: HttpRequest, interview_id: ObjectId, payload: ScorecardIn) -> Scorecard:
    return _scorecard_call(request, interview_id, "submit", payload)


@router.post(
    "/interviews/{interview_id}/scorecard/amend",
    response={200: ScorecardOut, **WRITE_ERRORS},
    summary="Amend your submitted scorecard, with a reason",
)
def scorecard_amend(request: HttpRequest, interview_id: ObjectId, payload: AmendIn) -> Scorecard:
    return _scorecard_call(request, interview_id, "amend", payload)


@router.get(
    "/applications/{application_id}/evaluation",
    response={200: EvaluationOut, **READ_ERRORS},
    summary="The internal evaluation and the policy's advice",
)
def evaluation_get(request: HttpRequest, application_id: ObjectId) -> dict:
    user = request_user(request)
    application = application_get_for_interviews(user=user, application_id=application_id)
    ev = evaluation_build(user=user, application=application)
    advice = ev.advice
    return {
        "sees_all": ev.sees_all,
        "rounds": [
            {
                "round": r.round.pk,
                "stage": r.round.stage,
                "scorecards": r.columns,
                "average": r.average,
                "recommendation": r.verdict,
                "pending": r.pending if ev.sees_all else [],
            }
            for r in ev.rounds
        ],
        "disagreements": ev.disagreements,
        "advice": {
            "outcome": str(advice.outcome),
            "to_stage": advice.to_stage_id,
            "reasons": [{"code": reason.code, "text": str(reason)} for reason in advice.reasons],
        }
        if advice
        else None,
        "missing": [str(m) for m in ev.missing] if ev.sees_all else [],
    }


@router.get(
    "/applications/{application_id}/decisions",
    response={200: list[DecisionOut], **READ_ERRORS},
    summary="An application's evaluation decisions",
)
def decision_list(request: HttpRequest, application_id: ObjectId) -> list[Decision]:
    user = request_user(request)
    application = application_get_for_interviews(user=user, application_id=application_id)
    return evaluation_build(user=user, application=application).decisions


@router.post(
    "/applications/{application_id}/decisions",
    response={201: DecisionOut, **WRITE_ERRORS},
    summary="Record the evaluation decision and carry it out",
)
def decision_create(
    request: HttpRequest, application_id: ObjectId, payload: DecisionIn, idempotency_key: IdempotencyKey
) -> Status:
    user = request_user(request)
    application = application_get_for_interviews(user=user, application_id=application_id)
    to_stage = None
    if payload.to_stage is not None:
        to_stage = application.job.stages.filter(pk=payload.to_stage).first()
        if to_stage is None:
            raise DomainError(_("This job has no such stage."), code="unknown_stage")
    reject_reason = None
    if payload.reject_reason is not None:
        reject_reason = reject_reasons().filter(pk=payload.reject_reason).first()
        if reject_reason is None:
            raise DomainError(_("Choose a reason from the list."), code="unknown_reason")
    decision = decisions.decision_record(
        actor=user,
        application=application,
        outcome=payload.outcome,
        reason=payload.reason,
        expected_version=payload.version,
        to_stage=to_stage,
        reject_reason=reject_reason,
        override=payload.override,
        override_reason=payload.override_reason,
        notify_candidate=payload.notify_candidate,
        idempotency_key=idempotency_key,
    )
    return Status(
        201,
        get_object_or_404(
            Decision.objects.select_related("from_stage", "to_stage", "decided_by"), pk=decision.pk
        ),
    )
