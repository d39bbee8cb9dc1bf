"""The rules an offer must meet, as pure functions: no database, no clock, so each is tested on its own.

Each rule returns named refusals (a code, the field it belongs beside, a message with the figure, and the
rule id with its legal source from shared/domain/indonesia.md). A refusal stops the save; a flag does not
(pay outside the job's range only adds an approval). Figures the law changes yearly (minimum wages) come
in as arguments, read from the dated tables by the caller.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_stubs_ext import StrOrPromise

from rekrut.core.localization import rupiah

# PP 35/2021 Ps 8(1) as read with MK 168/PUU-XXI/2023 (rule C2): a PKWT lasts at most 5 years in total.
PKWT_MAX_MONTHS = 60
# UU 13/2003 Ps 60(1); PP 35/2021 Ps 12 (rule C4): probation at most 3 months, and only in a PKWTT.
PROBATION_MAX_MONTHS = 3
# UU 13/2003 Ps 79(3) as amended by UU 6/2023 (rule C10): at least 12 working days of annual leave.
ANNUAL_LEAVE_MIN_DAYS = 12
# UU 13/2003 Ps 94 (rule O2): base salary at least 75% of base plus fixed allowances.
BASE_SHARE_MIN_PERCENT = 75
# Not a legal figure: a monthly amount above Rp1 miliar is a typing slip, not an offer.
AMOUNT_MAX = 1_000_000_000
MONTHS_MAX = 600


@dataclass(frozen=True)
class Refusal:
    code: str
    field: str  # the form field it is shown beside; "" for the whole offer
    message: StrOrPromise
    rule: str = ""  # rule id and source, e.g. "C4 · PP 35/2021 Ps 12"


@dataclass(frozen=True)
class Flag:
    """Not a refusal: something the approval chain or HR must look at."""

    code: str
    message: StrOrPromise
    rule: str = ""


@dataclass(frozen=True)
class RegionalMinimum:
    """The minimum wage in force for a work location on a date (rule O3)."""

    region: str
    is_city: bool  # UMK (regency/city) rather than UMP (province)
    amount: int
    valid_from: date


@dataclass(frozen=True)
class OfferTerms:
    employment_type: str  # "pkwt" or "pkwtt"
    start_date: date
    expires_on: date
    base_salary: int
    fixed_allowances: tuple[int, ...] = ()
    variable_allowances: tuple[int, ...] = ()
    contract_months: int | None = None
    earlier_pkwt_months: int = 0
    probation_months: int = 0
    annual_leave_days: int = ANNUAL_LEAVE_MIN_DAYS

    @property
    def fixed_total(self) -> int:
        return sum(self.fixed_allowances)

    @property
    def wage_base(self) -> int:
        """Basic + fixed allowances: the base of the minimum wage, BPJS and THR (never variable ones)."""
        return self.base_salary + self.fixed_total


def months_text(months: int) -> str:
    return ngettext("%(count)s month", "%(count)s months", months) % {"count": months}


def contract_end(start: date, months: int) -> date:
    """The last day of a contract of `months` months from `start` (1 March + 12 months → 28 February)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day) - timedelta(days=1)


def amounts_refusals(terms: OfferTerms) -> list[Refusal]:
    """Negative or absurd amounts and counts: never saved, whatever the other rules say."""
    refusals = []
    amounts = [("base_salary", terms.base_salary)]
    amounts += [("allowances", amount) for amount in (*terms.fixed_allowances, *terms.variable_allowances)]
    for name, amount in amounts:
        if amount < 0:
            refusals.append(
                Refusal(
                    "amount_negative",
                    name,
                    _("An amount cannot be negative: %(amount)s.") % {"amount": rupiah(amount)},
                )
            )
        elif amount > AMOUNT_MAX:
            refusals.append(
                Refusal(
                    "amount_too_large",
                    name,
                    _("%(amount)s a month is more than Rekrut accepts (%(max)s). Check the number of zeros.")
                    % {"amount": rupiah(amount), "max": rupiah(AMOUNT_MAX)},
                )
            )
    if terms.base_salary == 0:
        refusals.append(Refusal("base_salary_missing", "base_salary", _("Enter the base salary.")))
    counts = [
        ("contract_months", terms.contract_months or 0),
        ("earlier_pkwt_months", terms.earlier_pkwt_months),
        ("probation_months", terms.probation_months),
        ("annual_leave_days", terms.annual_leave_days),
    ]
    for name, count in counts:
        if count < 0 or count > MONTHS_MAX:
            refusals.append(
                Refusal(
                    "count_out_of_range",
                    name,
                    _("%(count)s is not a possible number here.") % {"count": count},
                )
            )
    return refusals


