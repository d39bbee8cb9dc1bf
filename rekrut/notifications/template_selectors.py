"""Reads for the message templates pages: every purpose with its state per language, and one to edit."""

from dataclasses import dataclass

from django.conf import settings
from django.http import Http404
from django.utils import translation

from rekrut.notifications.models import MessageTemplate
from rekrut.notifications.purposes import Purpose, purpose_get, purposes_all
from rekrut.notifications.wording import candidate_footer, message_word, wording_fill


@dataclass(frozen=True)
class LanguageState:
    code: str
    name: str
    changed: bool


@dataclass(frozen=True)
class PurposeRow:
    purpose: Purpose
    languages: list[LanguageState]


def message_templates_overview() -> dict[str, list[PurposeRow]]:
    """{"candidate": [...], "staff": [...]}: each purpose with, per language, whether HR changed it.
    One query, whatever the number of purposes."""
    changed = {
        (row.purpose, row.language)
        for row in MessageTemplate.objects.exclude(body="").only("purpose", "language")
    }
    grouped: dict[str, list[PurposeRow]] = {"candidate": [], "staff": []}
    for purpose in purposes_all():
        languages = [
            LanguageState(code, str(name), (purpose.key, code) in changed)
            for code, name in settings.LANGUAGES
        ]
        grouped[purpose.audience].append(PurposeRow(purpose, languages))
    return grouped


def message_template_get(*, purpose: str, language: str) -> tuple[Purpose, MessageTemplate | None]:
    """The purpose and HR's stored row for it in `language` (None when never saved); a 404 for an
    unknown purpose or language."""
    found = purpose_get(purpose)
    if found is None or language not in dict(settings.LANGUAGES):
        raise Http404
    return found, MessageTemplate.objects.filter(purpose=purpose, language=language).first()


def message_preview(*, purpose: Purpose, language: str, subject: str, body: str) -> tuple[str, str]:
    """(subject, body) as a recipient would read them, with the sample values, in `language`; Rekrut's
    default when `body` is empty."""
    if not body.strip():
        with translation.override(language):
            context = purpose.sample_context()
        return message_word(template=purpose.key, context=context, language=language, use_override=False)
    with translation.override(language):
        values = purpose.sample()
        filled = wording_fill(body.strip(), values)
        if purpose.audience == "candidate":
            filled = f"{filled}\n\n{candidate_footer(purpose.channel)}"
        return " ".join(wording_fill(subject, values).split()), filled
