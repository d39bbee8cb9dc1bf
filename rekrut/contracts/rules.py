"""The contract's rules as pure functions: no database, no clock, each tested on its own.

Rule ids and sources are those of shared/domain/indonesia.md. Public holidays come from the `holidays`
library (Indonesia, category "public"), which follows the yearly SKB 3 Menteri; cuti bersama are left out
on purpose: they are optional for private companies (rule C10) and not counting them only brings a date
earlier, never later.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

import holidays
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

# PP 35/2021 Ps 13-14 (rule C6): a PKWT is registered (dicatatkan) online within 3 working days of signing.
REGISTRATION_WORKING_DAYS = 3
# PP 35/2021 Ps 15(3) (rule C7): uang kompensasi is due after at least 1 month of continuous service.
COMPENSATION_MIN_MONTHS = 1
# PP 35/2021 Ps 16(1)(a) (rule C7): 12 months of service earn one month's wage.
COMPENSATION_FULL_MONTHS = 12
# UU 13/2003 Ps 68 with Ps 1 angka 26: no one under 18 is employed (the light-work exceptions of Ps 69 need
# a permit and a parent's consent, which a hiring system does not handle).
WORKING_AGE_MIN = 18
WORKING_AGE_MAX = 100  # not a legal figure: an older birth date is a typing slip


# ---- C6: the registration due date --------------------------------------------------------------------


@cache
def _holidays_for(year: int, language: str) -> dict[date, str]:
    found = holidays.country_holidays("ID", years=year, language=language, categories=("public",))
    return dict(found.items())


def public_holiday(day: date, *, language: str = "id") -> str:
    """The name of the Indonesian public holiday on `day` ("" when there is none)."""
    return _holidays_for(day.year, "id" if language.startswith("id") else "en_US").get(day, "")


def is_working_day(day: date, *, six_day_week: bool) -> bool:
    """Monday to Friday, and Saturday too for a 6-day week (PP 35/2021 Ps 21, rule C9), but no public
    holiday."""
    weekday = day.weekday()  # Monday 0 … Sunday 6
    if weekday == 6 or (weekday == 5 and not six_day_week):
        return False
    return not public_holiday(day)


def registration_due(signed_on: date, *, six_day_week: bool) -> date:
    """PP 35/2021 Ps 13-14 (rule C6): the third working day after the day of signing.

    The law does not say whose working days. Rekrut counts the company's own (its working pattern): for a
    6-day week that brings the date earlier than counting the ministry's Monday-to-Friday, so whichever
    reading applies the registration is never late.
    """
    day, counted = signed_on, 0
    while counted < REGISTRATION_WORKING_DAYS:
        day += timedelta(days=1)
        if is_working_day(day, six_day_week=six_day_week):
            counted += 1
    return day


def days_not_counted(
    start: date, end: date, *, six_day_week: bool, language: str = "id"
) -> list[tuple[date, str]]:
    """The public holidays between two dates (exclusive, inclusive) that a count of working days skipped,
    to show why a due date falls where it does. Weekends are left out: nobody needs them explained."""
    found = []
    day = start + timedelta(days=1)
    while day <= end:
        name = public_holiday(day, language=language)
        if name and (day.weekday() < 5 or (day.weekday() == 5 and six_day_week)):
            found.append((day, name))
        day += timedelta(days=1)
    return found


# ---- C7: uang kompensasi ------------------------------------------------------------------------------


def compensation_wage(*, base_salary: int, fixed_allowances: Iterable[int]) -> int:
    """PP 35/2021 Ps 16(2)-(3) (rule C7): the wage it is counted on is basic pay plus fixed allowances
    (tunjangan tetap); variable allowances never count, so basic + variable only leaves the basic pay."""
    return base_salary + sum(fixed_allowances)


def compensation_amount(*, months_of_service: int, monthly_wage: int) -> int:
    """PP 35/2021 Ps 15-16 (rule C7): months of service ÷ 12 × one month's wage, for every length of
    service (also past 12 months); nothing below one month. Rounded to the nearest rupiah."""
    if months_of_service < COMPENSATION_MIN_MONTHS or monthly_wage <= 0:
        return 0
    amount = Decimal(months_of_service) * Decimal(monthly_wage) / COMPENSATION_FULL_MONTHS
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


# ---- C5: what the written contract must contain -------------------------------------------------------

C5 = "C5 · UU 13/2003 Ps 54(1)"


@dataclass(frozen=True)
class Missing:
    """One item of Ps 54(1) the contract cannot be written without (or a value the law does not allow)."""

    code: str
    field: str  # the generate form's field it belongs beside ("" for data that comes from the offer)
    message: StrOrPromise
    rule: str = C5


@dataclass(frozen=True)
class ContractFacts:
    """Everything the contract says, gathered from the offer, the candidate and the generate form."""

    company_name: str
    company_address: str
    company_business: str
    worker_name: str
    worker_sex: str
    worker_birth_date: date | None
    worker_address: str
    position: str
    workplace: str
    base_salary: int
    pay_method: str
    pay_day: int | None
    start_date: date | None
    is_pkwt: bool
    contract_months: int | None
    signing_place: str
    signing_date: date | None
    signatory_name: str


def _blank(value: str) -> bool:
    return not value or not value.strip()


def contract_missing(facts: ContractFacts) -> list[Missing]:
    """UU 13/2003 Ps 54(1) (rule C5): every item a written contract must contain, each one missing named.

    (a) the company's name, address and line of business; (b) the worker's name, sex, age and address;
    (c) position; (d) workplace; (e) wage and how it is paid; (f) rights and obligations (the contract's
    own clauses); (g) start and duration; (h) place and date of signing; (i) the signatures (the
    company's signatory and the worker sign the printed contract).
    """
    found: list[Missing] = []

    def need(ok: bool, code: str, field: str, message: StrOrPromise) -> None:
        if not ok:
            found.append(Missing(code, field, message))

    need(
        not _blank(facts.company_name),
        "company_name",
        "company_name",
        _("Ps 54(1)(a): enter the company's name."),
    )
    need(
        not _blank(facts.company_address),
        "company_address",
        "company_address",
        _("Ps 54(1)(a): enter the company's address."),
    )
    need(
        not _blank(facts.company_business),
        "company_business",
        "company_business",
        _("Ps 54(1)(a): enter the company's line of business."),
    )
    need(
        not _blank(facts.worker_name),
        "worker_name",
        "",
        _("Ps 54(1)(b): the candidate has no name on record; add it on the candidate's page."),
    )
    need(
        facts.worker_sex in ("m", "f"), "worker_sex", "worker_sex", _("Ps 54(1)(b): choose the worker's sex.")
    )
    need(
        facts.worker_birth_date is not None,
        "worker_birth_date",
        "worker_birth_date",
        _("Ps 54(1)(b): enter the worker's date of birth (the contract states their age)."),
    )
    need(
        not _blank(facts.worker_address),
        "worker_address",
        "worker_address",
        _("Ps 54(1)(b): enter the worker's address."),
    )
    need(not _blank(facts.position), "position", "", _("Ps 54(1)(c): the accepted offer names no position."))
    need(
        not _blank(facts.workplace), "workplace", "", _("Ps 54(1)(d): the accepted offer names no workplace.")
    )
    need(facts.base_salary > 0, "wage", "", _("Ps 54(1)(e): the accepted offer has no wage."))
    need(facts.pay_method != "", "pay_method", "pay_method", _("Ps 54(1)(e): choose how the wage is paid."))
    need(
        facts.pay_day is not None and 1 <= facts.pay_day <= 31,
        "pay_day",
        "pay_day",
        _("Ps 54(1)(e): enter the day of the month the wage is paid (1 to 31)."),
    )
    need(
        facts.start_date is not None,
        "start_date",
        "",
        _("Ps 54(1)(g): the accepted offer has no start date."),
    )
    need(
        not facts.is_pkwt or bool(facts.contract_months),
        "duration",
        "",
        _("Ps 54(1)(g): the accepted offer gives no length for the fixed-term contract."),
    )
    need(
        not _blank(facts.signing_place),
        "signing_place",
        "signing_place",
        _("Ps 54(1)(h): enter the place where the contract is signed."),
    )
    need(
        facts.signing_date is not None,
        "signing_date",
        "signing_date",
        _("Ps 54(1)(h): enter the date the contract is to be signed."),
    )
    need(
        not _blank(facts.signatory_name),
        "signatory",
        "",
        _("Ps 54(1)(i): the offer's signatory has no name; choose a signatory with a name on the offer."),
    )
    if facts.worker_birth_date and facts.start_date:
        age = age_on(facts.worker_birth_date, facts.start_date)
        if age < WORKING_AGE_MIN:
            found.append(
                Missing(
                    "worker_underage",
                    "worker_birth_date",
                    _("The worker would be %(age)s on the start date: no one under 18 may be employed.")
                    % {"age": max(age, 0)},
                    "UU 13/2003 Ps 68",
                )
            )
        elif age > WORKING_AGE_MAX:
            found.append(
                Missing("worker_birth_date_absurd", "worker_birth_date", _("Check the date of birth."), "")
            )
    return found


def age_on(birth_date: date, day: date) -> int:
    """Whole years of age on `day` (someone born on 29 February turns a year older on 1 March)."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))
