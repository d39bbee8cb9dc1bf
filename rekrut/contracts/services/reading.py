"""Reading the documents: the contract's PDF and the signed scans are salary data, so each opening is
logged."""

from django.db import transaction

from rekrut.accounts.models import User
from rekrut.contracts.documents import contract_pdf
from rekrut.contracts.models import Contract, ContractScan
from rekrut.events.services import audit_record


@transaction.atomic
def contract_document_open(*, actor: User, contract: Contract, language: str) -> bytes:
    """The version's PDF: the stored Indonesian document as it was generated, or its English translation."""
    document = (
        bytes(Contract.objects.values_list("document", flat=True).get(pk=contract.pk))
        if language == "id"
        else contract_pdf(contract, language="en")
    )
    audit_record(actor=actor, action="contract.downloaded", subject=contract, changes={"language": language})
    return document


@transaction.atomic
def contract_scan_open(*, actor: User, scan: ContractScan) -> ContractScan:
    audit_record(
        actor=actor, action="contract.scan_downloaded", subject=scan.contract, changes={"scan": scan.pk}
    )
    return scan
