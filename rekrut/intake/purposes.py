"""The intake's message HR may reword (notifications.purposes): telling a candidate their application
for a job was received."""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rekrut.notifications.purposes import Purpose, purpose_register

RECEIVED = "intake/email/received"

_VARIABLES = {
    "candidate_name": gettext_lazy("the candidate's full name"),
    "job_title": gettext_lazy("the job's title"),
    "company_name": gettext_lazy("the company's name"),
}


def _sample_context() -> dict:
    return {
        "person": "Putri Maharani",
        "job": _("Customer Service Officer"),
        "company": settings.COMPANY_NAME,
    }


def _values(context: dict) -> dict[str, str]:
    return {
        "candidate_name": str(context.get("person", "")),
        "job_title": str(context.get("job", "")),
        "company_name": str(context.get("company", "")),
    }


def purposes_register() -> None:
    purpose_register(
        Purpose(
            key=RECEIVED,
            label=gettext_lazy("Application received"),
            audience="candidate",
            variables=_VARIABLES,
            values=_values,
            sample_context=_sample_context,
        )
    )
