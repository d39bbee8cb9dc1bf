"""The contract's pure rules, table-driven, each row naming its legal source and rule id
(shared/domain/indonesia.md): C6 the registration's due date, C7 the uang kompensasi, C5 the contents."""

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rekrut.contracts import rules
from rekrut.contracts.rules import ContractFacts

# ---- C6 · PP 35/2021 Ps 13-14: registered within 3 working days of signing -----------------------------

C6_CASES = [
    # (signed on, six-day week, due, why)
    (date(2026, 8, 14), False, date(2026, 8, 20), "Fri; Sat/Sun off; Mon 17 Aug Independence Day"),
    (date(2026, 8, 14), True, date(2026, 8, 19), "6x7: Sat 15 Aug counts; Mon 17 Aug holiday"),
    (date(2026, 11, 2), False, date(2026, 11, 5), "Mon, an ordinary week: Tue, Wed, Thu"),
    (date(2026, 12, 23), False, date(2026, 12, 29), "Wed; Fri 25 Dec Christmas, weekend skipped"),
    (date(2026, 5, 12), False, date(2026, 5, 18), "Tue; Thu 14 May Ascension Day; weekend"),
    (date(2026, 5, 26), False, date(2026, 6, 2), "Tue; Wed 27 May Iduladha; weekend; Mon 1 Jun Pancasila"),
    (date(2026, 11, 7), False, date(2026, 11, 11), "signed on a Saturday: Mon, Tue, Wed"),
    (date(2026, 11, 7), True, date(2026, 11, 11), "6x7 signed on a Saturday: Mon, Tue, Wed"),
    (date(2026, 11, 5), True, date(2026, 11, 9), "6x7: Thu; Fri, Sat count, Sun off, Mon"),
]


@pytest.mark.parametrize(
    ("signed_on", "six_day_week", "due", "why"), C6_CASES, ids=[case[3] for case in C6_CASES]
)
def test_registration_due_is_the_third_working_day_after_signing_c6(
    signed_on: date, six_day_week: bool, due: date, why: str
) -> None:
    """C6 · PP 35/2021 Ps 13-14: 3 working days, without Indonesian public holidays (holidays library)."""
    assert rules.registration_due(signed_on, six_day_week=six_day_week) == due


def test_the_holiday_a_due_date_skipped_is_named_in_the_viewers_language_c6() -> None:
    skipped = rules.days_not_counted(date(2026, 8, 14), date(2026, 8, 20), six_day_week=False, language="id")
    assert skipped == [(date(2026, 8, 17), "Hari Kemerdekaan Republik Indonesia")]
    english = rules.days_not_counted(date(2026, 8, 14), date(2026, 8, 20), six_day_week=False, language="en")
    assert english == [(date(2026, 8, 17), "Independence Day")]


def test_cuti_bersama_are_working_days_for_a_private_company_c6_c10() -> None:
    """C10: cuti bersama are optional for private firms; counting them as working days only brings the
    date earlier. 18 August 2026 is not a public holiday."""
    assert rules.is_working_day(date(2026, 8, 18), six_day_week=False)


@given(st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)), st.booleans())
def test_the_due_date_is_a_working_day_with_exactly_three_working_days_up_to_it_c6(
    signed_on: date, six_day_week: bool
) -> None:
    due = rules.registration_due(signed_on, six_day_week=six_day_week)
    assert rules.is_working_day(due, six_day_week=six_day_week)
    days = [date.fromordinal(n) for n in range(signed_on.toordinal() + 1, due.toordinal() + 1)]
    assert sum(rules.is_working_day(day, six_day_week=six_day_week) for day in days) == 3
    # A 6-day week never gives a later date than a 5-day one (the reason Rekrut counts the company's days).
    assert rules.registration_due(signed_on, six_day_week=True) <= rules.registration_due(
        signed_on, six_day_week=False
    )


# ---- C7 · PP 35/2021 Ps 15-17: uang kompensasi ----------------------------------------------------------

