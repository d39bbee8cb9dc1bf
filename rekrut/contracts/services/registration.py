"""Registering a signed PKWT with the Ministry of Manpower (PP 35/2021 Ps 13-14, C6)."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from rekrut.accounts.models import User
from rekrut.contracts.models import Contract, ContractEventKind, ContractStatus
from rekrut.contracts.services.shared import event_add, manage_check
from rekrut.core.errors import DomainError
from rekrut.events.services import audit_record
from rekrut.pipeline.models import Application

REGISTRATION_NUMBER_MAX = 100


@transaction.atomic
def contract_register(
    *, actor: User, contract: Contract, registered_on: date | None, number: str
) -> Contract:
    """HR registered the PKWT with the Ministry of Manpower (PP 35/2021 Ps 13-14, C6) on `registered_on`
    under `number`; the reminder stops."""
    locked = Contract.objects.select_for_update().defer("document").get(pk=contract.pk)
    manage_check(actor, Application.objects.select_related("job").get(pk=locked.application_id))
    if not locked.is_pkwt:
        raise DomainError(
            _("Only a fixed-term contract (PKWT) is registered with the Ministry of Manpower."),
            code="not_pkwt",
        )
    if locked.status != ContractStatus.SIGNED or locked.company_signed_on is None:
        raise DomainError(_("A contract is registered once both sides have signed it."), code="not_signed")
    if locked.registered_on is not None:
        raise DomainError(
            _("This contract is already registered (number %(number)s).")
            % {"number": locked.registration_number},
            code="already_registered",
        )
    number = (number or "").strip()
    if not number:
        raise DomainError(_("Enter the registration number."), code="number_missing")
    if len(number) > REGISTRATION_NUMBER_MAX:
        raise DomainError(
            _("Keep the registration number to %(max)d characters.") % {"max": REGISTRATION_NUMBER_MAX},
            code="number_too_long",
        )
    if registered_on is None:
        raise DomainError(_("Enter the date it was registered."), code="date_missing")
    if registered_on > timezone.localdate():
        raise DomainError(_("The registration date cannot be in the future."), code="date_future")
    if registered_on < locked.company_signed_on:
        raise DomainError(
            _("The registration date cannot be before the contract was signed (%(date)s).")
            % {"date": date_format(locked.company_signed_on, "DATE_FORMAT")},
            code="date_too_early",
        )
    locked.registered_on, locked.registration_number = registered_on, number
    locked.save(update_fields=["registered_on", "registration_number"])
    event_add(locked, ContractEventKind.REGISTERED, actor, on=registered_on)
    audit_record(
        actor=actor,
        action="contract.registered",
        subject=locked,
        changes={
            "registered_on": registered_on.isoformat(),
            "late": registered_on > (locked.registration_due or registered_on),
        },
    )
    return locked
