"""An application's interviews and an interview's kit page (scheduling and moving them: rekrut.scheduling)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from rekrut.accounts.http import AuthedRequest
from rekrut.assessments.selectors import work_handed_in
from rekrut.core.actions import carry_out
from rekrut.interviews import kit
from rekrut.interviews.forms import CancelForm, TimesForm
from rekrut.interviews.models import Interview, PlanRound
from rekrut.interviews.selectors.interviews import (
    application_get_for_interviews,
    interview_get,
    interviews_of_application,
)
from rekrut.interviews.selectors.plans import round_attributes
from rekrut.interviews.selectors.scorecards import application_is_visible_to
from rekrut.interviews.services import interviews as services
from rekrut.interviews.whatsapp import interview_whatsapp_url
from rekrut.jobs.selectors import job_is_managed_by


@login_required
@require_safe
def application(request: AuthedRequest, application_id: int) -> HttpResponse:
    """An application's interviews; scheduling one is the scheduling app's page (scheduling:schedule)."""
    app = application_get_for_interviews(user=request.user, application_id=application_id)
    can_schedule = job_is_managed_by(user=request.user, job=app.job)
    return render(
        request,
        "interviews/application.html",
        {
            "nav": "candidates",
            "application": app,
            "interviews": interviews_of_application(application=app),
            "can_schedule": can_schedule and app.status == "active",
            "can_manage": can_schedule,
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
            # A case study or work sample the candidate handed in before this interview (issue 11).
            "work_handed_in": work_handed_in(application_id=app.pk),
            "assigned": assigned,
            "can_manage": can_manage,
            # Only those who manage the interview chat with the candidate about it; none without a phone.
            "whatsapp_url": (
                interview_whatsapp_url(interview) if can_manage and not interview.is_cancelled else ""
            ),
            "can_see_candidate": application_is_visible_to(user=request.user, application=app),
            "times_form": TimesForm(
                initial={"started_at": interview.actual_started_at, "ended_at": interview.actual_ended_at}
            ),
            "cancel_form": CancelForm(),
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
