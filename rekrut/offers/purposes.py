"""The offer messages HR may reword (notifications.purposes): the candidate's offer e-mail, and the
staff's approval request, return, approval and the candidate's answer."""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rekrut.notifications.purposes import Purpose, purpose_register

CANDIDATE_OFFER = "offers/email/candidate_offer"
APPROVAL_REQUESTED = "offers/email/approval_requested"
APPROVAL_RETURNED = "offers/email/approval_returned"
APPROVED = "offers/email/approved"
ANSWERED = "offers/email/answered"

_CANDIDATE = {
    "candidate_name": gettext_lazy("the candidate's full name"),
    "job_title": gettext_lazy("the position offered"),
    "company_name": gettext_lazy("the company's name"),
    "valid_until": gettext_lazy("the offer's last day, e.g. 8 December 2026"),
    "link": gettext_lazy("the link to read, download and answer the offer"),
}
_STAFF = {
    "person_name": gettext_lazy("the recipient's name"),
    "candidate_name": gettext_lazy("the candidate's full name"),
    "job_title": gettext_lazy("the job's title"),
    "version": gettext_lazy("the offer's version number"),
    "step": gettext_lazy("the approval step, e.g. Hiring manager"),
    "link": gettext_lazy("the link to the offer (or to approve it)"),
    "company_name": gettext_lazy("the company's name"),
}
_RETURNED = {
    **_STAFF,
    "approver_name": gettext_lazy("who decided"),
    "comment": gettext_lazy("the approver's comment"),
}
_ANSWERED = {
    **{k: v for k, v in _STAFF.items() if k != "step"},
    "answer": gettext_lazy("the candidate's answer: accepted, declined or asks to discuss"),
    "message": gettext_lazy("the candidate's reason or message"),
}


def _candidate_sample() -> dict:
    return {
        "person": "Putri Maharani",
        "job": _("Customer Service Officer"),
        "company": settings.COMPANY_NAME,
        "contact": settings.ORGANIZER_EMAIL,
        "valid_until": "8 Desember 2026",
        "url": f"{settings.SITE_URL}/offers/letter/…/",
    }


def _staff_sample() -> dict:
    return {
        "person": "Budi Santoso",
        "candidate": "Putri Maharani",
        "job": _("Customer Service Officer"),
        "version": 1,
        "step": _("Hiring manager"),
        "submitter": "Rina",
        "approver": "Budi Santoso",
        "comment": _("Please lower the position allowance."),
        "kind": "discuss",
        "text": _("Could the start date be a week later?"),
        "url": f"{settings.SITE_URL}/offers/approval/…/",
        "page": f"{settings.SITE_URL}/offers/application/1/",
        "days": 7,
        "company": settings.COMPANY_NAME,
    }


def _answer_word(kind: str) -> str:
    return {
        "accepted": _("accepted"),
        "declined": _("declined"),
        "discuss": _("asks to discuss"),
    }.get(kind, kind)


def _values(context: dict) -> dict[str, str]:
    return {
        "candidate_name": str(context.get("candidate") or context.get("person", "")),
        "person_name": str(context.get("person", "")),
        "job_title": str(context.get("job", "")),
        "company_name": str(context.get("company", "")),
        "valid_until": str(context.get("valid_until", "")),
        "link": str(context.get("url") or context.get("page", "")),
        "version": str(context.get("version", "")),
        "step": str(context.get("step", "")),
        "approver_name": str(context.get("approver", "")),
        "comment": str(context.get("comment", "")),
        "answer": _answer_word(str(context.get("kind", ""))),
        "message": str(context.get("text", "")),
    }


def _candidate_values(context: dict) -> dict[str, str]:
    values = _values(context)
    values["candidate_name"] = str(context.get("person", ""))
    return values


def _purpose(key: str, label: object, variables: dict, *, candidate: bool = False) -> Purpose:
    values = _candidate_values if candidate else _values
    sample = _candidate_sample if candidate else _staff_sample
    return Purpose(
        key=key,
        label=label,  # type: ignore[arg-type]
        audience="candidate" if candidate else "staff",
        variables=variables,
        values=lambda context: {name: values(context).get(name, "") for name in variables},
        sample_context=sample,
    )


def purposes_register() -> None:
    purpose_register(
        _purpose(
            CANDIDATE_OFFER, gettext_lazy("Offer letter sent to the candidate"), _CANDIDATE, candidate=True
        )
    )
    purpose_register(_purpose(APPROVAL_REQUESTED, gettext_lazy("Offer approval requested"), _STAFF))
    purpose_register(_purpose(APPROVAL_RETURNED, gettext_lazy("Offer returned by an approver"), _RETURNED))
    purpose_register(_purpose(APPROVED, gettext_lazy("Offer approved, ready to send"), _RETURNED))
    purpose_register(_purpose(ANSWERED, gettext_lazy("Candidate answered an offer"), _ANSWERED))
