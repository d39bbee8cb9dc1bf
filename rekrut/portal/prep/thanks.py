"""The thank-you note after an interview: a short text in the candidate's language to edit and send
within a few days, and a mailto link when the company shows an applicants' contact on its careers site."""

from urllib.parse import quote
from zoneinfo import ZoneInfo

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from rekrut.interviews.calendar import interview_zone
from rekrut.portal.prep.pack import PrepPack


def thank_you_text(pack: PrepPack, *, candidate_name: str) -> str:
    return render_to_string(
        "portal/prep/thank_you.txt",
        {
            "job": pack.job.title,
            "company": pack.company.name if pack.company else "",
            "round": pack.round_name,
            "day": timezone.localtime(pack.interview.starts_at, ZoneInfo(interview_zone(pack.interview))),
            "person": candidate_name,
            "user_round": pack.round_type in ("user", "superior", "director"),
        },
    ).strip()


def thank_you_mailto(pack: PrepPack, note: str) -> str:
    """A mailto: link with the note as its body, or "" when the company shows no contact address."""
    address = pack.company.contact_email if pack.company else ""
    if not address:
        return ""
    subject = _("Thank you for the interview: %(job)s") % {"job": pack.job.title}
    return f"mailto:{quote(address, safe='@')}?subject={quote(subject)}&body={quote(note)}"
