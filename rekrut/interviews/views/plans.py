"""The job's interview plan: rounds, focus attributes, interviewers, kits, and the job's decision policy."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rekrut.accounts.http import AuthedRequest
from rekrut.core.actions import carry_out
from rekrut.core.errors import AccessDenied, DomainError
from rekrut.interviews import kit, policy
from rekrut.interviews.forms import KitAddForm, KitMoveForm, KitShareForm, PlanRoundForm, PolicyForm
from rekrut.interviews.models import PlanRound, Question
from rekrut.interviews.selectors.evaluation import policy_row_for, rules_of
from rekrut.interviews.selectors.plans import (
    plan_round_get,
    plan_rounds,
    round_attributes,
    round_questions,
)
from rekrut.interviews.services import decisions, plans
from rekrut.jobs.selectors import job_get, job_is_hr_owned_by


def _time_guidance(plan_round: PlanRound) -> int | None:
    return kit.minutes_per_question(plan_round.duration_minutes, len(plan_round.kit.all()))


@login_required
def plan(request: AuthedRequest, job_id: int) -> HttpResponse:
    job = job_get(user=request.user, job_id=job_id)
    rounds = plan_rounds(job=job)
    row = policy_row_for(job=job)
    return render(
        request,
        "interviews/plan.html",
        {
            "nav": "jobs",
            "job": job,
            "rounds": [(r, _time_guidance(r)) for r in rounds],
            "can_edit": job_is_hr_owned_by(user=request.user, job=job),
            "policy_row": row,
            "own_policy": row.job_id == job.pk,
            "policy_form": PolicyForm(initial=vars(rules_of(row))),
        },
    )


@login_required
def round_edit(request: AuthedRequest, round_id: int) -> HttpResponse:
    plan_round = plan_round_get(user=request.user, round_id=round_id)
    can_edit = job_is_hr_owned_by(user=request.user, job=plan_round.job)
    current = round_attributes(plan_round)
    form = PlanRoundForm(
        request.POST or None,
        initial={
            "round_type": plan_round.round_type,
            "duration_minutes": plan_round.duration_minutes,
            "interviewers": list(plan_round.interviewers.all()),
            "attributes": current,
            "asks_salary_and_notice": plan_round.asks_salary_and_notice,
            "asks_background": plan_round.asks_background,
        },
    )
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if form.is_valid():
            d = form.cleaned_data
            # Keep the order of attributes already in focus; new ones go last.
            chosen = sorted(
                d["attributes"], key=lambda a: (a not in current, current.index(a) if a in current else 0)
            )
            try:
                plans.plan_round_update(
                    actor=request.user,
                    plan_round=plan_round,
                    round_type=d["round_type"],
                    duration_minutes=d["duration_minutes"],
                    interviewers=d["interviewers"],
                    attributes=chosen,
                    asks_salary_and_notice=d["asks_salary_and_notice"],
                    asks_background=d["asks_background"],
                )
            except AccessDenied as denied:
                raise PermissionDenied(str(denied.message)) from None
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The round is saved."))
                return redirect("interviews:round_edit", round_id=plan_round.pk)
    in_kit = {q.pk for q in round_questions(plan_round)}
    addable = (
        Question.objects.filter(is_active=True, round_type=plan_round.round_type)
        .exclude(pk__in=in_kit)
        .order_by("job_family", "pk")
    )
    return render(
        request,
        "interviews/round_edit.html",
        {
            "nav": "jobs",
            "job": plan_round.job,
            "round": plan_round,
            "form": form,
            "can_edit": can_edit,
            "attributes": current,
            "kit": list(plan_round.kit.all()),
            "addable": addable,
            "minutes_per_question": _time_guidance(plan_round),
        },
    )


def _editable_round(request: AuthedRequest, round_id: int) -> PlanRound:
    plan_round = plan_round_get(user=request.user, round_id=round_id)
    if not job_is_hr_owned_by(user=request.user, job=plan_round.job):
        raise PermissionDenied
    return plan_round


def _back_to_kit(round_id: int) -> HttpResponse:
    response = redirect("interviews:round_edit", round_id=round_id)
    response["Location"] += "#kit"
    return response


@login_required
@require_POST
def kit_add(request: AuthedRequest, round_id: int) -> HttpResponse:
    plan_round = _editable_round(request, round_id)
    form = KitAddForm(request.POST)
    if form.is_valid():
        carry_out(
            request,
            lambda: plans.kit_question_add(
                actor=request.user, plan_round=plan_round, question=form.cleaned_data["question"]
            ),
            _("The question is added to the kit."),
        )
    else:
        messages.error(request, _("Choose a question from the bank."))
    return _back_to_kit(round_id)


@login_required
@require_POST
def kit_remove(request: AuthedRequest, round_id: int) -> HttpResponse:
    plan_round = _editable_round(request, round_id)
    form = KitMoveForm(request.POST)
    if form.is_valid():
        carry_out(
            request,
            lambda: plans.kit_question_remove(
                actor=request.user, plan_round=plan_round, question_id=form.cleaned_data["question"]
            ),
            _("The question is removed from the kit."),
        )
    return _back_to_kit(round_id)


@login_required
@require_POST
def kit_move(request: AuthedRequest, round_id: int) -> HttpResponse:
    plan_round = _editable_round(request, round_id)
    form = KitMoveForm(request.POST)
    if form.is_valid() and form.cleaned_data["offset"]:
        try:
            plans.kit_question_move(
                actor=request.user,
                plan_round=plan_round,
                question_id=form.cleaned_data["question"],
                offset=form.cleaned_data["offset"],
            )
        except AccessDenied as denied:
            raise PermissionDenied(str(denied.message)) from None
        except DomainError as error:
            messages.error(request, error.message)
    return _back_to_kit(round_id)


@login_required
@require_POST
def kit_share(request: AuthedRequest, round_id: int) -> HttpResponse:
    plan_round = _editable_round(request, round_id)
    form = KitShareForm(request.POST)
    if form.is_valid():
        shareable = form.cleaned_data["shareable"]
        carry_out(
            request,
            lambda: plans.kit_question_share(
                actor=request.user,
                plan_round=plan_round,
                question_id=form.cleaned_data["question"],
                shareable=shareable,
            ),
            _("Candidates will see this question in their prep pack.")
            if shareable
            else _("This question is no longer shown to candidates."),
        )
    return _back_to_kit(round_id)


@login_required
@require_POST
def kit_suggest(request: AuthedRequest, round_id: int) -> HttpResponse:
    plan_round = _editable_round(request, round_id)
    plans.kit_suggestions_apply(actor=request.user, plan_round=plan_round)
    messages.success(request, _("The kit now holds fresh suggestions from the question bank."))
    return _back_to_kit(round_id)


@login_required
@require_POST
def policy_edit(request: AuthedRequest, job_id: int) -> HttpResponse:
    job = job_get(user=request.user, job_id=job_id)
    if not job_is_hr_owned_by(user=request.user, job=job):
        raise PermissionDenied
    if request.POST.get("action") == "reset":
        decisions.decision_policy_reset(actor=request.user, job=job)
        messages.success(request, _("This job follows the company's decision policy again."))
        return redirect("interviews:plan", job_id=job.pk)
    form = PolicyForm(request.POST)
    if form.is_valid():
        carry_out(
            request,
            lambda: decisions.decision_policy_set(
                actor=request.user, job=job, rules=policy.Rules(**form.cleaned_data)
            ),
            _("This job's decision policy is saved."),
        )
    else:
        messages.error(request, _("Choose a weight from the list."))
    return redirect("interviews:plan", job_id=job.pk)
