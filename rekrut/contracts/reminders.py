"""The PKWT registration reminder (PP 35/2021 Ps 13-14, rule C6), found and queued by the worker's sweep.

On the due date (the third working day after signing), a fixed-term contract signed by both and not yet
marked registered gets one e-mail to each HR owner of its job (HR admins when the job has none with an
e-mail address), in their own language. Once per contract: the contract is stamped in the same
transaction, and the outbox key names the contract and the person, so a second worker queues nothing.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format

from rekrut.accounts.models import Role, User
from rekrut.contracts.models import Contract, ContractStatus
from rekrut.contracts.purposes import REGISTRATION_DUE
from rekrut.core.site import absolute_url
from rekrut.jobs.models import TeamRole
from rekrut.notifications.services import message_queue
from rekrut.offers.models import OfferEmployment

BATCH = 100


def _recipients(contract: Contract) -> list[User]:
    owners = list(
        User.objects.filter(
            team_memberships__job_id=contract.application.job_id,
            team_memberships__role=TeamRole.HR_OWNER,
            is_active=True,
        )
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )
    return owners or list(
        User.objects.filter(role=Role.HR_ADMIN, is_active=True).exclude(email="").order_by("pk")
    )


def registrations_remind_due() -> int:
    """Queues the reminders of every PKWT due for registration today or earlier; returns how many."""
    today = timezone.localdate()
    due = (
        Contract.objects.filter(
            status=ContractStatus.SIGNED,
            employment_type=OfferEmployment.PKWT,
            registered_on__isnull=True,
            registration_reminded_at__isnull=True,
            registration_due__lte=today,
        )
        .order_by("registration_due", "pk")
        .values_list("pk", flat=True)[:BATCH]
    )
    queued = 0
    for contract_id in due:
        queued += _remind(contract_id)
    return queued


@transaction.atomic
def _remind(contract_id: int) -> int:
    contract = (
        Contract.objects.select_for_update(of=("self",))
        .select_related("application__job", "application__candidate")
        .defer("document")
        .filter(pk=contract_id, registration_reminded_at__isnull=True, registered_on__isnull=True)
        .first()
    )
    if contract is None:  # another worker reminded, or HR registered it meanwhile
        return 0
    assert contract.company_signed_on and contract.registration_due  # set when it was signed (mypy)
    contract.registration_reminded_at = timezone.now()
    contract.save(update_fields=["registration_reminded_at"])
    people = _recipients(contract)
    for person in people:
        language = person.language or settings.LANGUAGE_CODE
        with translation.override(language):
            context = {
                "person": str(person),
                "candidate": contract.worker_name,
                "job_title": contract.application.job.title,
                "signed_on": date_format(contract.company_signed_on, "DATE_FORMAT"),
                "due": date_format(contract.registration_due, "DATE_FORMAT"),
                "url": absolute_url("contracts:detail", contract.application_id),
                "company": settings.COMPANY_NAME,
            }
        message_queue(
            key=f"contract-{contract.pk}-registration-{person.pk}",
            to=person.email,
            template=REGISTRATION_DUE,
            context=context,
            language=language,
        )
    return len(people)