def probation_refusals(terms: OfferTerms) -> list[Refusal]:
    """Rule C4 (UU 13/2003 Ps 58(1) and 60(1); PP 35/2021 Ps 12): probation only in a PKWTT, at most 3
    months. Probation written into a PKWT is void by law, so it is refused rather than saved."""
    rule = "C4 · UU 13/2003 Ps 58, 60; PP 35/2021 Ps 12"
    if terms.probation_months <= 0:
        return []
    if terms.employment_type == "pkwt":
        return [
            Refusal(
                "probation_on_pkwt",
                "probation_months",
                _(
                    "A fixed-term contract (PKWT) cannot have a probation period (entered: %(months)s). "
                    "Probation is only allowed for permanent employment (PKWTT)."
                )
                % {"months": months_text(terms.probation_months)},
                rule,
            )
        ]
    if terms.probation_months > PROBATION_MAX_MONTHS:
        return [
            Refusal(
                "probation_too_long",
                "probation_months",
                _("Probation may last at most %(max)s, not %(months)s.")
                % {"max": months_text(PROBATION_MAX_MONTHS), "months": months_text(terms.probation_months)},
                rule,
            )
        ]
    return []


def pkwt_refusals(terms: OfferTerms) -> list[Refusal]:
    """Rule C2 (PP 35/2021 Ps 8; MK 168/PUU-XXI/2023): a PKWT lasts at most 5 years in total with the
    company, counting earlier PKWTs and extensions from the first contract's first day."""
    if terms.employment_type != "pkwt":
        return []
    months = terms.contract_months or 0
    if months <= 0:
        return [
            Refusal(
                "contract_months_missing", "contract_months", _("Enter the length of the contract in months.")
            )
        ]
    total = months + max(terms.earlier_pkwt_months, 0)
    if total > PKWT_MAX_MONTHS:
        return [
            Refusal(
                "pkwt_too_long",
                "contract_months",
                _(
                    "Fixed-term contracts (PKWT) with the company may last at most %(max)s in total. "
                    "%(earlier)s before and %(months)s now make %(total)s."
                )
                % {
                    "max": months_text(PKWT_MAX_MONTHS),
                    "earlier": months_text(max(terms.earlier_pkwt_months, 0)),
                    "months": months_text(months),
                    "total": months_text(total),
                },
                "C2 · PP 35/2021 Ps 8; MK 168/PUU-XXI/2023",
            )
        ]
    return []


def base_share_refusals(terms: OfferTerms) -> list[Refusal]:
    """Rule O2 (UU 13/2003 Ps 94): when the wage is base plus fixed allowances, the base is at least 75%
    of the sum. Integer arithmetic: base × 100 ≥ 75 × (base + fixed)."""
    fixed = terms.fixed_total
    if fixed <= 0 or terms.base_salary <= 0:
        return []
    total = terms.base_salary + fixed
    if terms.base_salary * 100 >= BASE_SHARE_MIN_PERCENT * total:
        return []
    # The smallest base that meets the rule with these allowances: base ≥ 3 × fixed.
    needed = fixed * BASE_SHARE_MIN_PERCENT // (100 - BASE_SHARE_MIN_PERCENT)
    return [
        Refusal(
            "base_share_too_low",
            "base_salary",
            _(
                "The base salary must be at least %(min)s%% of base salary plus fixed allowances. "
                "%(base)s is %(percent)s%% of %(total)s; with these fixed allowances the base salary must "
                "be at least %(needed)s."
            )
            % {
                "min": BASE_SHARE_MIN_PERCENT,
                "base": rupiah(terms.base_salary),
                "percent": terms.base_salary * 100 // total,
                "total": rupiah(total),
                "needed": rupiah(needed),
            },
            "O2 · UU 13/2003 Ps 94",
        )
    ]


