"""The e-mail HR may reword (notifications.purposes): the test with its link and deadline."""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rekrut.notifications.purposes import Purpose, purpose_register
from rekrut.online_tests.services.sending import INVITED_TEMPLATE

_VARIABLES = {
    "candidate_name": gettext_lazy("the candidate's full name"),
    "job_title": gettext_lazy("the job's title"),
    "company_name": gettext_lazy("the company's name"),
    "test_name": gettext_lazy("the test's title"),
    "minutes": gettext_lazy("the test's time limit in minutes"),
    "deadline": gettext_lazy("until when the test can be taken, with WIB/WITA/WIT"),
    "link": gettext_lazy("the link to the test"),
}


def _sample_context() -> dict:
    return {
        "person": "Putri Maharani",
        "job": _("Customer Service Officer"),
        "company": settings.COMPANY_NAME,
        "contact": settings.ORGANIZER_EMAIL,
        "test": _("Numeracy and service test"),
        "minutes": 30,
        "due": "26 November 2026, 17.00 WIB",
        "url": f"{settings.SITE_URL}/tests/take/…/",
    }


def _values(context: dict) -> dict[str, str]:
    return {
        "candidate_name": str(context.get("person", "")),
        "job_title": str(context.get("job", "")),
        "company_name": str(context.get("company", "")),
        "test_name": str(context.get("test", "")),
        "minutes": str(context.get("minutes", "")),
        "deadline": str(context.get("due", "")),
        "link": str(context.get("url", "")),
    }


def purposes_register() -> None:
    purpose_register(
        Purpose(
            key=INVITED_TEMPLATE,
            label=gettext_lazy("Online test to take"),
            audience="candidate",
            variables=_VARIABLES,
            values=_values,
            sample_context=_sample_context,
        )
    )
