"""The internal evaluation page and the decision taken on it."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rekrut.accounts.http import AuthedRequest
from rekrut.assessments.selectors import results_of
from rekrut.core.actions import carry_out
from rekrut.interviews.forms import DecisionForm
from rekrut.interviews.selectors.evaluation import evaluation_build
from rekrut.interviews.selectors.interviews import application_get_for_interviews
from rekrut.interviews.services import decisions
from rekrut.jobs.models import Stage
from rekrut.pipeline.models import Application


def _stages_ahead(application: Application) -> list[Stage]:
    return decisions.decision_targets(application=application)


def _render(
    request: AuthedRequest, application: Application, form: DecisionForm | None, status: int = 200
) -> HttpResponse:
    evaluation = evaluation_build(user=request.user, application=application)
    if form is None and evaluation.can_decide:
        advice = evaluation.advice
        form = DecisionForm(
            stages=_stages_ahead(application),
            initial={
                "version": application.version,
                "outcome": advice.outcome if advice else "",
                "to_stage": advice.to_stage_id if advice else None,
                "notify_candidate": True,
            },
        )
    return render(
        request,
        "interviews/evaluation.html",
        {
            "nav": "candidates",
            "application": application,
            "ev": evaluation,
            "form": form if evaluation.can_decide else None,
            # Psikotes, skills tests and case studies beside the scorecards (issue 11): the result and its
            # conclusion, which everyone who sees the application reads; never a restricted report.
            "assessment_results": results_of(application_id=application.pk),
        },
        status=status,
    )


@login_required
def evaluation(request: AuthedRequest, application_id: int) -> HttpResponse:
    application = application_get_for_interviews(user=request.user, application_id=application_id)
    return _render(request, application, None)


@login_required
@require_POST
def decide(request: AuthedRequest, application_id: int) -> HttpResponse:
    application = application_get_for_interviews(user=request.user, application_id=application_id)
    form = DecisionForm(request.POST, stages=_stages_ahead(application))
    if form.is_valid():
        d = form.cleaned_data
        decision = carry_out(
            request,
            lambda: decisions.decision_record(
                actor=request.user,
                application=application,
                outcome=d["outcome"],
                reason=d["reason"],
                expected_version=d["version"],
                to_stage=d["to_stage"],
                reject_reason=d["reject_reason"],
                override=d["override"],
                override_reason=d["override_reason"],
                notify_candidate=d["notify_candidate"],
                idempotency_key=d["idempotency_key"],
            ),
            lambda done: (
                _("The decision is recorded: %(outcome)s.") % {"outcome": done.get_outcome_display()}
            ),
            form=form,
        )
        if decision is not None:
            return redirect("interviews:evaluation", application_id=application.pk)
    application.refresh_from_db()
    return _render(request, application, form, status=400)
