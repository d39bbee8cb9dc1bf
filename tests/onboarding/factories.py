"""Onboarding factories: an onboarding started through the real service (the seeded default checklist),
an accepted offer as the offers app leaves it, and the explicit permission to see bank and salary data."""

from datetime import date, timedelta

from django.utils import timezone

from rekrut.accounts.models import User
from rekrut.accounts.specific_data import specific_permission
from rekrut.offers.models import AllowanceKind, Offer, OfferAllowance, OfferEmployment, OfferStatus
from rekrut.onboarding.access import FINANCIAL_DATA
from rekrut.onboarding.candidate import EmployeeInput, employee_details_give
from rekrut.onboarding.models import Onboarding
from rekrut.onboarding.services import onboarding_start
from rekrut.pipeline.models import Application
from tests.accounts.factories import factory_hr_admin

# L5: born 17 August 1990 (a man), registered in Jakarta Selatan (3174); serial 0001.
NIK = "3174011708900001"
# L5: a woman born 17 August 1990 (day 17 + 40 = 57).
NIK_WOMAN = "3174015708900002"
NPWP_OLD = "013121660091000"  # stdnum's own example: a valid 15-digit NPWP (check digit ok)


def start_in(days: int = 14) -> date:
    return timezone.localdate() + timedelta(days=days)


def onboarding_make(
    *, application: Application, actor: User | None = None, start_date: date | None = None
) -> Onboarding:
    return onboarding_start(
        actor=actor or factory_hr_admin(), application=application, start_date=start_date or start_in()
    )


def offer_accepted_make(*, application: Application, actor: User, **fields: object) -> Offer:
    """Test set-up: an offer as the offers app leaves it once the candidate accepted (PKWT, one year)."""
    job = application.job
    values: dict[str, object] = {
        "application": application,
        "status": OfferStatus.ACCEPTED,
        "position": "Customer Service Officer",
        "department": job.department,
        "work_location": job.location,
        "start_date": start_in(21),
        "employment_type": OfferEmployment.PKWT,
        "contract_months": 12,
        "end_date": start_in(21) + timedelta(days=365),
        "base_salary": 6_000_000,
        "expires_on": start_in(7),
        "signatory": actor,
        "created_by": actor,
        **fields,
    }
    offer = Offer.objects.create(**values)
    OfferAllowance.objects.create(
        offer=offer, kind=AllowanceKind.FIXED, name="Tunjangan transport", amount=500_000
    )
    OfferAllowance.objects.create(offer=offer, kind=AllowanceKind.VARIABLE, name="Uang makan", amount=300_000)
    return offer


def financial_access_give(user: User) -> User:
    """Test set-up: the permission an HR admin grants on accounts:specific_data."""
    user.user_permissions.add(specific_permission(FINANCIAL_DATA))
    return User.objects.get(pk=user.pk)


def details_give(onboarding: Onboarding, **fields: object) -> None:
    """The new employee's numbers and bank account, as given through their link."""
    values: dict[str, object] = {
        "nik": NIK,
        "npwp": NIK,
        "address": "Jl. Kemang Raya No. 5, Jakarta Selatan",
        "bpjs_kesehatan": "0001234567890",
        "bpjs_ketenagakerjaan": "12345678901",
        "bank": "014",
        "account_number": "1234567890",
        "account_holder": "Putri Maharani",
        **fields,
    }
    employee_details_give(onboarding=onboarding, entry=EmployeeInput(**values))  # type: ignore[arg-type]
