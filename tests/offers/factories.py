"""Offers factories: the data HR types into the builder, and an offer saved through the real service."""

from datetime import date

from rekrut.accounts.models import User
from rekrut.jobs.models import Job
from rekrut.offers.models import Offer
from rekrut.offers.selectors import offer_latest
from rekrut.offers.services import AllowanceLine, OfferData, offer_draft_save
from rekrut.pipeline.models import Application

# Tests run on 1 December 2026 (frozen); the offer starts on the first Monday of 2027.
TODAY = date(2026, 12, 1)
START = date(2027, 1, 4)
EXPIRES = date(2026, 12, 8)


def offer_data_make(*, job: Job, signatory: User, **overrides: object) -> OfferData:
    """A lawful PKWTT offer in Jakarta Selatan (UMP DKI Jakarta 2026: Rp5.729.876)."""
    fields: dict[str, object] = {
        "position": job.title,
        "department": job.department,
        "work_location": job.location,
        "start_date": START,
        "employment_type": "pkwtt",
        "probation_months": 3,
        "base_salary": 7_000_000,
        "allowances": (
            AllowanceLine("fixed", "Tunjangan jabatan", 1_000_000),
            AllowanceLine("variable", "Uang makan", 500_000),
        ),
        "benefits": ("Asuransi kesehatan swasta", "Laptop"),
        "expires_on": EXPIRES,
        "signatory": signatory,
    }
    fields.update(overrides)
    return OfferData(**fields)  # type: ignore[arg-type]


def offer_make(*, application: Application, actor: User, **overrides: object) -> Offer:
    latest = offer_latest(application=application)
    return offer_draft_save(
        actor=actor,
        application=application,
        data=offer_data_make(job=application.job, signatory=actor, **overrides),
        expected_version=latest.lock_version if latest else None,
    )


def offer_submitted(*, application: Application, actor: User, **overrides: object) -> Offer:
    """A drafted offer, submitted for approval by `actor` (the job's HR owner)."""
    from rekrut.offers.chain import offer_submit

    offer = offer_make(application=application, actor=actor, **overrides)
    return offer_submit(actor=actor, offer=offer)


def offer_approved(
    *, application: Application, actor: User, approvers: list[User], **overrides: object
) -> Offer:
    """Submitted, then approved by each of `approvers` in the chain's order."""
    from rekrut.offers.chain import offer_decide

    offer = offer_submitted(application=application, actor=actor, **overrides)
    for approver in approvers:
        offer = offer_decide(actor=approver, offer=offer, decision="approved")
    return offer


def offer_sent(
    *, application: Application, actor: User, approvers: list[User], **overrides: object
) -> tuple[Offer, str]:
    """Approved and sent; returns the offer and the candidate's token."""
    from rekrut.offers.sending import offer_send

    offer = offer_approved(application=application, actor=actor, approvers=approvers, **overrides)
    issued = offer_send(actor=actor, offer=offer)
    offer.refresh_from_db()
    return offer, issued.token
