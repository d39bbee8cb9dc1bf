"""Reads for the public careers site. Only published jobs: open, and not past their closing day."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from rekrut.careers.models import Branding
from rekrut.core.company import CompanyProfile
from rekrut.jobs.models import Department, Job, JobStatus, Location

PAGE_SIZE = 20


@dataclass(frozen=True)
class JobFilters:
    query: str = ""
    department: int | None = None
    location: int | None = None
    work_mode: str = ""
    employment_type: str = ""


def jobs_published() -> QuerySet[Job]:
    """Every job the careers site shows: open, and still taking applications today (company time zone)."""
    today = timezone.localdate()
    return (
        Job.objects.filter(status=JobStatus.OPEN)
        .filter(Q(valid_through__isnull=True) | Q(valid_through__gte=today))
        .select_related("department", "location")
    )


def jobs_published_search(filters: JobFilters) -> QuerySet[Job]:
    jobs = jobs_published()
    for word in filters.query.split()[:8]:
        jobs = jobs.filter(
            Q(title__icontains=word)
            | Q(department__name__icontains=word)
            | Q(location__city__icontains=word)
            | Q(description__icontains=word)
        )
    if filters.department:
        jobs = jobs.filter(department_id=filters.department)
    if filters.location:
        jobs = jobs.filter(location_id=filters.location)
    if filters.work_mode:
        jobs = jobs.filter(work_mode=filters.work_mode)
    if filters.employment_type:
        jobs = jobs.filter(employment_type=filters.employment_type)
    return jobs.order_by("-published_at", "-pk")


def filter_choices() -> tuple[list[Department], list[Location]]:
    """Only the departments and locations that have a published job: a filter never leads to nothing."""
    published = jobs_published()
    departments = list(Department.objects.filter(pk__in=published.values("department_id")).order_by("name"))
    locations = list(Location.objects.filter(pk__in=published.values("location_id")).order_by("name"))
    return departments, locations


def job_public_get(job_id: int) -> Job | None:
    """A job as the public may see it: any job that was ever published (a closed one answers 410), None for
    one that never was (a draft stays unknown: 404)."""
    return (
        Job.objects.select_related("department", "location")
        .filter(pk=job_id)
        .exclude(published_at__isnull=True)
        .first()
    )


def job_is_published(job: Job) -> bool:
    return jobs_published().filter(pk=job.pk).exists()


def company_profile_of() -> CompanyProfile:
    """The careers site's words about the company, for pages of other apps (core.company)."""
    branding = branding_get()
    return CompanyProfile(
        name=branding.name,
        about=branding.about,
        website=branding.website,
        contact_email=branding.contact_email,
    )


def branding_get() -> Branding:
    """The branding row, or an unsaved default one before HR admins set it."""
    branding = Branding.objects.filter(pk=1).first() or Branding(pk=1)
    if not branding.name:
        branding.name = settings.COMPANY_NAME
    return branding
