"""Reads of onboardings. None of them loads a bank account or a full number for display: those come only
through privacy.financial_details_open, which checks the permission and writes the audit row; NIK and
NPWP are handed to pages masked."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from rekrut.accounts.models import User
from rekrut.onboarding.access import OnboardingAccess, onboarding_access_get
from rekrut.onboarding.identity import masked
from rekrut.onboarding.models import ChecklistTemplate, EmployeeDetails, FinancialDetails, Onboarding, Task
from rekrut.pipeline.access import applications_visible_to


def onboarding_of(*, application_id: int) -> Onboarding | None:
    return (
        Onboarding.objects.select_related("template", "started_by", "handed_off_by")
        .filter(application_id=application_id)
        .first()
    )


def tasks_of(onboarding: Onboarding) -> list[Task]:
    return list(onboarding.tasks.select_related("done_by", "upload").order_by("due_date", "position", "pk"))


def is_overdue(task: Task, today: date | None = None) -> bool:
    return not task.is_done and task.due_date < (today or timezone.localdate())


@dataclass(frozen=True)
class EmployeeSummary:
    """What everyone who sees the application reads of the new employee's entries: numbers masked."""

    nik: str
    npwp: str
    bpjs_kesehatan: bool
    bpjs_ketenagakerjaan: bool
    has_bank: bool
    birth_date: date | None
    sex: str


def employee_summary(onboarding: Onboarding) -> EmployeeSummary:
    employee = EmployeeDetails.objects.filter(onboarding=onboarding).first() or EmployeeDetails()
    return EmployeeSummary(
        nik=masked(employee.nik),
        npwp=masked(employee.npwp),
        bpjs_kesehatan=bool(employee.bpjs_kesehatan),
        bpjs_ketenagakerjaan=bool(employee.bpjs_ketenagakerjaan),
        has_bank=FinancialDetails.objects.filter(onboarding=onboarding).exists(),
        birth_date=employee.birth_date,
        sex=employee.get_sex_display() if employee.sex else "",
    )


@dataclass(frozen=True)
class TaskAccess:
    task: Task
    access: OnboardingAccess


def task_get(*, user: User, task_id: int) -> TaskAccess:
    """An item with the user's access; a 404 when they may not see its application."""
    task = Task.objects.select_related("onboarding").filter(pk=task_id).first()
    if task is None:
        raise Http404
    access = onboarding_access_get(user=user, application_id=task.onboarding.application_id)
    task.onboarding.application = access.application.application
    return TaskAccess(task=task, access=access)


def onboarding_get(*, user: User, onboarding_id: int) -> tuple[Onboarding, OnboardingAccess]:
    onboarding = Onboarding.objects.filter(pk=onboarding_id).first()
    if onboarding is None:
        raise Http404
    access = onboarding_access_get(user=user, application_id=onboarding.application_id)
    onboarding.application = access.application.application
    return onboarding, access


def onboardings_for(*, user: User) -> QuerySet[Onboarding]:
    """The onboardings of the applications the user sees, with their progress counted (one query)."""
    today = timezone.localdate()
    return (
        Onboarding.objects.filter(application__in=applications_visible_to(user=user).values("pk"))
        .select_related("application__candidate", "application__job")
        .annotate(
            total=Count("tasks"),
            done=Count("tasks", filter=Q(tasks__done_at__isnull=False)),
            overdue=Count("tasks", filter=Q(tasks__done_at__isnull=True, tasks__due_date__lt=today)),
        )
        .order_by("handed_off_at", "start_date", "pk")
    )


def templates_in_use() -> QuerySet[ChecklistTemplate]:
    return ChecklistTemplate.objects.filter(is_active=True)
