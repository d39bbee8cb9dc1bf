"""Writes for HR's own wording of a message: save it, or go back to Rekrut's default. Each is audited, and
a version number refuses an edit made on an older copy, so one HR admin never overwrites another."""

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from rekrut.core.errors import AccessDenied, DomainError, StaleEdit
from rekrut.events.actions import action_register
from rekrut.events.services import audit_diff, audit_record, audit_snapshot
from rekrut.notifications.models import MessageTemplate
from rekrut.notifications.purposes import Purpose, purpose_get
from rekrut.notifications.selectors import may_read_outbox
from rekrut.notifications.wording import wording_check

action_register("message_template.changed", _("Message template changed"))
action_register("message_template.reset", _("Message template reset to the default"))

SUBJECT_MAX = 200
BODY_MAX = 10_000
_FIELDS = ("subject", "body")


@transaction.atomic
def message_template_save(
    *,
    actor: AbstractBaseUser | AnonymousUser,
    purpose: str,
    language: str,
    subject: str,
    body: str,
    expected_version: int,
) -> MessageTemplate:
    """Saves HR's wording of `purpose` in `language`, replacing the default for every message queued
    from now on. Refused, with nothing saved: not an HR admin, an unknown purpose or language, an empty or
    too long text, an unknown variable or a template tag, or a copy older than the stored one."""
    found = _checked(actor=actor, purpose=purpose, language=language)
    subject, body = " ".join(subject.split()), body.strip()
    if found.channel == "email" and not subject:
        raise DomainError(_("Write a subject."), code="template_invalid")
    if not body:
        raise DomainError(
            _("Write the message, or reset it to use Rekrut's default text."), code="template_invalid"
        )
    if len(subject) > SUBJECT_MAX:
        raise DomainError(
            _("The subject is too long: at most %(most)d characters.") % {"most": SUBJECT_MAX},
            code="template_invalid",
        )
    if len(body) > BODY_MAX:
        raise DomainError(
            _("The message is too long: at most %(most)d characters.") % {"most": BODY_MAX},
            code="template_invalid",
        )
    wording_check(subject, found)
    wording_check(body, found)
    row = _locked(purpose=purpose, language=language, expected_version=expected_version)
    before = audit_snapshot(row, _FIELDS)
    row.subject, row.body = (subject if found.channel == "email" else ""), body
    if audit_snapshot(row, _FIELDS) == before:
        return row  # nothing changed: no new version, no audit row
    row.version += 1
    row.updated_by_id = actor.pk
    row.save()
    changes = audit_diff(before, audit_snapshot(row, _FIELDS))
    audit_record(actor=_user(actor), action="message_template.changed", subject=row, changes=changes)
    return row


@transaction.atomic
def message_template_reset(
    *, actor: AbstractBaseUser | AnonymousUser, purpose: str, language: str, expected_version: int
) -> MessageTemplate:
    """Goes back to Rekrut's default wording. The row stays, emptied, so its version keeps counting up."""
    _checked(actor=actor, purpose=purpose, language=language)
    row = _locked(purpose=purpose, language=language, expected_version=expected_version)
    if not row.is_changed:
        return row
    before = audit_snapshot(row, _FIELDS)
    row.subject, row.body = "", ""
    row.version += 1
    row.updated_by_id = actor.pk
    row.save()
    changes = audit_diff(before, audit_snapshot(row, _FIELDS))
    audit_record(actor=_user(actor), action="message_template.reset", subject=row, changes=changes)
    return row


def _checked(*, actor: AbstractBaseUser | AnonymousUser, purpose: str, language: str) -> Purpose:
    if not may_read_outbox(actor):
        raise AccessDenied(_("Only HR admins can change message templates."))
    found = purpose_get(purpose)
    if found is None:
        raise DomainError(_("There is no such message."), code="unknown_purpose")
    if language not in dict(settings.LANGUAGES):
        raise DomainError(_("Choose one of the languages Rekrut speaks."), code="unknown_language")
    return found


def _locked(*, purpose: str, language: str, expected_version: int) -> MessageTemplate:
    """The stored row, locked, or a new one; refused when someone saved or reset it since the editor
    loaded version `expected_version` (0: it had never been saved)."""
    row = MessageTemplate.objects.select_for_update().filter(purpose=purpose, language=language).first()
    if row is None:
        row = MessageTemplate(purpose=purpose, language=language, version=0)
        if expected_version == 0:
            try:
                with transaction.atomic():  # two first saves at once: the second one is stale
                    row.save()
            except IntegrityError:
                raise _stale() from None
            return row
    if row.version != expected_version:
        raise _stale()
    return row


def _user(actor: AbstractBaseUser | AnonymousUser) -> AbstractBaseUser | None:
    return actor if isinstance(actor, AbstractBaseUser) else None


def _stale() -> StaleEdit:
    return StaleEdit(
        _(
            "Someone else changed this message while you were editing. Nothing was saved: reload to see "
            "their text, then make your change again."
        )
    )
