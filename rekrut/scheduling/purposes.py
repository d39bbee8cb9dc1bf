"""The self-scheduling messages HR may reword (notifications.purposes): the offer of times with its link,
and the confirmation with the link to change or cancel. Both are candidate messages, so the anti-scam
footer is added to whatever wording is used."""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rekrut.notifications.purposes import Purpose, purpose_register

OFFER = "scheduling/email/offer"
BOOKED = "scheduling/email/booked"

_OFFER_VARIABLES = {
    "candidate_name": gettext_lazy("the candidate's full name"),
    "job_title": gettext_lazy("the job's title"),
    "company_name": gettext_lazy("the company's name"),
    "link": gettext_lazy("the link to choose a time"),
    "expires": gettext_lazy("until when the link is open, with WIB/WITA/WIT"),
}
_BOOKED_VARIABLES = {
    **{name: label for name, label in _OFFER_VARIABLES.items() if name != "expires"},
    "link": gettext_lazy("the link to change or cancel the time"),
    "round_name": gettext_lazy("the interview round, e.g. HR interview"),
    "when": gettext_lazy("date and time in the interview's zone, with WIB/WITA/WIT"),
    "place": gettext_lazy("the address and room, the meeting link or the phone number"),
}


def _sample_context() -> dict:
    return {
        "person": "Putri Maharani",
        "job": _("Customer Service Officer"),
        "company": settings.COMPANY_NAME,
        "contact": settings.ORGANIZER_EMAIL,
        "round": _("HR interview"),
        "round_type": "hr",
        "minutes": 60,
        "mode": _("On site"),
        "place": "Jl. Jenderal Sudirman No. 1, Jakarta",
        "link": f"{settings.SITE_URL}/scheduling/pick/…/",
        "expires": "26 November 2026, 17.00 WIB",
        "when": "27 November 2026, 09.00 WIB",
        "change_until_hours": 24,
        "max_reschedules": 2,
    }


def _values(context: dict) -> dict[str, str]:
    return {
        "candidate_name": str(context.get("person", "")),
        "job_title": str(context.get("job", "")),
        "company_name": str(context.get("company", "")),
        "link": str(context.get("link", "")),
        "expires": str(context.get("expires", "")),
        "round_name": str(context.get("round", "")),
        "when": str(context.get("when", "")),
        "place": str(context.get("place", "")),
    }


def _purpose(key: str, label: object, variables: dict) -> Purpose:
    return Purpose(
        key=key,
        label=label,  # type: ignore[arg-type]
        audience="candidate",
        variables=variables,
        values=lambda context: {name: _values(context)[name] for name in variables},
        sample_context=_sample_context,
    )


def purposes_register() -> None:
    purpose_register(_purpose(OFFER, gettext_lazy("Interview times to choose from"), _OFFER_VARIABLES))
    purpose_register(
        _purpose(BOOKED, gettext_lazy("Interview time chosen by the candidate"), _BOOKED_VARIABLES)
    )
