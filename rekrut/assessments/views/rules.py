"""A job's decision rules on assessment results: the team reads them, the job's HR owner changes them."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rekrut.accounts.http import AuthedRequest
from rekrut.assessments.forms import RULE_STAGE_KINDS, RuleForm
from rekrut.assessments.models import AssessmentRule
from rekrut.assessments.selectors import rules_of
from rekrut.assessments.services import rules as services
from rekrut.core.actions import carry_out
from rekrut.jobs.access import job_access_get


def _kinds(job: object) -> list[tuple[str, str]]:
    stages = job.stages.filter(is_active=True, kind__in=RULE_STAGE_KINDS).order_by("position")  # type: ignore[attr-defined]
    seen: dict[str, str] = {}
    for stage in stages:
        seen.setdefault(stage.kind, f"{stage.name} ({stage.get_kind_display()})")
    return list(seen.items())


@login_required
def job_rules(request: AuthedRequest, job_id: int) -> HttpResponse:
    access = job_access_get(user=request.user, job_id=job_id)
    job = access.job
    form = RuleForm(request.POST or None, kinds=_kinds(job))
    if request.method == "POST":
        if not access.is_hr_owner:
            raise PermissionDenied
        if form.is_valid():
            d = form.cleaned_data
            done = carry_out(
                request,
                lambda: services.assessment_rule_add(
                    actor=request.user,
                    job=job,
                    assessment_type=d["assessment_type"],
                    blocking_outcome=d["blocking_outcome"],
                    stage_kind=d["stage_kind"],
                ),
                _("The rule is added. HR can still move an application on past it, giving a reason."),
                form=form,
            )
            if done is not None:
                return redirect("assessments:rules", job_id=job.pk)
    return render(
        request,
        "assessments/rules.html",
        {"nav": "jobs", "job": job, "access": access, "rules": rules_of(job=job), "form": form},
    )


@login_required
@require_POST
def rule_remove(request: AuthedRequest, rule_id: int) -> HttpResponse:
    rule = get_object_or_404(AssessmentRule.objects.select_related("job", "assessment_type"), pk=rule_id)
    access = job_access_get(user=request.user, job_id=rule.job_id)
    if not access.is_hr_owner:
        raise PermissionDenied
    carry_out(
        request,
        lambda: services.assessment_rule_remove(actor=request.user, rule=rule),
        _("The rule is removed."),
    )
    return redirect("assessments:rules", job_id=rule.job_id)
