"""Contracts over the API: an application's current contract and the signing steps, through the same
access, selectors and services as the contract page. The wage and the C7 compensation are salary data
(UU 27/2022 Ps 4, rule P2): only callers who may see the offer get them; others on the team see the
contract's status and dates. Signing steps with a scan are multipart forms (the scan as `scan`)."""

from datetime import date

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Router, Schema, UploadedFile

from rekrut.api.auth import request_user
from rekrut.api.schemas import ErrorOut, ObjectId, UtcDateTime
from rekrut.contracts import selectors, services
from rekrut.contracts.access import ContractAccess
from rekrut.contracts.models import Contract, ContractStatus
from rekrut.contracts.services import REGISTRATION_NUMBER_MAX, ScanUpload
from rekrut.core.errors import AccessDenied
from rekrut.core.uploads import MAX_UPLOAD_BYTES
from rekrut.pipeline.access import application_access_get

router = Router(tags=["contracts"])

# The scan is an optional file part of the multipart form.
OPTIONAL_SCAN: UploadedFile | None = File(None)  # type: ignore[assignment]

READ_ERRORS = {403: ErrorOut, 404: ErrorOut}
WRITE_ERRORS = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut}


class ContractAmountsOut(Schema):
    base_salary: int = Field(description="Rupiah per month")
    monthly_wage: int = Field(description="Base salary plus fixed allowances, Rupiah per month")
    compensation: int | None = Field(
        description="Uang kompensasi due at a PKWT's end, for information (PP 35/2021 Ps 15-17, C7)"
    )


class ContractOut(Schema):
    id: int
    application: int
    version: int
    status: ContractStatus
    employment_type: str = Field(description="pkwt (fixed term) or pkwtt (unspecified period)")
    position: str
    start_date: date
    end_date: date | None
    generated_at: UtcDateTime
    sent_at: UtcDateTime | None
    candidate_signed_on: date | None
    company_signed_on: date | None
    registration_due: date | None = Field(
        description="A PKWT signed by both: 3 working days after signing (PP 35/2021 Ps 13-14, C6)"
    )
    registered_on: date | None
    registration_number: str
    amounts: ContractAmountsOut | None = Field(description="Only for callers who may see the offer's pay.")


def _out(contract: Contract, access: ContractAccess) -> dict:
    amounts = None
    if access.can_see:
        compensation = selectors.compensation_for(contract)
        amounts = {
            "base_salary": contract.base_salary,
            "monthly_wage": contract.base_salary + sum(selectors.fixed_allowances(contract)),
            "compensation": compensation.amount if compensation else None,
        }
    return {
        **{name: getattr(contract, name) for name in ContractOut.model_fields if name != "amounts"},
        "application": contract.application_id,
        "amounts": amounts,
    }


def _managed(request: HttpRequest, contract_id: int) -> tuple[Contract, ContractAccess]:
    found = selectors.contract_get(user=request_user(request), contract_id=contract_id)
    if not found.access.can_manage:
        raise AccessDenied(_("Only the job's HR owner or an HR admin can work on the contract."))
    return found.contract, found.access


def _scan(upload: UploadedFile | None) -> ScanUpload | None:
    if upload is None:
        return None
    # The content is checked by the service; this only spares reading a file far too large.
    data = upload.read(MAX_UPLOAD_BYTES + 1)
    return ScanUpload(name=upload.name or "", data=data)


@router.get(
    "/applications/{application_id}/contract",
    response={200: ContractOut, **READ_ERRORS},
    summary="An application's current contract (amounts only for those who may see the pay)",
)
def contract_current(request: HttpRequest, application_id: ObjectId) -> dict:
    access = application_access_get(user=request_user(request), application_id=application_id)
    contract = selectors.contract_current(application=access.application)
    if contract is None:
        raise Http404
    return _out(contract, ContractAccess(application=access))


@router.post(
    "/contracts/{contract_id}/send",
    response={200: ContractOut, **WRITE_ERRORS},
    summary="Mark the contract as sent to the candidate for signing",
)
def contract_send(request: HttpRequest, contract_id: ObjectId) -> dict:
    contract, access = _managed(request, contract_id)
    return _out(services.contract_send(actor=request_user(request), contract=contract), access)


@router.post(
    "/contracts/{contract_id}/candidate-signed",
    response={200: ContractOut, **WRITE_ERRORS},
    summary="Record the candidate's signature (multipart; a scan of the signed copy may come with it)",
)
def contract_candidate_signed(
    request: HttpRequest,
    contract_id: ObjectId,
    signed_on: Form[date],
    scan: UploadedFile | None = OPTIONAL_SCAN,
) -> dict:
    contract, access = _managed(request, contract_id)
    signed = services.contract_candidate_sign(
        actor=request_user(request), contract=contract, signed_on=signed_on, scan=_scan(scan)
    )
    return _out(signed, access)


@router.post(
    "/contracts/{contract_id}/company-signed",
    response={200: ContractOut, **WRITE_ERRORS},
    summary="Record the company's signature (multipart; the scan signed by both is needed once)",
)
def contract_company_signed(
    request: HttpRequest,
    contract_id: ObjectId,
    signed_on: Form[date],
    scan: UploadedFile | None = OPTIONAL_SCAN,
) -> dict:
    contract, access = _managed(request, contract_id)
    signed = services.contract_company_sign(
        actor=request_user(request), contract=contract, signed_on=signed_on, scan=_scan(scan)
    )
    return _out(signed, access)


class RegistrationIn(Schema):
    registered_on: date
    registration_number: str = Field(min_length=1, max_length=REGISTRATION_NUMBER_MAX)


@router.post(
    "/contracts/{contract_id}/registration",
    response={200: ContractOut, **WRITE_ERRORS},
    summary="Record a PKWT's registration with the Ministry of Manpower (C6)",
)
def contract_registration(request: HttpRequest, contract_id: ObjectId, payload: RegistrationIn) -> dict:
    contract, access = _managed(request, contract_id)
    registered = services.contract_register(
        actor=request_user(request),
        contract=contract,
        registered_on=payload.registered_on,
        number=payload.registration_number,
    )
    return _out(registered, access)
