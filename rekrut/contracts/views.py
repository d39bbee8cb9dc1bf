"""An application's contract: its page (current version, signing steps, registration, compensation, the
history), generating a version, the signing steps, the scans and the documents."""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rekrut.accounts.http import AuthedRequest
from rekrut.contracts import selectors, services
from rekrut.contracts.access import contract_access_get
from rekrut.contracts.forms import GenerateForm, RegisterForm, ScanForm, SignForm
from rekrut.contracts.models import SIGNING_ORDER, Contract, ContractScan, ContractStatus
from rekrut.contracts.services import ContractRefused, ScanUpload
from rekrut.core.actions import carry_out, carry_out_form
from rekrut.core.errors import DomainError
from rekrut.core.files import file_response
from rekrut.core.pdf import pdf_response
from rekrut.core.uploads import SCAN_TYPES, download_filename


def _steps(contract: Contract) -> list[dict[str, Any]]:
    """The four signing steps with whether each is done, for the page's progress line."""
    at = SIGNING_ORDER.index(ContractStatus(contract.status)) if contract.status in SIGNING_ORDER else -1
    dates = {
        ContractStatus.DRAFT: timezone.localdate(contract.generated_at),
        ContractStatus.SENT: timezone.localdate(contract.sent_at) if contract.sent_at else None,
        ContractStatus.CANDIDATE_SIGNED: contract.candidate_signed_on,
        ContractStatus.SIGNED: contract.company_signed_on,
    }
    labels = {
        ContractStatus.DRAFT: _("Generated"),
        ContractStatus.SENT: _("Sent to the candidate"),
        ContractStatus.CANDIDATE_SIGNED: _("Signed by the candidate"),
        ContractStatus.SIGNED: _("Signed by the company"),
    }
    return [
        {"label": labels[step], "done": n <= at, "on": dates[step] if n <= at else None}
        for n, step in enumerate(SIGNING_ORDER)
    ]


@login_required
def detail(request: AuthedRequest, application_id: int) -> HttpResponse:
    access = contract_access_get(user=request.user, application_id=application_id)
    application = access.application.application
    versions = list(selectors.contracts_of(application=application))
    current = next((c for c in versions if c.status != ContractStatus.SUPERSEDED), None)
    context: dict[str, Any] = {
        "nav": "candidates",
        "access": access,
        "application": application,
        "versions": versions,
        "contract": current,
        "offer": selectors.offer_accepted(application=application),
    }
    if current is not None:
        language = (translation.get_language() or "id")[:2]
        context.update(
            steps=_steps(current),
            events=list(current.events.select_related("actor")),
            scans=list(current.scans.select_related("uploaded_by")),
            compensation=selectors.compensation_for(current),
            holidays_skipped=selectors.holidays_skipped(current, language=language),
            registration_late=current.needs_registration
            and current.registration_due is not None
            and current.registration_due < timezone.localdate(),
            sign_form=SignForm(initial={"signed_on": timezone.localdate()}),
            scan_form=ScanForm(),
            register_form=RegisterForm(initial={"registered_on": timezone.localdate()}),
        )
    return render(request, "contracts/detail.html", context)


def _refusals_show(form: GenerateForm, refused: ContractRefused) -> None:
    for item in refused.missing:
        form.add_error(item.field if item.field in form.fields else None, str(item.message))


@login_required
def generate(request: AuthedRequest, application_id: int) -> HttpResponse:
    access = contract_access_get(user=request.user, application_id=application_id)
    if not access.can_manage:
        raise PermissionDenied
    application = access.application.application
    offer = selectors.offer_accepted(application=application)
    initial = selectors.generate_initial(application=application, offer=offer) if offer else {}
    form = GenerateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():

        def run() -> Contract:
            try:
                return services.contract_generate(
                    actor=request.user,
                    application=application,
                    data=form.contract_data(),
                    idempotency_key=form.cleaned_data.get("idempotency_key") or "",
                )
            except ContractRefused as refused:
                _refusals_show(form, refused)
                raise DomainError(
                    _("The contract was not generated: see what it still needs below.")
                ) from None

        made = carry_out(
            request,
            run,
            lambda contract: (
                _("Contract version %(version)s is generated as a draft.") % {"version": contract.version}
            ),
            form=form,
        )
        if made is not None:
            return redirect("contracts:detail", application_id=application.pk)
    current = selectors.contract_current(application=application)
    return render(
        request,
        "contracts/generate.html",
        {"nav": "candidates", "application": application, "offer": offer, "form": form, "current": current},
    )


