"""The offer rules, one table per rule, each row naming its legal source and rule id
(shared/domain/indonesia.md). Pure functions: no database."""

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rekrut.offers.rules import (
    OfferTerms,
    RegionalMinimum,
    amounts_refusals,
    base_share_refusals,
    contract_end,
    date_refusals,
    leave_refusals,
    minimum_wage_refusals,
    offer_flags,
    offer_refusals,
    pkwt_refusals,
    probation_refusals,
)

TODAY = date(2026, 12, 1)
LAWFUL = OfferTerms(
    employment_type="pkwtt",
    start_date=date(2027, 1, 4),
    expires_on=date(2026, 12, 8),
    base_salary=7_000_000,
    fixed_allowances=(1_000_000,),
    variable_allowances=(500_000,),
    probation_months=3,
)
JAKARTA = RegionalMinimum(region="DKI Jakarta", is_city=False, amount=5_729_876, valid_from=date(2026, 1, 1))
BEKASI = RegionalMinimum(region="Kota Bekasi", is_city=True, amount=5_999_443, valid_from=date(2026, 1, 1))


def codes(refusals) -> list[str]:
    return [refusal.code for refusal in refusals]


def test_a_lawful_offer_is_refused_nothing() -> None:
    assert offer_refusals(LAWFUL, today=TODAY, minimum=JAKARTA) == []


# C4 · UU 13/2003 Ps 58(1), 60(1); PP 35/2021 Ps 12: probation only in a PKWTT, at most 3 months.
@pytest.mark.parametrize(
    ("employment", "months", "expected"),
    [
        ("pkwtt", 0, []),
        ("pkwtt", 1, []),
        ("pkwtt", 3, []),
        ("pkwtt", 4, ["probation_too_long"]),
        ("pkwtt", 12, ["probation_too_long"]),
        ("pkwt", 0, []),
        ("pkwt", 1, ["probation_on_pkwt"]),
        ("pkwt", 3, ["probation_on_pkwt"]),
    ],
)
def test_c4_probation_only_in_pkwtt_and_at_most_three_months(employment, months, expected) -> None:
    terms = replace(LAWFUL, employment_type=employment, probation_months=months, contract_months=12)
    refusals = probation_refusals(terms)
    assert codes(refusals) == expected
    for refusal in refusals:
        assert refusal.field == "probation_months"
        assert refusal.rule.startswith("C4")
        assert f"{months} months" in refusal.message or f"{months} month" in refusal.message


# C2 · PP 35/2021 Ps 8; MK 168/PUU-XXI/2023: a PKWT lasts at most 5 years in total, earlier ones counted.
@pytest.mark.parametrize(
    ("months", "earlier", "expected"),
    [
        (12, 0, []),
        (60, 0, []),
        (61, 0, ["pkwt_too_long"]),
        (24, 36, []),
        (24, 37, ["pkwt_too_long"]),
        (1, 60, ["pkwt_too_long"]),
        (None, 0, ["contract_months_missing"]),
        (0, 0, ["contract_months_missing"]),
    ],
)
def test_c2_pkwt_at_most_five_years_with_earlier_contracts(months, earlier, expected) -> None:
    terms = replace(
        LAWFUL,
        employment_type="pkwt",
        probation_months=0,
        contract_months=months,
        earlier_pkwt_months=earlier,
    )
    refusals = pkwt_refusals(terms)
    assert codes(refusals) == expected
    if expected == ["pkwt_too_long"]:
        assert refusals[0].rule.startswith("C2")
        assert f"{months + earlier} months" in refusals[0].message
        assert "60 months" in refusals[0].message


def test_c2_does_not_apply_to_a_pkwtt() -> None:
    assert pkwt_refusals(replace(LAWFUL, contract_months=None, earlier_pkwt_months=70)) == []


