"""Wording a message: HR's override when there is one, else the file template; and the anti-scam footer.

HR's text is never given to the Django template engine (it could reach into the objects of the context):
it may hold only plain text and `{{ variable }}`, checked on save, and the variables are substituted here
from the purpose's `values`, which are plain strings.
"""

import re

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from rekrut.core.errors import DomainError
from rekrut.notifications.models import MessageTemplate
from rekrut.notifications.purposes import Purpose, purpose_get

_WRITTEN = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
FOOTER_TEMPLATE = "notifications/email/_candidate_footer.txt"


class WordingInvalid(DomainError):
    code = "template_invalid"


def variables_listed(purpose: Purpose) -> str:
    return ", ".join(f"{{{{ {name} }}}}" for name in purpose.variables)


def wording_check(text: str, purpose: Purpose) -> None:
    """Refuses template tags, a `{{ … }}` that is not a variable of `purpose`, and unmatched braces."""
    if "{%" in text or "%}" in text:
        raise WordingInvalid(
            _("Template tags (%(tag)s) are not allowed: write text and variables such as %(example)s.")
            % {"tag": "{% … %}", "example": "{{ candidate_name }}"}
        )
    for match in _WRITTEN.finditer(text):
        name = match.group(1).strip()
        if not _NAME.fullmatch(name):
            raise WordingInvalid(
                _(
                    "%(written)s is not a variable: write only a variable's name between the braces, "
                    "for example %(example)s."
                )
                % {"written": match.group(0), "example": f"{{{{ {next(iter(purpose.variables), 'name')} }}}}"}
            )
        if name not in purpose.variables:
            raise WordingInvalid(
                _("%(written)s is not a variable of this message; the variables are: %(variables)s.")
                % {"written": f"{{{{ {name} }}}}", "variables": variables_listed(purpose)}
            )
    rest = _WRITTEN.sub("", text)
    if "{{" in rest or "}}" in rest:
        raise WordingInvalid(
            _("The braces do not match: each variable opens with %(open)s and closes with %(close)s.")
            % {"open": "{{", "close": "}}"}
        )


def wording_fill(text: str, values: dict[str, str]) -> str:
    """`text` with each `{{ name }}` replaced by its value (text that passed wording_check)."""
    return _WRITTEN.sub(lambda match: str(values.get(match.group(1).strip(), "")), text)


def anti_scam_line() -> str:
    """The short closing line of a chat message to a candidate, in the active language."""
    return _(
        "Beware of fraud: %(company)s never asks candidates for money at any stage of hiring. "
        "Official contact: %(contact)s."
    ) % {"company": settings.COMPANY_NAME, "contact": settings.ORGANIZER_EMAIL}


def candidate_footer(channel: str = "email") -> str:
    """What ends every message to a candidate, in the active language: the official contact and that
    the company never asks for money (fake recruiters asking for "administration" fees are common in
    Indonesian job hunting). Added here, after HR's text, so no template can leave it out."""
    if channel == "whatsapp":
        return anti_scam_line()
    context = {"company": settings.COMPANY_NAME, "contact": settings.ORGANIZER_EMAIL}
    return render_to_string(FOOTER_TEMPLATE, context).strip()


def override_get(*, purpose: str, language: str) -> MessageTemplate | None:
    return MessageTemplate.objects.filter(purpose=purpose, language=language).exclude(body="").first()


def message_word(
    *, template: str, context: dict | None, language: str, use_override: bool = True
) -> tuple[str, str]:
    """(subject, body) of one message in `language`: HR's override for it when there is one, else the
    file templates `<template>_subject.txt` and `<template>.txt`; a candidate's message ends with the
    footer. A chat message (channel "whatsapp") has no subject."""
    context = context or {}
    purpose = purpose_get(template)
    channel = purpose.channel if purpose else "email"
    with translation.override(language):
        override = override_get(purpose=template, language=language) if purpose and use_override else None
        if purpose and override:
            values = purpose.values(context)
            subject = wording_fill(override.subject, values)
            body = wording_fill(override.body, values)
        else:
            subject = render_to_string(f"{template}_subject.txt", context) if channel == "email" else ""
            body = render_to_string(f"{template}.txt", context)
        if purpose and purpose.audience == "candidate":
            body = f"{body.rstrip()}\n\n{candidate_footer(channel)}\n"
    # A subject is one line: a line break in it would start a new mail header.
    return " ".join(subject.split())[:250], body
