"""The WhatsApp greeting HR may reword (a purpose, see purposes.py): the first words of a chat that staff
open with a candidate from Rekrut (candidates.whatsapp builds the link)."""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rekrut.notifications.purposes import Purpose, purpose_register

WHATSAPP_GREETING = "notifications/whatsapp/greeting"

_VARIABLES = {
    "candidate_name": gettext_lazy("the candidate's full name"),
    "job_title": gettext_lazy("the title of the job they applied for most recently (may be empty)"),
    "company_name": gettext_lazy("the company's name"),
}


def _sample_context() -> dict:
    return {"name": "Putri Maharani", "job": _("Customer Service Officer"), "company": settings.COMPANY_NAME}


def _values(context: dict) -> dict[str, str]:
    return {
        "candidate_name": str(context.get("name", "")),
        "job_title": str(context.get("job", "")),
        "company_name": str(context.get("company", "")),
    }


def purposes_register() -> None:
    purpose_register(
        Purpose(
            key=WHATSAPP_GREETING,
            label=gettext_lazy("WhatsApp greeting"),
            audience="candidate",
            variables=_VARIABLES,
            values=_values,
            channel="whatsapp",
            sample_context=_sample_context,
        )
    )
