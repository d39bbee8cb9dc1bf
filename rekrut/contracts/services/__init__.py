"""Writes: generating a contract version from the accepted offer (drafting), the signing steps (signing),
the signed scan (scans), the PKWT's registration (registration) and opening the documents (reading). Each
runs in one transaction with its audit row and its history row.

The public names are re-exported here, so callers import `rekrut.contracts.services` as before.
"""

from rekrut.contracts.services.drafting import (
    ADDRESS_MAX,
    EXTRA_TERMS_MAX,
    TEXT_MAX,
    ContractData,
    ContractRefused,
    contract_generate,
)
from rekrut.contracts.services.reading import contract_document_open, contract_scan_open
from rekrut.contracts.services.registration import REGISTRATION_NUMBER_MAX, contract_register
from rekrut.contracts.services.scans import (
    SCAN_PAGES,
    SCAN_TOO_LARGE,
    SCAN_WRONG_TYPE,
    ScanUpload,
    contract_scan_upload,
)
from rekrut.contracts.services.signing import contract_candidate_sign, contract_company_sign, contract_send

__all__ = [
    "ADDRESS_MAX",
    "EXTRA_TERMS_MAX",
    "REGISTRATION_NUMBER_MAX",
    "SCAN_PAGES",
    "SCAN_TOO_LARGE",
    "SCAN_WRONG_TYPE",
    "TEXT_MAX",
    "ContractData",
    "ContractRefused",
    "ScanUpload",
    "contract_candidate_sign",
    "contract_company_sign",
    "contract_document_open",
    "contract_generate",
    "contract_register",
    "contract_scan_open",
    "contract_scan_upload",
    "contract_send",
]
