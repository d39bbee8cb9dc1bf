"""WhatsApp click-to-chat: a wa.me link that opens a chat with the candidate, the greeting already typed.

Job seekers in Indonesia are often targeted by fake recruiters asking for "administration" or training
fees, so every message Rekrut prefills ends by saying the company never asks for money and where its
official contact is.
"""

import re
from typing import TYPE_CHECKING
from urllib.parse import quote

from django.conf import settings

from rekrut.notifications.greeting import WHATSAPP_GREETING
from rekrut.notifications.wording import message_word

if TYPE_CHECKING:  # the model's own link is built here, so the model module imports this one
    from rekrut.candidates.models import Candidate


def whatsapp_text(*, purpose: str, context: dict, language: str) -> str:
    """A chat message of a WhatsApp purpose (HR's wording when they changed it, else the file template) in
    `language`, ending with the anti-scam line (notifications.wording adds it to every candidate message)."""
    _subject, body = message_word(template=purpose, context=context, language=language)
    return body.strip()


def whatsapp_greeting(*, candidate: "Candidate", job_title: str = "") -> str:
    """A short greeting in the candidate's language, naming the company and (when known) the job."""
    return whatsapp_text(
        purpose=WHATSAPP_GREETING,
        context={"name": candidate.full_name, "company": settings.COMPANY_NAME, "job": job_title},
        language=candidate.language or settings.LANGUAGE_CODE,
    )


def whatsapp_link(*, phone: str, text: str = "") -> str:
    """https://wa.me/<digits>?text=<text>; wa.me takes the number with its country code, digits only.
    Empty when there is no number to chat with."""
    digits = re.sub(r"\D", "", phone)
    if not digits:
        return ""
    url = f"https://wa.me/{digits}"
    # Everything but unreserved characters is encoded, so "&", "'", "#" and "+" stay inside the text.
    return f"{url}?text={quote(text, safe='')}" if text else url
