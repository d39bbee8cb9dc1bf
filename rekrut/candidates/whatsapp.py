"""WhatsApp click-to-chat: a wa.me link that opens a chat with the candidate, the greeting already typed.

Job seekers in Indonesia are often targeted by fake recruiters asking for "administration" or training
fees, so every message Rekrut prefills ends by saying the company never asks for money and where its
official contact is.
"""

import re
from typing import TYPE_CHECKING
from urllib.parse import quote

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

if TYPE_CHECKING:  # the model's own link is built here, so the model module imports this one
    from rekrut.candidates.models import Candidate


def anti_scam_line() -> str:
    """The closing line of every message to a candidate, in the active language."""
    return _(
        "Beware of fraud: %(company)s never asks candidates for money at any stage of hiring. "
        "Official contact: %(contact)s."
    ) % {"company": settings.COMPANY_NAME, "contact": settings.ORGANIZER_EMAIL}


def whatsapp_greeting(*, candidate: "Candidate", job_title: str = "") -> str:
    """A short greeting in the candidate's language, naming the company and (when known) the job."""
    with translation.override(candidate.language or settings.LANGUAGE_CODE):
        values = {"name": candidate.full_name, "company": settings.COMPANY_NAME, "job": job_title}
        if job_title:
            greeting = _(
                "Hello %(name)s, this is the recruitment team of %(company)s about your application "
                "for %(job)s."
            )
        else:
            greeting = _("Hello %(name)s, this is the recruitment team of %(company)s.")
        return f"{greeting % values}\n\n{anti_scam_line()}"


def whatsapp_link(*, phone: str, text: str = "") -> str:
    """https://wa.me/<digits>?text=<text>; wa.me takes the number with its country code, digits only.
    Empty when there is no number to chat with."""
    digits = re.sub(r"\D", "", phone)
    if not digits:
        return ""
    url = f"https://wa.me/{digits}"
    # Everything but unreserved characters is encoded, so "&", "'", "#" and "+" stay inside the text.
    return f"{url}?text={quote(text, safe='')}" if text else url
