"""What contracts hold about a person, for "download my data" and erasure (UU PDP Ps 7, 43). Erasure keeps
each contract's terms, dates and status for the reports and removes the worker's identity: name, sex,
address, the day and month of birth (the year stays, for age counts), the generated PDF and the scans."""

from typing import Any

from rekrut.candidates.hooks import ERASED, Person
from rekrut.contracts.models import Contract, ContractEvent, ContractScan
from rekrut.core.models import append_only_erase


def contracts_collect(person: Person) -> tuple[str, Any]:
    contracts = (
        Contract.objects.filter(application__candidate_id__in=person.candidate_ids)
        .exclude(sent_at=None)
        .select_related("application__job")
        .order_by("generated_at", "pk")
    )
    return (
        "contracts",
        [
            {
                "job": contract.application.job.title,
                "status": str(contract.get_status_display()),
                "employment_type": contract.employment_type,
                "worker_name": contract.worker_name,
                "worker_address": contract.worker_address,
                "worker_birth_date": contract.worker_birth_date.isoformat(),
                "start_date": contract.start_date.isoformat() if contract.start_date else None,
                "signed_by_you_on": contract.candidate_signed_on.isoformat()
                if contract.candidate_signed_on
                else None,
                "scans": [scan.name for scan in ContractScan.objects.filter(contract=contract)],
            }
            for contract in contracts
        ],
    )


def contracts_erase(person: Person) -> None:
    contracts = Contract.objects.filter(application__candidate_id__in=person.candidate_ids)
    for contract in contracts.only("pk", "worker_birth_date"):
        Contract.objects.filter(pk=contract.pk).update(
            worker_name=ERASED,
            worker_sex="",
            worker_address="",
            worker_birth_date=contract.worker_birth_date.replace(month=1, day=1),
            document=b"",
        )
    scans = ContractScan.objects.filter(contract__in=contracts)
    for scan in scans:
        person.file_forget(scan.file.storage, scan.file.name)
    append_only_erase(scans, file="", name=ERASED)
    for event in ContractEvent.objects.filter(contract__in=contracts).exclude(note=""):
        if person.mentioned_in(event.note):
            append_only_erase(ContractEvent.objects.filter(pk=event.pk), note=person.scrub(event.note))
