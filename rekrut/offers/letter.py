"""The offer letter: its terms as a record (what approvers approve and the candidate accepts, hashed), and
the letter itself as a PDF on the company's letterhead (rekrut/core/pdf.py), in Bahasa Indonesia unless
English is asked for. The letter is a pre-contract (rule O1): the PKWT/PKWTT contract follows acceptance.
"""

import hashlib
import json
from typing import Any

from django.conf import settings
from django.utils import translation

from rekrut.core.pdf import pdf_render
from rekrut.offers.models import Offer, OfferPolicy
from rekrut.offers.pay import PayTotals, pay_totals
from rekrut.offers.selectors import bpjs_rates_on, offer_policy


def offer_terms_record(offer: Offer) -> dict[str, Any]:
    """Every term of the offer as plain values, in a fixed shape: what a hash is taken of and what the
    candidate's acceptance is kept with. Names are copied, so renaming a department later changes nothing."""
    allowances = [
        {"kind": a.kind, "name": a.name, "amount": a.amount}
        for a in sorted(offer.allowances.all(), key=lambda a: (a.kind, a.position, a.pk))
    ]
    return {
        "application": offer.application_id,
        "version": offer.version,
        "candidate": offer.application.candidate.full_name,
        "company": settings.COMPANY_NAME,
        "position": offer.position,
        "department": offer.department.name,
        "work_location": f"{offer.work_location.name}, {offer.work_location.city}",
        "start_date": offer.start_date.isoformat(),
        "employment_type": offer.employment_type,
        "contract_months": offer.contract_months,
        "end_date": offer.end_date.isoformat() if offer.end_date else None,
        "probation_months": offer.probation_months,
        "base_salary": offer.base_salary,
        "allowances": allowances,
        "benefits": offer.benefit_lines(),
        "working_pattern": offer.working_pattern,
        "annual_leave_days": offer.annual_leave_days,
        "expires_on": offer.expires_on.isoformat(),
        "signatory": offer.signatory.get_full_name() or offer.signatory.get_username(),
    }


def terms_hash_of(record: dict[str, Any]) -> str:
    """SHA-256 of the record as canonical JSON (sorted keys, no spaces): the same terms, the same hash."""
    canonical = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def offer_terms_hash(offer: Offer) -> str:
    return terms_hash_of(offer_terms_record(offer))


def offer_totals(offer: Offer) -> PayTotals:
    allowances = list(offer.allowances.all())
    return pay_totals(
        base=offer.base_salary,
        fixed=[a.amount for a in allowances if a.kind == "fixed"],
        variable=[a.amount for a in allowances if a.kind == "variable"],
        rates=bpjs_rates_on(day=offer.start_date),
    )


def letter_context(offer: Offer, *, policy: OfferPolicy | None = None) -> dict[str, Any]:
    policy = policy or offer_policy()
    allowances = list(offer.allowances.all())
    return {
        "offer": offer,
        "candidate": offer.application.candidate,
        "fixed_allowances": [a for a in allowances if a.kind == "fixed"],
        "variable_allowances": [a for a in allowances if a.kind == "variable"],
        "totals": offer_totals(offer),
        "letterhead_address": policy.letterhead_address,
        "letterhead_contact": policy.letterhead_contact,
        "reference": f"{offer.application_id}/{offer.version}",
    }


def offer_letter_pdf(offer: Offer, *, language: str = "id") -> bytes:
    """The letter as PDF bytes, in `language` (id or en; anything else is Bahasa Indonesia)."""
    with translation.override(language):
        context = letter_context(offer)
    return pdf_render(template="offers/letter.html", context=context, language=language)


def letter_filename(offer: Offer) -> str:
    return f"surat-penawaran-{offer.application.candidate.full_name}-v{offer.version}.pdf"