# O2 · UU 13/2003 Ps 94: base salary at least 75% of base plus fixed allowances.
@pytest.mark.parametrize(
    ("base", "fixed", "expected"),
    [
        (7_500_000, (2_500_000,), []),  # exactly 75%
        (7_499_999, (2_500_000,), ["base_share_too_low"]),
        (6_000_000, (1_000_000, 1_000_000), []),  # 75% with two allowances
        (5_000_000, (1_000_000, 1_000_000), ["base_share_too_low"]),  # 71%
        (3_000_000, (), []),  # no fixed allowances: nothing to compare
    ],
)
def test_o2_base_at_least_75_percent_of_base_and_fixed(base, fixed, expected) -> None:
    refusals = base_share_refusals(replace(LAWFUL, base_salary=base, fixed_allowances=fixed))
    assert codes(refusals) == expected
    if expected:
        assert refusals[0].rule.startswith("O2")
        # The message names the base needed with these allowances: 3 × the fixed allowances.
        assert f"Rp{3 * sum(fixed):,}".replace(",", ".") in refusals[0].message


# O3 · UU 13/2003 Ps 88E (UU 6/2023); PP 36/2021 Ps 23: at least the minimum wage of the work location.
@pytest.mark.parametrize(
    ("base", "fixed", "variable", "minimum", "expected"),
    [
        (5_729_876, (), (), JAKARTA, []),
        (5_729_875, (), (), JAKARTA, ["below_minimum_wage"]),
        (5_000_000, (729_876,), (), JAKARTA, []),  # fixed allowances count
        (5_000_000, (), (1_000_000,), JAKARTA, ["below_minimum_wage"]),  # variable ones do not
        (5_800_000, (), (), BEKASI, ["below_minimum_wage"]),  # above Jakarta's UMP, below Bekasi's UMK
        (1_000_000, (), (), None, []),  # no figure on file: flagged, not refused
    ],
)
def test_o3_pay_at_least_the_regional_minimum_wage(base, fixed, variable, minimum, expected) -> None:
    terms = replace(LAWFUL, base_salary=base, fixed_allowances=fixed, variable_allowances=variable)
    refusals = minimum_wage_refusals(terms, minimum)
    assert codes(refusals) == expected
    if expected:
        message = refusals[0].message
        assert refusals[0].rule.startswith("O3")
        assert minimum.region in message
        assert f"Rp{minimum.amount:,}".replace(",", ".") in message
        assert ("UMK" if minimum.is_city else "UMP") in message


# C10 · UU 13/2003 Ps 79(3) as amended by UU 6/2023: at least 12 working days of annual leave.
@pytest.mark.parametrize(
    ("days", "expected"), [(12, []), (20, []), (11, ["leave_too_short"]), (0, ["leave_too_short"])]
)
def test_c10_annual_leave_at_least_twelve_days(days, expected) -> None:
    refusals = leave_refusals(replace(LAWFUL, annual_leave_days=days))
    assert codes(refusals) == expected
    if expected:
        assert refusals[0].rule.startswith("C10")
        assert f"not {days}." in refusals[0].message


@pytest.mark.parametrize(
    ("start", "expires", "expected"),
    [
        (date(2027, 1, 4), date(2026, 12, 8), []),
        (date(2026, 12, 1), date(2026, 12, 1), []),  # today is not the past
        (date(2026, 11, 30), date(2026, 11, 30), ["start_in_past", "expiry_in_past"]),
        (date(2027, 1, 4), date(2027, 1, 5), ["expiry_after_start"]),
    ],
)
def test_dates_start_and_expiry(start, expires, expected) -> None:
    refusals = date_refusals(replace(LAWFUL, start_date=start, expires_on=expires), today=TODAY)
    assert codes(refusals) == expected


@pytest.mark.parametrize(
    ("base", "fixed", "expected"),
    [
        (-1, (), ["amount_negative"]),
        (7_000_000, (-500_000,), ["amount_negative"]),
        (7_000_000_000, (), ["amount_too_large"]),
        (0, (), ["base_salary_missing"]),
    ],
)
def test_negative_or_absurd_amounts_are_refused_and_hide_the_money_rules(base, fixed, expected) -> None:
    terms = replace(LAWFUL, base_salary=base, fixed_allowances=fixed)
    assert codes(amounts_refusals(terms)) == expected
    # Only the slip is told: no "below the minimum wage" or "75%" about a negative figure.
    assert codes(offer_refusals(terms, today=TODAY, minimum=JAKARTA)) == expected