def _found(request: AuthedRequest, contract_id: int) -> selectors.FoundContract:
    found = selectors.contract_get(user=request.user, contract_id=contract_id)
    if not found.access.can_manage:
        raise PermissionDenied
    return found


def _back(contract: Contract) -> HttpResponse:
    return redirect("contracts:detail", application_id=contract.application_id)


def _scan(data: dict[str, Any]) -> ScanUpload | None:
    upload = data.get("scan")
    return ScanUpload(name=upload.name, data=upload.read()) if upload else None


@login_required
@require_POST
def send(request: AuthedRequest, contract_id: int) -> HttpResponse:
    found = _found(request, contract_id)
    carry_out(
        request,
        lambda: services.contract_send(actor=request.user, contract=found.contract),
        _("The contract is marked as sent to the candidate."),
    )
    return _back(found.contract)


def _signed(
    request: AuthedRequest, contract_id: int, sign: Callable[..., Contract], success: str
) -> HttpResponse:
    """A signature recorded from the page (the candidate's or the company's), with its date and scan."""
    found = _found(request, contract_id)
    carry_out_form(
        request,
        SignForm(request.POST, request.FILES),
        lambda d: sign(actor=request.user, contract=found.contract, signed_on=d["signed_on"], scan=_scan(d)),
        success,
    )
    return _back(found.contract)


@login_required
@require_POST
def candidate_signed(request: AuthedRequest, contract_id: int) -> HttpResponse:
    return _signed(
        request, contract_id, services.contract_candidate_sign, _("The candidate's signature is recorded.")
    )


@login_required
@require_POST
def company_signed(request: AuthedRequest, contract_id: int) -> HttpResponse:
    return _signed(
        request, contract_id, services.contract_company_sign, _("The contract is signed by both sides.")
    )


@login_required
@require_POST
def scan_upload(request: AuthedRequest, contract_id: int) -> HttpResponse:
    found = _found(request, contract_id)

    def upload(d: dict[str, Any]) -> ContractScan:
        scan = _scan(d)
        assert scan is not None  # the field is required
        return services.contract_scan_upload(actor=request.user, contract=found.contract, scan=scan)

    carry_out_form(request, ScanForm(request.POST, request.FILES), upload, _("The scan is added."))
    return _back(found.contract)


@login_required
@require_POST
def register(request: AuthedRequest, contract_id: int) -> HttpResponse:
    found = _found(request, contract_id)
    carry_out_form(
        request,
        RegisterForm(request.POST),
        lambda d: services.contract_register(
            actor=request.user,
            contract=found.contract,
            registered_on=d["registered_on"],
            number=d["registration_number"],
        ),
        _("The contract's registration is recorded."),
    )
    return _back(found.contract)


@login_required
def document(request: AuthedRequest, contract_id: int) -> HttpResponse:
    """The version's PDF: `?lang=en` for the English translation; the contract itself is Indonesian."""
    found = selectors.contract_get(user=request.user, contract_id=contract_id)
    language = "en" if request.GET.get("lang") == "en" else "id"
    content = services.contract_document_open(actor=request.user, contract=found.contract, language=language)
    kind = "kontrak" if language == "id" else "contract-translation"
    stem = f"{kind}-{found.contract.worker_name}-v{found.contract.version}"
    return pdf_response(content, filename=stem)


@login_required
def scan(request: AuthedRequest, scan_id: int) -> HttpResponseBase:
    row = ContractScan.objects.filter(pk=scan_id).select_related("contract").first()
    if row is None:
        raise Http404
    selectors.contract_get(user=request.user, contract_id=row.contract_id)  # 404 / 403 as the contract
    services.contract_scan_open(actor=request.user, scan=row)
    stem = f"kontrak-{row.contract.worker_name}-v{row.contract.version}-scan"
    # Named after what the content is (checked when uploaded), never what the uploader called it.
    return file_response(
        request,
        row.file,
        filename=download_filename(name=stem, kind=row.kind),
        content_type=SCAN_TYPES[row.kind],
    )
