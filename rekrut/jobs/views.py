from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from rekrut.accounts.http import AuthedRequest
from rekrut.core.actions import carry_out
from rekrut.jobs import hooks, requirements, selectors, services
from rekrut.jobs.access import job_access_get
from rekrut.jobs.ad_check import ad_warnings
from rekrut.jobs.forms import JobForm, RequirementsForm, StageFormSet


@login_required
def job_create(request: AuthedRequest) -> HttpResponse:
    if not request.user.is_hr:
        raise PermissionDenied
    form = JobForm(request.POST or None, initial={"hr_owner": request.user})
    if request.method == "POST" and form.is_valid():
        job = carry_out(
            request,
            lambda: services.job_create(
                actor=request.user,
                team=form.team(),
                acknowledgements=form.acknowledgements(),
                **form.job_fields(),
            ),
            _("The job is saved. Its pipeline follows the company's default."),
            form=form,
        )
        if job is not None:
            return redirect("jobs:detail", job_id=job.pk)
    return render(request, "jobs/form.html", {"nav": "jobs", "form": form})


@login_required
def job_ad_check(request: AuthedRequest) -> HttpResponse:
    """HTMX: warnings for discriminatory requirements while HR types the ad."""
    texts = [request.POST.get(k, "") for k in ("title", "description", "requirements")]
    return render(request, "jobs/_ad_warnings.html", {"ad_warnings": ad_warnings(*texts)})


@login_required
def job_edit(request: AuthedRequest, job_id: int) -> HttpResponse:
    access = job_access_get(user=request.user, job_id=job_id)
    if not access.can_edit:
        raise PermissionDenied
    job = access.job
    form = JobForm(request.POST or None, instance=job)
    if request.method == "POST" and form.is_valid():
        saved = carry_out(
            request,
            lambda: services.job_update(
                actor=request.user,
                job=job,
                loaded_at=form.cleaned_data["loaded_at"],
                team=form.team(),
                acknowledgements=form.acknowledgements(),
                **form.job_fields(),
            ),
            _("The job is saved."),
            form=form,
        )
        if saved is not None:
            return redirect("jobs:detail", job_id=job.pk)
    return render(request, "jobs/form.html", {"nav": "jobs", "form": form, "job": job})


@login_required
def job_detail(request: AuthedRequest, job_id: int) -> HttpResponse:
    access = job_access_get(user=request.user, job_id=job_id)
    job = access.job
    return render(
        request,
        "jobs/detail.html",
        {
            "nav": "jobs",
            "job": job,
            "access": access,
            "team": job.team.select_related("user"),
            "stages": selectors.stages_of(job=job, active_only=False),
            "hired_count": sum(hooks.job_hired_count.run(job)),
            "can_edit": access.can_edit,
            "ad_acknowledgements": job.ad_acknowledgements.select_related("acknowledged_by"),
        },
    )


@login_required
def job_stages(request: AuthedRequest, job_id: int) -> HttpResponse:
    access = job_access_get(user=request.user, job_id=job_id)
    if not access.can_edit:
        raise PermissionDenied
    job = access.job
    initial = [
        {
            "id": s.pk,
            "name_id": s.name_id,
            "name_en": s.name_en,
            "kind": s.kind,
            "is_optional": s.is_optional,
            "is_active": s.is_active,
            "ORDER": s.position,
        }
        for s in selectors.stages_of(job=job, active_only=False)
    ]
    formset = StageFormSet(request.POST or None, initial=initial)
    if request.method == "POST" and formset.is_valid():
        rows = [f for f in formset.ordered_forms if f.cleaned_data and f.cleaned_data.get("name_id")]
        specs = [
            services.StageSpec(
                id=f.cleaned_data["id"],
                name_id=f.cleaned_data["name_id"],
                name_en=f.cleaned_data["name_en"],
                kind=f.cleaned_data["kind"],
                is_optional=f.cleaned_data["is_optional"],
                is_active=f.cleaned_data["is_active"],
            )
            for f in rows
        ]
        saved = carry_out(
            request,
            lambda: services.job_stages_configure(actor=request.user, job=job, stages=specs),
            _("The stages are saved."),
        )
        if saved is not None:
            return redirect("jobs:detail", job_id=job.pk)
    return render(request, "jobs/stages.html", {"nav": "jobs", "job": job, "formset": formset})


@login_required
def job_requirements(request: AuthedRequest, job_id: int) -> HttpResponse:
    """The job's structured requirements, which the ranking of its applications reads."""
    access = job_access_get(user=request.user, job_id=job_id)
    if not access.can_edit:
        raise PermissionDenied
    job = access.job
    current = requirements.job_requirements_of(job=job)
    form = RequirementsForm(request.POST or None, initial=RequirementsForm.initial_of(current))
    if request.method == "POST" and form.is_valid():
        saved = carry_out(
            request,
            lambda: requirements.job_requirements_set(actor=request.user, job=job, spec=form.spec()),
            _("The requirements are saved. The ranking of the applications follows them."),
            form=form,
        )
        if saved is not None:
            return redirect("jobs:detail", job_id=job.pk)
    return render(request, "jobs/requirements.html", {"nav": "jobs", "job": job, "form": form})
