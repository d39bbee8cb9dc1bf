"""An application's interviews (list and scheduling) and an interview's kit page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rekrut.accounts.http import AuthedRequest
from rekrut.core.actions import carry_out
from rekrut.interviews import kit
from rekrut.interviews.forms import CancelForm, RescheduleForm, ScheduleForm, TimesForm
from rekrut.interviews.models import Interview, PlanRound
from rekrut.interviews.selectors.interviews import (
    application_get_for_interviews,
    interview_get,
    interviews_of_application,
)
from rekrut.interviews.selectors.plans import plan_rounds, round_attributes
from rekrut.interviews.selectors.scorecards import application_is_visible_to
from rekrut.interviews.services import interviews as services
from rekrut.jobs.selectors import job_is_managed_by


def _round_to_schedule(request: AuthedRequest, rounds: list[PlanRound], stage_id: int) -> PlanRound | None:
    """The round asked for (?round=), else the round of the application's current stage, else the first."""
    wanted = request.GET.get("round", "")
    by_id = {str(r.pk): r for r in rounds}
    if wanted in by_id:
        return by_id[wanted]
    return next((r for r in rounds if r.stage_id == stage_id), rounds[0] if rounds else None)


@login_required
def application(request: AuthedRequest, application_id: int) -> HttpResponse:
    app = application_get_for_interviews(user=request.user, application_id=application_id)
    rounds = plan_rounds(job=app.job)
    can_schedule = job_is_managed_by(user=request.user, job=app.job)
    chosen = _round_to_schedule(request, rounds, app.stage_id)
    initial = {}
    if chosen is not None:
        initial = {
            "round": chosen,
            "duration_minutes": chosen.duration_minutes,
            "interviewers": list(chosen.interviewers.all()),
        }
    form = ScheduleForm(request.POST or None, rounds=rounds, initial=initial)
    if request.method == "POST":
        if not can_schedule:
            raise PermissionDenied
        if form.is_valid():
            d = form.cleaned_data
            interview = carry_out(
                request,
                lambda: services.interview_schedule(
                    actor=request.user,
                    application=app,
                    plan_round=d["round"],
                    starts_at=d["starts_at"],
                    duration_minutes=d["duration_minutes"],
                    interviewers=d["interviewers"],
                    location=d["location"],
                    add_to_team=d["add_to_team"],
                    idempotency_key=d["idempotency_key"],
                ),
                lambda done: (
                    _("The %(round)s is scheduled; the interviewers and the candidate are told by e-mail.")
                    % {"round": done.round.stage.name}
                ),
                form=form,
            )
            if interview is not None:
                return redirect("interviews:application", application_id=app.pk)
    return render(
        request,
        "interviews/application.html",
        {
            "nav": "candidates",
            "application": app,
            "interviews": interviews_of_application(application=app),
            "rounds": rounds,
            "form": form,
            "can_schedule": can_schedule and app.status == "active",
        },
    )


@login_required
def interview_kit(request: AuthedRequest, interview_id: int) -> HttpResponse:
    """The interviewer's kit: questions with what a strong answer shows, the job's key requirements, the
    candidate's CV at hand, and time guidance."""
    interview = interview_get(user=request.user, interview_id=interview_id)
    plan_round = plan_round_get_for(interview)
    questions = [kq.question for kq in plan_round.kit.all()]
    app = interview.application
    assigned = any(p.pk == request.user.pk for p in interview.interviewers.all())
    can_manage = job_is_managed_by(user=request.user, job=app.job)
    return render(
        request,
        "interviews/kit.html",
        {
            "nav": "candidates",
            "interview": interview,
            "application": app,
            "candidate": app.candidate,
            "job": app.job,
            "round": plan_round,
            "attributes": round_attributes(plan_round),
            "questions": questions,
            "minutes_per_question": kit.minutes_per_question(interview.duration_minutes, len(questions)),
            "assigned": assigned,
            "can_manage": can_manage,
            "can_see_candidate": application_is_visible_to(user=request.user, application=app),
            "times_form": TimesForm(
                initial={"started_at": interview.actual_started_at, "ended_at": interview.actual_ended_at}
            ),
            "cancel_form": CancelForm(),
            "reschedule_form": RescheduleForm(
                initial={
                    "starts_at": interview.starts_at,
                    "duration_minutes": interview.duration_minutes,
                    "location": interview.place,
                }
            ),
        },
    )


def plan_round_get_for(interview: Interview) -> PlanRound:
    # The interview's own round, with the kit and attributes prefetched as the plan pages read them.
    return (
        PlanRound.objects.select_related("stage", "job")
        .prefetch_related("round_attributes__attribute", "kit__question__attributes")
        .get(pk=interview.round_id)
    )


@login_required
@require_POST
def interview_times(request: AuthedRequest, interview_id: int) -> HttpResponse:
    interview = interview_get(user=request.user, interview_id=interview_id)
    form = TimesForm(request.POST)
    if form.is_valid():
        carry_out(
            request,
            lambda: services.interview_times_record(
                actor=request.user,
                interview=interview,
                started_at=form.cleaned_data["started_at"],
                ended_at=form.cleaned_data["ended_at"],
            ),
            _("The interview's times are recorded."),
        )
    else:
        # The page shows the form again only through a message: say which time is wrong and why.
        for field, errors in form.errors.items():
            text = " ".join(str(error) for error in errors)
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"{label}: {text}" if label else text)
    return redirect("interviews:kit", interview_id=interview.pk)


@login_required
@require_POST
def interview_reschedule(request: AuthedRequest, interview_id: int) -> HttpResponse:
    """A new time, length or place: everyone is told, and calendars move the one event."""
    interview = interview_get(user=request.user, interview_id=interview_id)
    form = RescheduleForm(request.POST)
    if form.is_valid():
        carry_out(
            request,
            lambda: services.interview_reschedule(
                actor=request.user,
                interview=interview,
                starts_at=form.cleaned_data["starts_at"],
                duration_minutes=form.cleaned_data["duration_minutes"],
                location=form.cleaned_data["location"],
            ),
            _("The interview is moved; the interviewers and the candidate are told."),
        )
    else:
        for error in form.errors.as_data().values():
            for message in error:
                messages.error(request, " ".join(message.messages))
    return redirect("interviews:kit", interview_id=interview.pk)


@login_required
@require_POST
def interview_cancel(request: AuthedRequest, interview_id: int) -> HttpResponse:
    interview = interview_get(user=request.user, interview_id=interview_id)
    form = CancelForm(request.POST)
    if form.is_valid():
        carry_out(
            request,
            lambda: services.interview_cancel(
                actor=request.user, interview=interview, reason=form.cleaned_data["reason"]
            ),
            _("The interview is cancelled."),
        )
    else:
        messages.error(request, _("Say why the interview is cancelled."))
    return redirect("interviews:application", application_id=interview.application_id)
