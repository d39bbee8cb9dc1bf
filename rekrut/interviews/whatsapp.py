"""The click-to-chat reminder on the interview kit page: a wa.me link to the candidate with the reminder
already written in their language, the time in the interview's zone (WIB/WITA/WIT), and the anti-scam
line (candidates.whatsapp and notifications.wording add it)."""

from django.conf import settings
from django.utils import translation

from rekrut.candidates.whatsapp import whatsapp_link, whatsapp_text
from rekrut.core.localization import local_datetime
from rekrut.interviews.calendar import interview_zone
from rekrut.interviews.models import Interview
from rekrut.interviews.purposes import WHATSAPP_REMINDER


def interview_whatsapp_text(interview: Interview) -> str:
    application = interview.application
    candidate = application.candidate
    language = candidate.language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "candidate": candidate.full_name,
            "job": application.job.title,
            "company": settings.COMPANY_NAME,
            "round": interview.round.stage.name,
            "round_type": interview.round.round_type,
            "when": local_datetime(interview.starts_at, interview_zone(interview)),
            "minutes": interview.duration_minutes,
            "location": interview.place,
            "mode": interview.mode,
        }
    return whatsapp_text(purpose=WHATSAPP_REMINDER, context=context, language=language)


def interview_whatsapp_url(interview: Interview) -> str:
    """Empty when the candidate has no phone number."""
    phone = interview.application.candidate.phone
    if not phone.strip():
        return ""
    return whatsapp_link(phone=phone, text=interview_whatsapp_text(interview))
