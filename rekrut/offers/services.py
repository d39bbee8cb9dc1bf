"""Writes: saving an offer draft, the one write path for an offer's terms."""

from dataclasses import dataclass, field
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rekrut.accounts.models import User
from rekrut.core.errors import AccessDenied, DomainError, StaleEdit
from rekrut.core.signed_links import signed_links_revoke_for
from rekrut.events.actions import action_register
from rekrut.events.services import audit_record
from rekrut.jobs.models import Department, Job, Location
from rekrut.offers.models import (
    LIVE_STATUSES,
    AllowanceKind,
    ApprovalRequest,
    Offer,
    OfferAllowance,
    OfferEmployment,
    OfferStatus,
)
from rekrut.offers.rules import (
    Flag,
    OfferTerms,
    Refusal,
    RegionalMinimum,
    contract_end,
    offer_flags,
    offer_refusals,
)
from rekrut.offers.selectors import minimum_wage_on, offer_latest
from rekrut.pipeline.access import application_access
from rekrut.pipeline.models import Application

action_register("offer.drafted", gettext_lazy("Offer drafted"))
action_register("offer.draft_changed", gettext_lazy("Offer draft changed"))
action_register("offer.revised", gettext_lazy("Offer revised (new version)"))


@dataclass(frozen=True)
class AllowanceLine:
    kind: str  # AllowanceKind
    name: str
    amount: int


@dataclass(frozen=True)
class OfferData:
    position: str
    department: Department
    work_location: Location
    start_date: date
    employment_type: str
    base_salary: int
    expires_on: date
    signatory: User
    contract_months: int | None = None
    earlier_pkwt_months: int = 0
    probation_months: int = 0
    working_pattern: str = "5x8"
    annual_leave_days: int = 12
    allowances: tuple[AllowanceLine, ...] = ()
    benefits: tuple[str, ...] = field(default=())

    def terms(self) -> OfferTerms:
        is_pkwt = self.employment_type == OfferEmployment.PKWT
        return OfferTerms(
            employment_type=self.employment_type,
            start_date=self.start_date,
            expires_on=self.expires_on,
            base_salary=self.base_salary,
            fixed_allowances=tuple(a.amount for a in self.allowances if a.kind == AllowanceKind.FIXED),
            variable_allowances=tuple(a.amount for a in self.allowances if a.kind == AllowanceKind.VARIABLE),
            contract_months=self.contract_months if is_pkwt else None,
            earlier_pkwt_months=self.earlier_pkwt_months if is_pkwt else 0,
            probation_months=self.probation_months,
            annual_leave_days=self.annual_leave_days,
        )


def offer_data_of(offer: Offer) -> OfferData:
    """A saved offer's terms as the data the rules check."""
    return OfferData(
        position=offer.position,
        department=offer.department,
        work_location=offer.work_location,
        start_date=offer.start_date,
        employment_type=offer.employment_type,
        contract_months=offer.contract_months,
        earlier_pkwt_months=offer.earlier_pkwt_months,
        probation_months=offer.probation_months,
        base_salary=offer.base_salary,
        working_pattern=offer.working_pattern,
        annual_leave_days=offer.annual_leave_days,
        allowances=tuple(AllowanceLine(a.kind, a.name, a.amount) for a in offer.allowances.all()),
        benefits=tuple(offer.benefit_lines()),
        expires_on=offer.expires_on,
        signatory=offer.signatory,
    )


class OfferRefused(DomainError):
    """The offer breaks one or more rules; each refusal names its field, figure and rule. Nothing saved."""

    code = "offer_refused"

    def __init__(self, refusals: list[Refusal]) -> None:
        self.refusals = refusals
        super().__init__(" ".join(str(refusal.message) for refusal in refusals))


@dataclass(frozen=True)
class OfferCheck:
    refusals: list[Refusal]
    flags: list[Flag]
    minimum: RegionalMinimum | None


def offer_check(*, job: Job, data: OfferData, today: date | None = None) -> OfferCheck:
    """Every rule on the offer at once, with the minimum wage in force at the work location on the start
    date. Reads only: the builder's preview shows the same answer the save would give."""
    terms = data.terms()
    minimum = minimum_wage_on(location=data.work_location, day=data.start_date)
    refusals = offer_refusals(terms, today=today or timezone.localdate(), minimum=minimum)
    if not data.position.strip():
        refusals.insert(0, Refusal("position_missing", "position", _("Enter the position.")))
    if not data.signatory.is_active:
        refusals.append(
            Refusal("signatory_inactive", "signatory", _("The signatory no longer has an account."))
        )
    for line in data.allowances:
        if not line.name.strip():
            refusals.append(Refusal("allowance_unnamed", "allowances", _("Name every allowance.")))
            break
    flags = offer_flags(
        terms,
        salary_min=job.salary_min,
        salary_max=job.salary_max,
        minimum=minimum,
        location=str(data.work_location.city or data.work_location.name),
    )
    return OfferCheck(refusals=refusals, flags=flags, minimum=minimum)


