"""The pipeline's messages HR may reword (notifications.purposes): the rejection to the candidate, and the
daily digest of stalled applications to each HR owner."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rekrut.notifications.purposes import Purpose, purpose_register

REJECTED = "pipeline/email/rejected"
STALLED_DIGEST = "pipeline/email/stalled_digest"

_REJECTED_VARIABLES = {
    "candidate_name": gettext_lazy("the candidate's full name"),
    "job_title": gettext_lazy("the job's title"),
    "company_name": gettext_lazy("the company's name"),
    "talent_pool_note": gettext_lazy(
        "a sentence about the talent pool, only for candidates who consented to it (empty otherwise)"
    ),
}
_DIGEST_VARIABLES = {
    "recipient_name": gettext_lazy("the HR owner's name"),
    "count": gettext_lazy("how many applications have not moved"),
    "days": gettext_lazy("after how many days an application counts as stalled"),
    "applications": gettext_lazy("the list of stalled applications per job, with their links"),
    "my_work_link": gettext_lazy("the link to My work"),
    "company_name": gettext_lazy("the company's name"),
}


def _rejected_sample_context() -> dict:
    return {
        "candidate_name": "Putri Maharani",
        "job_title": _("Customer Service Officer"),
        "company": settings.COMPANY_NAME,
        "talent_pool": True,
    }


def talent_pool_note() -> str:
    return _(
        "With your consent, we keep your details in our talent pool and may contact you when another "
        "suitable position opens; you can withdraw that consent at any time."
    )


def _rejected_values(context: dict) -> dict[str, str]:
    return {
        "candidate_name": str(context.get("candidate_name", "")),
        "job_title": str(context.get("job_title", "")),
        "company_name": str(context.get("company", "")),
        "talent_pool_note": talent_pool_note() if context.get("talent_pool") else "",
    }


def _digest_sample_context() -> dict:
    site = settings.SITE_URL
    stage = {"name": _("HR interview")}
    return {
        "person": "Rina Wulandari",
        "count": 2,
        "days": settings.STALLED_AFTER_DAYS,
        "jobs": [
            {
                "title": _("Customer Service Officer"),
                "url": f"{site}/jobs/1/board/",
                "stalled": [
                    {
                        "candidate": "Putri Maharani",
                        "stage": stage,
                        "days": 9,
                        "url": f"{site}/candidates/1/",
                    },
                    {"candidate": "Bayu Saputra", "stage": stage, "days": 8, "url": f"{site}/candidates/2/"},
                ],
            }
        ],
        "more": 0,
        "my_work": f"{site}/",
        "company": settings.COMPANY_NAME,
    }


def _digest_values(context: dict) -> dict[str, str]:
    return {
        "recipient_name": str(context.get("person", "")),
        "count": str(context.get("count", "")),
        "days": str(context.get("days", "")),
        "applications": render_to_string("pipeline/email/_stalled_list.txt", context).strip(),
        "my_work_link": str(context.get("my_work", "")),
        "company_name": str(context.get("company", "")),
    }


def purposes_register() -> None:
    purpose_register(
        Purpose(
            key=REJECTED,
            label=gettext_lazy("Application not continued (rejection)"),
            audience="candidate",
            variables=_REJECTED_VARIABLES,
            values=_rejected_values,
            sample_context=_rejected_sample_context,
        )
    )
    purpose_register(
        Purpose(
            key=STALLED_DIGEST,
            label=gettext_lazy("Daily digest of stalled applications"),
            audience="staff",
            variables=_DIGEST_VARIABLES,
            values=_digest_values,
            sample_context=_digest_sample_context,
        )
    )
