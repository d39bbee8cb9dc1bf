"""What an offer costs and pays, as pure functions of integer Rupiah: BPJS shares, THR, monthly and yearly
totals. The rates come in as arguments, read from the dated BPJS table for the offer's start date."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True)
class Rate:
    programme: str
    label: str
    employer_percent: Decimal
    employee_percent: Decimal
    wage_cap: int | None


@dataclass(frozen=True)
class Contribution:
    programme: str
    label: str
    wage_base: int  # the wage the percentages were applied to, after the cap
    employer: int
    employee: int
    capped: bool


def percent_of(amount: int, percent: Decimal) -> int:
    """`percent`% of `amount`, rounded to the nearest Rupiah (half up)."""
    return int((Decimal(amount) * percent / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def bpjs_contributions(*, wage: int, rates: Iterable[Rate]) -> list[Contribution]:
    """Rule O6 (UU 24/2011; PP 44/2015, 45/2015, 46/2015; Perpres 82/2018 as amended by Perpres 64/2020):
    each programme's company and employee share of the wage base (basic + fixed allowances), the base
    first cut to the programme's cap (JP, Kesehatan)."""
    found = []
    for rate in rates:
        capped = rate.wage_cap is not None and wage > rate.wage_cap
        base = rate.wage_cap if capped and rate.wage_cap is not None else wage
        found.append(
            Contribution(
                programme=rate.programme,
                label=rate.label,
                wage_base=base,
                employer=percent_of(base, rate.employer_percent),
                employee=percent_of(base, rate.employee_percent),
                capped=capped,
            )
        )
    return found


def thr_amount(*, months_of_service: int, monthly_wage: int) -> int:
    """Rule O4 (Permenaker 6/2016 Ps 2–3; PP 36/2021 Ps 9): THR is one month's wage (basic + fixed
    allowances) after 12 months of continuous service, months ÷ 12 of it from 1 month, nothing before."""
    if months_of_service < 1:
        return 0
    if months_of_service >= 12:
        return monthly_wage
    return monthly_wage * months_of_service // 12


@dataclass(frozen=True)
class PayTotals:
    base: int
    fixed: int
    variable: int
    contributions: tuple[Contribution, ...]
    thr: int  # a full year's THR: one month of basic + fixed allowances

    @property
    def wage_base(self) -> int:
        return self.base + self.fixed

    @property
    def gross_monthly(self) -> int:
        return self.base + self.fixed + self.variable

    @property
    def employer_bpjs_monthly(self) -> int:
        return sum(c.employer for c in self.contributions)

    @property
    def employee_bpjs_monthly(self) -> int:
        return sum(c.employee for c in self.contributions)

    @property
    def take_home_monthly(self) -> int:
        """Gross pay less the employee's BPJS shares; before income tax (PPh 21), which is not computed."""
        return self.gross_monthly - self.employee_bpjs_monthly

    @property
    def employer_cost_monthly(self) -> int:
        return self.gross_monthly + self.employer_bpjs_monthly

    @property
    def base_yearly(self) -> int:
        return self.base * 12

    @property
    def fixed_yearly(self) -> int:
        return self.fixed * 12

    @property
    def variable_yearly(self) -> int:
        return self.variable * 12

    @property
    def employee_bpjs_yearly(self) -> int:
        return self.employee_bpjs_monthly * 12

    @property
    def employer_bpjs_yearly(self) -> int:
        return self.employer_bpjs_monthly * 12

    @property
    def gross_yearly(self) -> int:
        """Twelve months' pay and one THR: a full year once the employee has served twelve months."""
        return self.gross_monthly * 12 + self.thr

    @property
    def take_home_yearly(self) -> int:
        return self.take_home_monthly * 12 + self.thr

    @property
    def employer_cost_yearly(self) -> int:
        return self.employer_cost_monthly * 12 + self.thr


def pay_totals(
    *, base: int, fixed: Iterable[int], variable: Iterable[int], rates: Iterable[Rate]
) -> PayTotals:
    fixed_total, variable_total = sum(fixed), sum(variable)
    wage = base + fixed_total
    return PayTotals(
        base=base,
        fixed=fixed_total,
        variable=variable_total,
        contributions=tuple(bpjs_contributions(wage=wage, rates=rates)),
        thr=thr_amount(months_of_service=12, monthly_wage=wage),
    )