def test_every_refusal_is_returned_at_once() -> None:
    terms = replace(
        LAWFUL,
        employment_type="pkwt",
        contract_months=48,
        earlier_pkwt_months=24,
        probation_months=2,
        base_salary=3_000_000,
        fixed_allowances=(2_000_000,),
        annual_leave_days=10,
        start_date=date(2026, 11, 1),
        expires_on=date(2026, 10, 1),
    )
    assert set(codes(offer_refusals(terms, today=TODAY, minimum=JAKARTA))) == {
        "base_share_too_low",
        "below_minimum_wage",
        "probation_on_pkwt",
        "pkwt_too_long",
        "leave_too_short",
        "start_in_past",
        "expiry_in_past",
    }


@pytest.mark.parametrize(
    ("pay", "low", "high", "flagged"),
    [
        (8_000_000, 6_000_000, 9_000_000, False),
        (9_000_001, 6_000_000, 9_000_000, True),
        (5_999_999, 6_000_000, None, True),
        (8_000_000, None, None, False),
    ],
)
def test_pay_outside_the_jobs_range_needs_an_extra_approval_not_a_refusal(pay, low, high, flagged) -> None:
    terms = replace(LAWFUL, base_salary=pay, fixed_allowances=())
    flags = offer_flags(terms, salary_min=low, salary_max=high, minimum=JAKARTA, location="Jakarta Selatan")
    assert ("outside_salary_range" in codes(flags)) is flagged
    assert offer_refusals(terms, today=TODAY, minimum=JAKARTA) == []


def test_a_missing_minimum_wage_is_flagged() -> None:
    flags = offer_flags(LAWFUL, salary_min=None, salary_max=None, minimum=None, location="Semarang")
    assert codes(flags) == ["minimum_wage_unknown"]
    assert "Semarang" in flags[0].message


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (date(2027, 1, 4), 12, date(2028, 1, 3)),
        (date(2027, 3, 1), 12, date(2028, 2, 29)),
        (date(2027, 1, 31), 1, date(2027, 2, 27)),
        (date(2027, 1, 1), 60, date(2031, 12, 31)),
    ],
)
def test_a_contract_ends_the_day_before_its_months_are_up(start, months, end) -> None:
    assert contract_end(start, months) == end


# --- many combinations: the money rules agree with their definitions --------------------------------

money = st.integers(min_value=0, max_value=200_000_000)


@given(base=money, fixed=st.lists(money, max_size=4), variable=st.lists(money, max_size=4))
def test_o2_refuses_exactly_when_base_is_under_75_percent(base, fixed, variable) -> None:
    terms = replace(
        LAWFUL, base_salary=base, fixed_allowances=tuple(fixed), variable_allowances=tuple(variable)
    )
    refused = bool(base_share_refusals(terms))
    total = base + sum(fixed)
    assert refused == (base > 0 and sum(fixed) > 0 and base / total < 0.75 and base * 4 < 3 * total)


@given(
    base=money,
    fixed=st.lists(money, max_size=4),
    variable=st.lists(money, max_size=4),
    minimum=st.integers(min_value=1, max_value=20_000_000),
)
def test_o3_refuses_exactly_when_base_and_fixed_are_below_the_minimum(base, fixed, variable, minimum) -> None:
    terms = replace(
        LAWFUL, base_salary=base, fixed_allowances=tuple(fixed), variable_allowances=tuple(variable)
    )
    region = replace(JAKARTA, amount=minimum)
    assert bool(minimum_wage_refusals(terms, region)) == (base > 0 and base + sum(fixed) < minimum)


@given(
    base=st.integers(min_value=-(10**12), max_value=10**12),
    fixed=st.lists(st.integers(-(10**10), 10**10), max_size=3),
)
def test_any_amount_gets_an_answer_never_an_error(base, fixed) -> None:
    refusals = offer_refusals(
        replace(LAWFUL, base_salary=base, fixed_allowances=tuple(fixed)), today=TODAY, minimum=JAKARTA
    )
    if base < 0 or any(a < 0 for a in fixed):
        assert "amount_negative" in codes(refusals)
    if base > 1_000_000_000 or any(a > 1_000_000_000 for a in fixed):
        assert "amount_too_large" in codes(refusals)