_FIELDS = (
    "position",
    "department",
    "work_location",
    "start_date",
    "employment_type",
    "contract_months",
    "earlier_pkwt_months",
    "probation_months",
    "base_salary",
    "working_pattern",
    "annual_leave_days",
    "expires_on",
    "signatory",
    "benefits",
)


def _write(offer: Offer, data: OfferData, *, needs_extra_approval: bool) -> list[str]:
    """Puts the data on the offer; the names of the fields that changed (amounts stay out of the log)."""
    is_pkwt = data.employment_type == OfferEmployment.PKWT
    values: dict[str, object] = {
        "position": data.position.strip(),
        "department": data.department,
        "work_location": data.work_location,
        "start_date": data.start_date,
        "employment_type": data.employment_type,
        "contract_months": data.contract_months if is_pkwt else None,
        "end_date": contract_end(data.start_date, data.contract_months or 0) if is_pkwt else None,
        "earlier_pkwt_months": data.earlier_pkwt_months if is_pkwt else 0,
        "probation_months": 0 if is_pkwt else data.probation_months,
        "base_salary": data.base_salary,
        "working_pattern": data.working_pattern,
        "annual_leave_days": data.annual_leave_days,
        "expires_on": data.expires_on,
        "signatory": data.signatory,
        "benefits": "\n".join(line.strip() for line in data.benefits if line.strip()),
        "needs_extra_approval": needs_extra_approval,
    }
    changed = [name for name in _FIELDS if getattr(offer, name, None) != values[name]] if offer.pk else []
    for name, value in values.items():
        setattr(offer, name, value)
    return changed


def _allowances_write(offer: Offer, lines: tuple[AllowanceLine, ...]) -> bool:
    before = [(a.kind, a.name, a.amount) for a in offer.allowances.all()] if offer.pk else []
    after = [(line.kind, line.name.strip(), line.amount) for line in lines]
    if before == after:
        return False
    offer.allowances.all().delete()
    OfferAllowance.objects.bulk_create(
        OfferAllowance(offer=offer, kind=kind, name=name, amount=amount, position=n)
        for n, (kind, name, amount) in enumerate(after)
    )
    return True


@transaction.atomic
def offer_draft_save(
    *, actor: User, application: Application, data: OfferData, expected_version: int | None
) -> Offer:
    """Saves the application's offer as a draft, after every rule (all refusals at once, nothing saved).

    A draft is edited in place. An offer past draft (in approval, approved, sent, declined, expired) gets a
    new version as a draft; a live one is superseded and stays in the history. An accepted offer is final.
    `expected_version` is the `lock_version` of the latest offer as the user loaded it (None if there was
    none): it grows with every save across versions, so a save on top of someone else's is refused.
    """
    access = application_access(user=actor, application=application)
    if not access.job.is_hr_owner:
        raise AccessDenied(_("Only the job's HR owner or an HR admin can draft the offer."))
    application = Application.objects.select_for_update().select_related("job").get(pk=application.pk)
    if not access.is_open:
        raise DomainError(_("This application is closed; reopen it before making an offer."), code="closed")
    latest = offer_latest(application=application)
    if (latest.lock_version if latest else None) != expected_version:
        raise StaleEdit(
            _("Someone saved this offer after you opened it. Reload the page to see their changes.")
        )
    if latest is not None and latest.status == OfferStatus.ACCEPTED:
        raise DomainError(
            _("The candidate has accepted this offer; it can no longer be changed."), code="accepted"
        )

    check = offer_check(job=application.job, data=data)
    if check.refusals:
        raise OfferRefused(check.refusals)
    needs_extra = any(flag.code == "outside_salary_range" for flag in check.flags)

    if latest is not None and latest.status == OfferStatus.DRAFT:
        offer, action = latest, "offer.draft_changed"
        changed = _write(offer, data, needs_extra_approval=needs_extra)
        offer.lock_version += 1
    else:
        if latest is not None and latest.status in LIVE_STATUSES:
            latest.status = OfferStatus.SUPERSEDED
            latest.save(update_fields=["status", "updated_at"])
            # Its approvers' e-mail links stop; the candidate's link stays, to say it was replaced.
            for request in ApprovalRequest.objects.filter(offer=latest):
                signed_links_revoke_for(subject=request, actor=actor)
        offer = Offer(
            application=application,
            version=latest.version + 1 if latest else 1,
            lock_version=latest.lock_version + 1 if latest else 1,
            created_by=actor,
        )
        action = "offer.revised" if latest else "offer.drafted"
        _write(offer, data, needs_extra_approval=needs_extra)
        changed = []
    try:
        with transaction.atomic():
            offer.save()
    except IntegrityError:
        # Another save made this version between our read and our write.
        raise StaleEdit(
            _("Someone saved this offer after you opened it. Reload the page to see their changes.")
        ) from None
    if _allowances_write(offer, data.allowances):
        changed.append("allowances")
    audit_record(
        actor=actor,
        action=action,
        subject=offer,
        changes={"version": offer.version, "fields": changed, "needs_extra_approval": needs_extra},
    )
    return offer
