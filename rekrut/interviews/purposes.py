"""The interview messages HR may reword (notifications.purposes): the candidate's invitation per round
type, its reschedule and cancellation, the candidate's reminder by e-mail and WhatsApp, and the
interviewer's scorecard reminder. The invitation's purpose follows the round: an HR interview and a user
interview each have their own, every other round shares one; their file templates share the same parts."""

from datetime import UTC, datetime

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from rekrut.core.localization import local_datetime
from rekrut.interviews.models import RoundType
from rekrut.notifications.purposes import Purpose, purpose_register

INVITED_BY_ROUND = {
    RoundType.HR: "interviews/email/candidate_invited_hr",
    RoundType.USER: "interviews/email/candidate_invited_user",
}
INVITED_OTHER = "interviews/email/candidate_invited"
WHATSAPP_REMINDER = "interviews/whatsapp/reminder"


def candidate_template(kind: str, round_type: str) -> str:
    """The candidate's file template (and purpose) for an invitation, update or cancellation."""
    if kind == "invited":
        return INVITED_BY_ROUND.get(round_type, INVITED_OTHER)  # type: ignore[call-overload]
    return f"interviews/email/candidate_{kind}"


_COMMON = {
    "candidate_name": gettext_lazy("the candidate's full name"),
    "job_title": gettext_lazy("the job's title"),
    "company_name": gettext_lazy("the company's name"),
}
_WHEN = {
    "round_name": gettext_lazy("the interview round, e.g. HR interview"),
    "when": gettext_lazy("date and time in the interview's zone, with WIB/WITA/WIT"),
    "duration": gettext_lazy("how long it takes, e.g. 60 minutes"),
    "place": gettext_lazy("the address and room, the meeting link or the phone number"),
}
_INVITATION = {
    **_COMMON,
    **_WHEN,
    "details": gettext_lazy("the round, time, length and place as a short block"),
    "preparation": gettext_lazy("what the round assesses, how to prepare and the etiquette of its mode"),
    "prep_link": gettext_lazy("the link to the candidate's prep pack for this interview (no account needed)"),
}


def _sample_context(round_type: str = RoundType.HR) -> dict:
    return {
        "person": "Putri Maharani",
        "candidate": "Putri Maharani",
        "job": _("Customer Service Officer"),
        "company": settings.COMPANY_NAME,
        "contact": settings.ORGANIZER_EMAIL,
        "round": str(RoundType(round_type).label),
        "round_type": round_type,
        "when": local_datetime(datetime(2026, 11, 23, 2, 30, tzinfo=UTC), "Asia/Jakarta"),
        "was": local_datetime(datetime(2026, 11, 20, 7, 0, tzinfo=UTC), "Asia/Jakarta"),
        "minutes": 60,
        "mode": "on_site",
        "location": "Jl. Jenderal Sudirman No. 1, Jakarta · Ruang Melati",
        "number": 1,
        "most": settings.SCORECARD_REMINDERS_MAX,
        "url": f"{settings.SITE_URL}/interviews/1/scorecard/",
        "prep_url": f"{settings.SITE_URL}/portal/prepare/…/",
    }


def _interviewer_sample_context() -> dict:
    return {**_sample_context(), "person": "Budi Santoso"}


def _invitation_values(context: dict) -> dict[str, str]:
    minutes = int(context.get("minutes") or 0)
    return {
        "candidate_name": str(context.get("person") or context.get("candidate", "")),
        "job_title": str(context.get("job", "")),
        "company_name": str(context.get("company", "")),
        "round_name": str(context.get("round", "")),
        "when": str(context.get("when", "")),
        "duration": ngettext("%(minutes)d minute", "%(minutes)d minutes", minutes) % {"minutes": minutes},
        "place": str(context.get("location", "")),
        "previous_time": str(context.get("was", "")),
        "details": render_to_string("interviews/email/_candidate_details.txt", context).strip(),
        "preparation": render_to_string("interviews/email/_candidate_preparation.txt", context).strip(),
        "prep_link": str(context.get("prep_url", "")),
    }


def _staff_values(context: dict) -> dict[str, str]:
    return {
        "interviewer_name": str(context.get("person", "")),
        "candidate_name": str(context.get("candidate", "")),
        "job_title": str(context.get("job", "")),
        "company_name": str(context.get("company", "")),
        "when": str(context.get("when", "")),
        "link": str(context.get("url", "")),
        "reminder_number": str(context.get("number", "")),
        "reminders_most": str(context.get("most", "")),
    }


def _only(values: dict[str, str], names: dict) -> dict[str, str]:
    return {name: values.get(name, "") for name in names}


def _candidate_purpose(key: str, label: object, variables: dict, round_type: str = RoundType.HR) -> Purpose:
    return Purpose(
        key=key,
        label=label,  # type: ignore[arg-type]
        audience="candidate",
        variables=variables,
        values=lambda context: _only(_invitation_values(context), variables),
        sample_context=lambda: _sample_context(round_type),
    )


def purposes_register() -> None:
    purpose_register(
        _candidate_purpose(
            INVITED_BY_ROUND[RoundType.HR], gettext_lazy("Interview invitation: HR interview"), _INVITATION
        )
    )
    purpose_register(
        _candidate_purpose(
            INVITED_BY_ROUND[RoundType.USER],
            gettext_lazy("Interview invitation: user interview"),
            _INVITATION,
            RoundType.USER,
        )
    )
    purpose_register(
        _candidate_purpose(
            INVITED_OTHER,
            gettext_lazy("Interview invitation: other rounds"),
            _INVITATION,
            RoundType.DIRECTOR,
        )
    )
    purpose_register(
        _candidate_purpose(
            "interviews/email/candidate_rescheduled",
            gettext_lazy("Interview moved to a new time"),
            {**_INVITATION, "previous_time": gettext_lazy("the time it was planned for before")},
        )
    )
    purpose_register(
        _candidate_purpose(
            "interviews/email/candidate_cancelled",
            gettext_lazy("Interview cancelled"),
            {**_COMMON, "when": _WHEN["when"]},
        )
    )
    purpose_register(
        _candidate_purpose(
            "interviews/email/reminder_candidate",
            gettext_lazy("Interview reminder, the day before"),
            {**_COMMON, **_WHEN},
        )
    )
    whatsapp_variables = {
        **_COMMON,
        "round_name": _WHEN["round_name"],
        "when": _WHEN["when"],
        "place": _WHEN["place"],
    }
    purpose_register(
        Purpose(
            key=WHATSAPP_REMINDER,
            label=gettext_lazy("Interview reminder by WhatsApp"),
            audience="candidate",
            variables=whatsapp_variables,
            values=lambda context: _only(_invitation_values(context), whatsapp_variables),
            channel="whatsapp",
            sample_context=_sample_context,
        )
    )
    scorecard_variables = {
        "interviewer_name": gettext_lazy("the interviewer's name"),
        "candidate_name": _COMMON["candidate_name"],
        "job_title": _COMMON["job_title"],
        "when": gettext_lazy("when the interview took place"),
        "link": gettext_lazy("the link to the scorecard"),
        "reminder_number": gettext_lazy("which reminder this is, e.g. 2"),
        "reminders_most": gettext_lazy("how many reminders are sent at most"),
        "company_name": _COMMON["company_name"],
    }
    purpose_register(
        Purpose(
            key="interviews/email/reminder_scorecard",
            label=gettext_lazy("Scorecard reminder to an interviewer"),
            audience="staff",
            variables=scorecard_variables,
            values=lambda context: _only(_staff_values(context), scorecard_variables),
            sample_context=_interviewer_sample_context,
        )
    )
