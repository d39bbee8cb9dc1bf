"""The contracts app's message HR may reword (notifications.purposes): the PKWT registration reminder."""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rekrut.notifications.purposes import Purpose, purpose_register

REGISTRATION_DUE = "contracts/email/registration_due"

_VARIABLES = {
    "recipient_name": gettext_lazy("the HR owner's name"),
    "candidate_name": gettext_lazy("the worker's name"),
    "job_title": gettext_lazy("the job's title"),
    "signed_on": gettext_lazy("the date the contract was signed by both"),
    "due_date": gettext_lazy("the last day to register the contract"),
    "contract_link": gettext_lazy("the link to the contract's page"),
    "company_name": gettext_lazy("the company's name"),
}


def _sample_context() -> dict:
    return {
        "person": "Rina Wulandari",
        "candidate": "Putri Maharani",
        "job_title": _("Customer Service Officer"),
        "signed_on": "14 Agustus 2026",
        "due": "20 Agustus 2026",
        "url": f"{settings.SITE_URL}/contracts/application/1/",
        "company": settings.COMPANY_NAME,
    }


def _values(context: dict) -> dict[str, str]:
    return {
        "recipient_name": str(context.get("person", "")),
        "candidate_name": str(context.get("candidate", "")),
        "job_title": str(context.get("job_title", "")),
        "signed_on": str(context.get("signed_on", "")),
        "due_date": str(context.get("due", "")),
        "contract_link": str(context.get("url", "")),
        "company_name": str(context.get("company", "")),
    }


def purposes_register() -> None:
    purpose_register(
        Purpose(
            key=REGISTRATION_DUE,
            label=gettext_lazy("Reminder to register a fixed-term contract (PKWT)"),
            audience="staff",
            variables=_VARIABLES,
            values=_values,
            sample_context=_sample_context,
        )
    )