C7_CASES = [
    # (months of service, monthly wage, compensation, source)
    (12, 5_000_000, 5_000_000, "C7 · PP 35/2021 Ps 16(1)(a): 12 months = 1 month's wage"),
    (6, 5_000_000, 2_500_000, "C7 · PP 35/2021 Ps 16(1)(b): 6 ÷ 12 × wage"),
    (1, 6_000_000, 500_000, "C7 · PP 35/2021 Ps 15(3): 1 month is the minimum that earns it"),
    (0, 6_000_000, 0, "C7 · PP 35/2021 Ps 15(3): under 1 month, nothing"),
    (18, 5_000_000, 7_500_000, "C7 · PP 35/2021 Ps 16(1)(c): 18 ÷ 12 × wage, past 12 months too"),
    (24, 8_000_000, 16_000_000, "C7 · PP 35/2021 Ps 16(1)(c): 24 ÷ 12 × wage"),
    (60, 5_729_876, 28_649_380, "C7 · PP 35/2021 Ps 16(1)(c) with C2: the 5-year maximum"),
    (5, 5_729_876, 2_387_448, "C7: rounded to the nearest rupiah (2.387.448,33)"),
    (7, 5_000_003, 2_916_668, "C7: half a rupiah and more rounds up (2.916.668,41…)"),
]


@pytest.mark.parametrize(("months", "wage", "amount", "source"), C7_CASES, ids=[c[3] for c in C7_CASES])
def test_compensation_is_months_of_service_over_twelve_times_a_months_wage_c7(
    months: int, wage: int, amount: int, source: str
) -> None:
    assert rules.compensation_amount(months_of_service=months, monthly_wage=wage) == amount


WAGE_CASES = [
    # (base, fixed allowances, wage it is counted on, source)
    (7_000_000, [1_000_000], 8_000_000, "C7 · PP 35/2021 Ps 16(2): basic + fixed allowances"),
    (7_000_000, [], 7_000_000, "C7 · PP 35/2021 Ps 16(3): basic + variable allowances only: the basic"),
    (5_000_000, [500_000, 250_000], 5_750_000, "C7 · PP 35/2021 Ps 16(2): every fixed allowance counts"),
]


@pytest.mark.parametrize(("base", "fixed", "wage", "source"), WAGE_CASES, ids=[c[3] for c in WAGE_CASES])
def test_compensation_is_counted_on_basic_pay_and_fixed_allowances_c7(
    base: int, fixed: list[int], wage: int, source: str
) -> None:
    assert rules.compensation_wage(base_salary=base, fixed_allowances=fixed) == wage


@given(st.integers(min_value=1, max_value=60), st.integers(min_value=1, max_value=1_000_000_000))
def test_compensation_formula_c7(months: int, wage: int) -> None:
    """C7 · PP 35/2021 Ps 16: months ÷ 12 × wage, to the nearest rupiah, growing with both."""
    amount = rules.compensation_amount(months_of_service=months, monthly_wage=wage)
    assert abs(amount * 12 - months * wage) <= 6  # within half a rupiah of the exact figure
    assert rules.compensation_amount(months_of_service=months + 1, monthly_wage=wage) >= amount
    assert rules.compensation_amount(months_of_service=months, monthly_wage=wage + 1) >= amount
    if months % 12 == 0:
        assert amount == months // 12 * wage


# ---- C5 · UU 13/2003 Ps 54(1): what the contract must contain ------------------------------------------

COMPLETE = ContractFacts(
    company_name="PT Nusantara Maju Bersama",
    company_address="Jl. Jenderal Sudirman Kav. 52, Jakarta Selatan",
    company_business="Perdagangan eceran",
    worker_name="Putri Maharani",
    worker_sex="f",
    worker_birth_date=date(1996, 5, 20),
    worker_address="Jl. Melati No. 7, Bandung",
    position="Customer Service Officer",
    workplace="Kantor Pusat Jakarta, Jakarta Selatan",
    base_salary=7_000_000,
    pay_method="transfer",
    pay_day=25,
    start_date=date(2027, 1, 4),
    is_pkwt=True,
    contract_months=12,
    signing_place="Jakarta",
    signing_date=date(2026, 12, 1),
    signatory_name="Rina Wulandari",
)

