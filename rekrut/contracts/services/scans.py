"""The signed paper, scanned or photographed: stored with the signing steps or added later."""

from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rekrut.accounts.models import User
from rekrut.contracts.models import Contract, ContractEventKind, ContractScan, ContractStatus
from rekrut.contracts.services.shared import event_add, manage_check
from rekrut.core.errors import DomainError
from rekrut.core.uploads import UploadRejected, scan_check
from rekrut.events.services import audit_record
from rekrut.pipeline.models import Application

# The signed paper, scanned or photographed (core's scan_check), in the contract's words.
SCAN_WRONG_TYPE = gettext_lazy("Upload the signed contract as a PDF or as a scan or photo (JPEG or PNG).")
SCAN_TOO_LARGE = gettext_lazy(
    "The file unpacks to far more than a signed contract needs. Upload a smaller scan."
)
SCAN_PAGES = 60  # a contract and its attachments


@dataclass(frozen=True)
class ScanUpload:
    name: str
    data: bytes


def scan_store(actor: User, contract: Contract, scan: ScanUpload) -> ContractScan:
    try:
        kind = scan_check(
            scan.data, wrong_type=SCAN_WRONG_TYPE, too_large=SCAN_TOO_LARGE, max_pages=SCAN_PAGES
        )
    except UploadRejected as rejected:
        raise DomainError(rejected.message, code=rejected.code) from None
    row = ContractScan(
        contract=contract,
        name=(scan.name or "").strip()[:200] or f"contract-{contract.pk}",
        kind=kind,
        size=len(scan.data),
        uploaded_by=actor,
    )
    row.file.save("scan", ContentFile(scan.data), save=False)
    row.save()
    event_add(contract, ContractEventKind.SCAN_UPLOADED, actor)
    audit_record(actor=actor, action="contract.scan_uploaded", subject=contract, changes={"kind": kind})
    return row


@transaction.atomic
def contract_scan_upload(*, actor: User, contract: Contract, scan: ScanUpload) -> ContractScan:
    """Adds a (better) scan of the signed paper; earlier scans stay in the history."""
    locked = Contract.objects.select_for_update().defer("document").get(pk=contract.pk)
    manage_check(actor, Application.objects.select_related("job").get(pk=locked.application_id))
    if locked.status not in (ContractStatus.CANDIDATE_SIGNED, ContractStatus.SIGNED):
        raise DomainError(_("A signed scan can be added once the candidate has signed."), code="not_signed")
    return scan_store(actor, locked, scan)
