"""Saving the checklist templates HR admins keep in Settings, with the rules the admin form cannot hold."""

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.core.errors import DomainError
from rekrut.events.company_settings import setting_save
from rekrut.onboarding.models import DUE_DAYS_LIMIT, ChecklistTemplate, ItemKind, JobTemplate, TemplateItem


def template_item_check(item: TemplateItem) -> None:
    """A document item names the document; nothing else does; due within a quarter around the first day."""
    if item.kind == ItemKind.DOCUMENT and not item.document:
        raise DomainError(_("Choose which document this item asks for."), code="document_missing")
    if item.kind != ItemKind.DOCUMENT and item.document:
        raise DomainError(_("Only a “document to collect” item asks for a document."), code="document_extra")
    if not -DUE_DAYS_LIMIT <= item.due_days <= DUE_DAYS_LIMIT:
        raise DomainError(
            _("An item falls due at most %(days)d days before or after the first working day.")
            % {"days": DUE_DAYS_LIMIT},
            code="due_days",
        )
    twin = TemplateItem.objects.filter(
        template_id=item.template_id, document=item.document, is_active=True
    ).exclude(pk=item.pk)
    if item.document and item.is_active and twin.exists():
        raise DomainError(_("This template already asks for that document."), code="document_twice")


@transaction.atomic
def template_save(*, actor: User, obj: ChecklistTemplate, changed: list[str]) -> models.Model:
    """One default at a time: making this one the default makes the former one an ordinary template."""
    if obj.is_default and getattr(actor, "is_hr_admin", False):
        ChecklistTemplate.objects.filter(is_default=True).exclude(pk=obj.pk).update(is_default=False)
    return setting_save(actor=actor, obj=obj, changed=changed)


def template_item_save(*, actor: User, obj: TemplateItem, changed: list[str]) -> models.Model:
    template_item_check(obj)
    return setting_save(actor=actor, obj=obj, changed=changed)


def job_template_save(*, actor: User, obj: JobTemplate, changed: list[str]) -> models.Model:
    return setting_save(actor=actor, obj=obj, changed=changed)
