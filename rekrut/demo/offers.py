"""Offers for the demo company: of the applications waiting at an offer stage, the first gets an offer in
approval (HR approved, the hiring manager's turn) and the second an offer sent and accepted. Through the
services, with dates from today; a second run changes nothing. Call `offers_demo_make(users)` after the
interviews and MCU demo (the lead wires it into the `demo` command)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from rekrut.accounts.models import User
from rekrut.core.errors import DomainError
from rekrut.jobs.models import HiringTeamMember, StageKind, TeamRole
from rekrut.offers.chain import current_step, offer_decide, offer_submit, step_approvers
from rekrut.offers.models import Offer
from rekrut.offers.sending import offer_accept, offer_send
from rekrut.offers.services import AllowanceLine, OfferData, offer_draft_save
from rekrut.pipeline.models import Application
from rekrut.pipeline.transitions import ApplicationStatus


def _drafter(application: Application, users: dict[str, User]) -> User:
    owner = (
        HiringTeamMember.objects.filter(job=application.job, role=TeamRole.HR_OWNER, user__is_active=True)
        .select_related("user")
        .first()
    )
    return owner.user if owner else users["sari"]


def _draft(application: Application, actor: User) -> Offer:
    job = application.job
    today = timezone.localdate()
    # Pay inside the job's range (its middle), so the demo's chain is the usual one: HR, then the user.
    low, high = job.salary_min, job.salary_max
    target = (low + high) // 2 if low and high else (low or high or 8_000_000)
    fixed = 1_000_000 if target >= 5_000_000 else 0
    data = OfferData(
        position=job.title,
        department=job.department,
        work_location=job.location,
        start_date=today + timedelta(days=30),
        employment_type="pkwtt",
        probation_months=3,
        base_salary=target - fixed,
        allowances=(
            *([AllowanceLine("fixed", "Tunjangan jabatan", fixed)] if fixed else []),
            AllowanceLine("variable", "Uang makan dan transport", 750_000),
        ),
        benefits=("Asuransi kesehatan swasta untuk karyawan dan keluarga", "Laptop kerja"),
        expires_on=today + timedelta(days=7),
        signatory=actor,
    )
    return offer_draft_save(actor=actor, application=application, data=data, expected_version=None)


def _approve_step(offer: Offer, actor: User) -> Offer:
    step = current_step(offer)
    assert step is not None
    approver = step_approvers(step=step, job=offer.application.job, submitter=actor)[0]
    return offer_decide(actor=approver, offer=offer, decision="approved")


def offer_accepted(*, application: Application, actor: User) -> Offer:
    """For the demo's walk past the offer stage: an offer drafted, approved by each step, sent and
    accepted, as it happens for real (its exit rule holds). Uses the services; refusals propagate."""
    actor = _drafter(application, {"sari": actor})
    offer = offer_submit(actor=actor, offer=_draft(application, actor))
    while current_step(offer) is not None:
        offer = _approve_step(offer, actor)
    offer_send(actor=actor, offer=offer)
    offer.refresh_from_db()
    offer_accept(offer=offer, seen_hash=offer.terms_hash, ip="127.0.0.1", user_agent="Rekrut demo")
    return offer


def offers_demo_make(users: dict[str, User]) -> int:
    """Returns how many applications got an offer now (0 on a second run, or without offer-stage ones)."""
    waiting = (
        Application.objects.filter(status=ApplicationStatus.ACTIVE, stage__kind=StageKind.OFFER)
        .exclude(pk__in=Offer.objects.values("application_id"))
        .select_related("job__department", "job__location", "candidate")
        .order_by("pk")[:2]
    )
    made = 0
    for index, application in enumerate(waiting):
        actor = _drafter(application, users)
        try:
            with transaction.atomic():
                offer = offer_submit(actor=actor, offer=_draft(application, actor))
                offer = _approve_step(offer, actor)  # HR approved; the hiring manager's turn
                if index == 1 and application.candidate.email:
                    while current_step(offer) is not None:
                        offer = _approve_step(offer, actor)
                    offer_send(actor=actor, offer=offer)
                    offer.refresh_from_db()
                    offer_accept(
                        offer=offer, seen_hash=offer.terms_hash, ip="127.0.0.1", user_agent="Rekrut demo"
                    )
        except DomainError:
            continue  # a demo job the rules refuse (no hiring manager, a minimum wage above the pay): skip it
        made += 1
    return made