def minimum_wage_refusals(terms: OfferTerms, minimum: RegionalMinimum | None) -> list[Refusal]:
    """Rule O3 (UU 13/2003 Ps 88E and 185 as amended by UU 6/2023; PP 36/2021 Ps 23–24): a new employee
    (service under a year) earns at least the minimum wage of the work location, UMK over UMP. Basic plus
    fixed allowances count; variable allowances never do."""
    if minimum is None or terms.base_salary <= 0 or terms.wage_base >= minimum.amount:
        return []
    return [
        Refusal(
            "below_minimum_wage",
            "base_salary",
            _(
                "Base salary plus fixed allowances (%(pay)s) is below the minimum wage of %(region)s: "
                "%(kind)s %(minimum)s, in force from %(since)s."
            )
            % {
                "pay": rupiah(terms.wage_base),
                "region": minimum.region,
                "kind": "UMK" if minimum.is_city else "UMP",
                "minimum": rupiah(minimum.amount),
                "since": date_format(minimum.valid_from, "DATE_FORMAT"),
            },
            "O3 · UU 13/2003 Ps 88E (UU 6/2023); PP 36/2021 Ps 23",
        )
    ]


def leave_refusals(terms: OfferTerms) -> list[Refusal]:
    """Rule C10 (UU 13/2003 Ps 79(3) as amended by UU 6/2023): at least 12 working days a year."""
    if terms.annual_leave_days >= ANNUAL_LEAVE_MIN_DAYS or terms.annual_leave_days < 0:
        return []
    return [
        Refusal(
            "leave_too_short",
            "annual_leave_days",
            _("Annual leave must be at least %(min)s working days, not %(days)s.")
            % {"min": ANNUAL_LEAVE_MIN_DAYS, "days": terms.annual_leave_days},
            "C10 · UU 13/2003 Ps 79(3)",
        )
    ]


def date_refusals(terms: OfferTerms, *, today: date) -> list[Refusal]:
    refusals = []
    if terms.start_date < today:
        refusals.append(
            Refusal(
                "start_in_past",
                "start_date",
                _("The start date %(date)s has already passed.")
                % {"date": date_format(terms.start_date, "DATE_FORMAT")},
            )
        )
    if terms.expires_on < today:
        refusals.append(
            Refusal(
                "expiry_in_past",
                "expires_on",
                _("The offer would already have expired on %(date)s.")
                % {"date": date_format(terms.expires_on, "DATE_FORMAT")},
            )
        )
    elif terms.expires_on > terms.start_date:
        refusals.append(
            Refusal(
                "expiry_after_start",
                "expires_on",
                _("The offer must expire by the start date (%(start)s), not on %(date)s.")
                % {
                    "start": date_format(terms.start_date, "DATE_FORMAT"),
                    "date": date_format(terms.expires_on, "DATE_FORMAT"),
                },
            )
        )
    return refusals


def offer_refusals(terms: OfferTerms, *, today: date, minimum: RegionalMinimum | None) -> list[Refusal]:
    """Every rule at once, so HR sees all that is wrong in one go."""
    amounts = amounts_refusals(terms)
    if amounts:
        # Money rules on a negative or absurd figure would only repeat the same slip in other words.
        money: list[Refusal] = []
    else:
        money = base_share_refusals(terms) + minimum_wage_refusals(terms, minimum)
    return [
        *amounts,
        *money,
        *probation_refusals(terms),
        *pkwt_refusals(terms),
        *leave_refusals(terms),
        *date_refusals(terms, today=today),
    ]


def offer_flags(
    terms: OfferTerms,
    *,
    salary_min: int | None,
    salary_max: int | None,
    minimum: RegionalMinimum | None,
    location: str,
) -> list[Flag]:
    flags = []
    pay = terms.wage_base
    if (salary_min is not None and pay < salary_min) or (salary_max is not None and pay > salary_max):
        flags.append(
            Flag(
                "outside_salary_range",
                _(
                    "Base salary plus fixed allowances (%(pay)s) is outside the job's salary range "
                    "(%(low)s–%(high)s): the offer needs an extra approval."
                )
                % {
                    "pay": rupiah(pay),
                    "low": rupiah(salary_min) if salary_min is not None else "…",
                    "high": rupiah(salary_max) if salary_max is not None else "…",
                },
            )
        )
    if minimum is None:
        flags.append(
            Flag(
                "minimum_wage_unknown",
                _(
                    "Rekrut has no minimum wage for %(location)s on %(date)s, so it could not check it. "
                    "An HR admin can add it in Settings › Minimum wages."
                )
                % {"location": location, "date": date_format(terms.start_date, "DATE_FORMAT")},
                "O3",
            )
        )
    return flags
