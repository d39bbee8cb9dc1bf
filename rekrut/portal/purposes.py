"""The portal's message HR may reword (notifications.purposes): the link that signs a candidate in."""

from django.conf import settings
from django.utils.translation import gettext_lazy

from rekrut.notifications.purposes import Purpose, purpose_register

SIGN_IN = "portal/email/sign_in"
# The outbox key of each sign-in mail starts so: the portal's message list leaves them out.
SIGN_IN_KEY = "portal-sign-in-"

_VARIABLES = {
    "candidate_name": gettext_lazy("the candidate's full name"),
    "link": gettext_lazy("the sign-in link (single use)"),
    "minutes": gettext_lazy("how many minutes the link stays valid"),
    "company_name": gettext_lazy("the company's name"),
}


def _sample_context() -> dict:
    return {
        "person": "Putri Maharani",
        "url": f"{settings.SITE_URL}/portal/open/…/",
        "minutes": 30,
        "company": settings.COMPANY_NAME,
    }


def _values(context: dict) -> dict[str, str]:
    return {
        "candidate_name": str(context.get("person", "")),
        "link": str(context.get("url", "")),
        "minutes": str(context.get("minutes", "")),
        "company_name": str(context.get("company", "")),
    }


def purposes_register() -> None:
    purpose_register(
        Purpose(
            key=SIGN_IN,
            label=gettext_lazy("Candidate portal: sign-in link"),
            audience="candidate",
            variables=_VARIABLES,
            values=_values,
            sample_context=_sample_context,
        )
    )