C5_CASES = [
    # (what is missing, the fact as it is then, the code refused, item of Ps 54(1))
    ("company_name", {"company_name": " "}, "company_name", "C5 · UU 13/2003 Ps 54(1)(a)"),
    ("company_address", {"company_address": ""}, "company_address", "C5 · UU 13/2003 Ps 54(1)(a)"),
    ("company_business", {"company_business": ""}, "company_business", "C5 · UU 13/2003 Ps 54(1)(a)"),
    ("worker_name", {"worker_name": ""}, "worker_name", "C5 · UU 13/2003 Ps 54(1)(b)"),
    ("worker_sex", {"worker_sex": ""}, "worker_sex", "C5 · UU 13/2003 Ps 54(1)(b)"),
    ("worker_age", {"worker_birth_date": None}, "worker_birth_date", "C5 · UU 13/2003 Ps 54(1)(b)"),
    ("worker_address", {"worker_address": ""}, "worker_address", "C5 · UU 13/2003 Ps 54(1)(b)"),
    ("position", {"position": ""}, "position", "C5 · UU 13/2003 Ps 54(1)(c)"),
    ("workplace", {"workplace": ""}, "workplace", "C5 · UU 13/2003 Ps 54(1)(d)"),
    ("wage", {"base_salary": 0}, "wage", "C5 · UU 13/2003 Ps 54(1)(e)"),
    ("pay_method", {"pay_method": ""}, "pay_method", "C5 · UU 13/2003 Ps 54(1)(e)"),
    ("pay_day", {"pay_day": None}, "pay_day", "C5 · UU 13/2003 Ps 54(1)(e)"),
    ("pay_day_32", {"pay_day": 32}, "pay_day", "C5 · UU 13/2003 Ps 54(1)(e)"),
    ("start", {"start_date": None}, "start_date", "C5 · UU 13/2003 Ps 54(1)(g)"),
    ("pkwt_length", {"contract_months": None}, "duration", "C5 · UU 13/2003 Ps 54(1)(g)"),
    ("signing_place", {"signing_place": ""}, "signing_place", "C5 · UU 13/2003 Ps 54(1)(h)"),
    ("signing_date", {"signing_date": None}, "signing_date", "C5 · UU 13/2003 Ps 54(1)(h)"),
    ("signatory", {"signatory_name": ""}, "signatory", "C5 · UU 13/2003 Ps 54(1)(i)"),
    ("underage", {"worker_birth_date": date(2009, 1, 5)}, "worker_underage", "UU 13/2003 Ps 68"),
]


@pytest.mark.parametrize(("what", "facts", "code", "source"), C5_CASES, ids=[c[0] for c in C5_CASES])
def test_each_item_ps_54_requires_is_refused_when_missing_c5(
    what: str, facts: dict, code: str, source: str
) -> None:
    missing = rules.contract_missing(replace(COMPLETE, **facts))
    assert [item.code for item in missing] == [code]
    assert missing[0].rule.split(" · ")[-1] in source


def test_a_complete_contract_misses_nothing_and_a_pkwtt_needs_no_length_c5() -> None:
    assert rules.contract_missing(COMPLETE) == []
    assert rules.contract_missing(replace(COMPLETE, is_pkwt=False, contract_months=None)) == []


def test_every_missing_item_is_named_at_once_c5() -> None:
    empty = replace(COMPLETE, company_address="", worker_sex="", worker_birth_date=None, signing_place="")
    codes = [item.code for item in rules.contract_missing(empty)]
    assert codes == ["company_address", "worker_sex", "worker_birth_date", "signing_place"]


@pytest.mark.parametrize(
    ("born", "on", "age"),
    [
        (date(1996, 5, 20), date(2026, 5, 19), 29),
        (date(1996, 5, 20), date(2026, 5, 20), 30),
        (date(2008, 2, 29), date(2026, 2, 28), 17),
        (date(2008, 2, 29), date(2026, 3, 1), 18),
    ],
)
def test_age_is_whole_years_on_the_day_c5(born: date, on: date, age: int) -> None:
    assert rules.age_on(born, on) == age
