"""Saving a company setting (reference data HR admins edit in Settings: departments, locations, stage
templates, reject reasons, the interview library) with its audit row, in one transaction."""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from rekrut.core.errors import AccessDenied, DomainError
from rekrut.events.actions import action_register
from rekrut.events.services import audit_record

action_register("setting.created", _("Setting added"))
action_register("setting.changed", _("Setting changed"))


@transaction.atomic
def setting_save(*, actor: models.Model, obj: models.Model, changed: list[str]) -> models.Model:
    """Only HR admins change company settings; the row is validated like a form would before it is saved."""
    if not getattr(actor, "is_hr_admin", False):
        raise AccessDenied(_("Only an HR admin can change the company's settings."))
    try:
        obj.full_clean()
    except ValidationError as invalid:
        raise DomainError(" ".join(invalid.messages), code="invalid_setting") from None
    created = obj.pk is None
    obj.save()
    audit_record(
        actor=actor,  # type: ignore[arg-type]
        action="setting.created" if created else "setting.changed",
        subject=obj,
        changes={"fields": sorted(changed)},
    )
    return obj
