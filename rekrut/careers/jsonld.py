"""schema.org JobPosting for a job page, as Google's job-posting rich results read it.

Required by Google: title, description (HTML), datePosted, hiringOrganization, jobLocation (or, for a job
done wholly from home, jobLocationType TELECOMMUTE with applicantLocationRequirements). Recommended:
validThrough, employmentType, baseSalary, identifier, directApply. Only what the job holds is stated: no
salary unless HR chose to show it, no closing day unless the job has one.
"""

import json
from datetime import datetime, time
from typing import Any

from django.template.defaultfilters import linebreaks_filter
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from rekrut.careers.models import Branding
from rekrut.core.site import absolute_url
from rekrut.jobs.models import EmploymentType, Job, WorkMode

# Google's employmentType values. A PKWT is fixed-term work, usually full-time: both are true of it.
EMPLOYMENT_TYPES: dict[str, str | list[str]] = {
    EmploymentType.PKWTT: "FULL_TIME",
    EmploymentType.PKWT: ["FULL_TIME", "TEMPORARY"],
    EmploymentType.INTERNSHIP: "INTERN",
    EmploymentType.FREELANCE: "CONTRACTOR",
}
COUNTRY = "ID"
COUNTRY_NAME = "Indonesia"


def description_html(job: Job) -> str:
    """The ad as HTML: the description's paragraphs, then the requirements under their heading."""
    parts: list[str] = (
        [linebreaks_filter(escape(job.description), autoescape=False)] if job.description.strip() else []
    )
    if job.requirements.strip():
        parts.append(f"<h3>{escape(_('Requirements'))}</h3>")
        parts.append(linebreaks_filter(escape(job.requirements), autoescape=False))
    return "\n".join(parts) or f"<p>{escape(job.title)}</p>"


def _postal_address(job: Job) -> dict[str, str]:
    location = job.location
    address = {
        "@type": "PostalAddress",
        "streetAddress": location.street_address,
        "addressLocality": location.city,
        "addressRegion": location.region,
        "postalCode": location.postal_code,
        "addressCountry": COUNTRY,
    }
    return {key: value for key, value in address.items() if value}


def _salary(job: Job) -> dict[str, Any] | None:
    if not job.show_salary or (job.salary_min is None and job.salary_max is None):
        return None
    value: dict[str, Any] = {"@type": "QuantitativeValue", "unitText": "MONTH"}
    if job.salary_min is not None and job.salary_max is not None and job.salary_min != job.salary_max:
        value.update(minValue=job.salary_min, maxValue=job.salary_max)
    else:
        value["value"] = job.salary_min if job.salary_min is not None else job.salary_max
    return {"@type": "MonetaryAmount", "currency": "IDR", "value": value}


def _date_posted(job: Job) -> str:
    posted = job.published_at or job.created_at
    return timezone.localtime(posted).date().isoformat()


def _valid_through(job: Job) -> str | None:
    if job.valid_through is None:
        return None
    # The end of the closing day in the company's time zone, with its offset (+07:00 for WIB).
    end = timezone.make_aware(datetime.combine(job.valid_through, time(23, 59, 59)))
    return end.isoformat()


def job_posting(job: Job, *, branding: Branding) -> dict[str, Any]:
    """The JobPosting object for `job` (see the module's docstring)."""
    organization: dict[str, Any] = {"@type": "Organization", "name": branding.name}
    if branding.website:
        organization["sameAs"] = branding.website
    if branding.logo:
        organization["logo"] = absolute_url("careers:logo")
    posting: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": job.title,
        "description": description_html(job),
        "datePosted": _date_posted(job),
        "hiringOrganization": organization,
        "employmentType": EMPLOYMENT_TYPES.get(job.employment_type, "OTHER"),
        "identifier": {"@type": "PropertyValue", "name": branding.name, "value": str(job.pk)},
        "directApply": True,
        "url": absolute_url("careers:job", job.pk),
    }
    if job.work_mode == WorkMode.REMOTE:
        posting["jobLocationType"] = "TELECOMMUTE"
        posting["applicantLocationRequirements"] = {"@type": "Country", "name": COUNTRY_NAME}
    else:
        posting["jobLocation"] = {"@type": "Place", "address": _postal_address(job)}
    if valid_through := _valid_through(job):
        posting["validThrough"] = valid_through
    if salary := _salary(job):
        posting["baseSalary"] = salary
    return posting


# What may not appear inside a <script> element's JSON (the same escapes as Django's json_script).
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def job_posting_script(job: Job, *, branding: Branding) -> SafeString:
    """The <script type="application/ld+json"> element for the job page; no text of the ad can close it."""
    data = json.dumps(job_posting(job, branding=branding), ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{data}</script>')  # noqa: S308 (escaped above)
