"""The assessment messages HR may reword (notifications.purposes): the candidate's invitation and its
cancellation."""

from datetime import UTC, datetime

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rekrut.assessments.services.assessments import CANCELLED_TEMPLATE, INVITED_TEMPLATE
from rekrut.core.localization import local_datetime
from rekrut.notifications.purposes import Purpose, purpose_register

_VARIABLES = {
    "candidate_name": gettext_lazy("the candidate's full name"),
    "job_title": gettext_lazy("the job's title"),
    "company_name": gettext_lazy("the company's name"),
    "assessment": gettext_lazy("the assessment, e.g. Psikotes"),
    "when": gettext_lazy("date and time in the job location's zone, with WIB/WITA/WIT (if it has a time)"),
    "deadline": gettext_lazy("the deadline for work done at home (if it has one)"),
    "place": gettext_lazy("the address, or the provider's link for an online test"),
    "link": gettext_lazy("the link to the assessment's page: details, the brief and the upload"),
}


def _sample_context() -> dict:
    return {
        "person": "Putri Maharani",
        "job": _("Customer Service Officer"),
        "company": settings.COMPANY_NAME,
        "contact": settings.ORGANIZER_EMAIL,
        "assessment": "Psikotes",
        "when": local_datetime(datetime(2026, 11, 23, 2, 0, tzinfo=UTC), "Asia/Jakarta"),
        "deadline": "",
        "minutes": 180,
        "online": False,
        "location": "Jl. Jenderal Sudirman No. 1, Jakarta · Ruang Melati",
        "meeting_url": "",
        "provider": "Biro Psikologi Harapan",
        "measures": _("Reasoning, work attitude and personality as they relate to the job."),
        "instructions": "",
        "bring": _("Your ID card (KTP), a 2B pencil, an eraser and a pen."),
        "note": "",
        "has_brief": False,
        "url": f"{settings.SITE_URL}/assessments/a/…/",
    }


def _values(context: dict) -> dict[str, str]:
    return {
        "candidate_name": str(context.get("person", "")),
        "job_title": str(context.get("job", "")),
        "company_name": str(context.get("company", "")),
        "assessment": str(context.get("assessment", "")),
        "when": str(context.get("when", "")),
        "deadline": str(context.get("deadline", "")),
        "place": str(context.get("meeting_url") or context.get("location", "")),
        "link": str(context.get("url", "")),
    }


def purposes_register() -> None:
    for key, label in (
        (INVITED_TEMPLATE, gettext_lazy("Candidate invited to an assessment")),
        (CANCELLED_TEMPLATE, gettext_lazy("Candidate's assessment cancelled")),
    ):
        purpose_register(
            Purpose(
                key=key,
                label=label,
                audience="candidate",
                variables=_VARIABLES,
                values=_values,
                sample_context=_sample_context,
            )
        )
