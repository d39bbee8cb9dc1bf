"""BPJS shares with caps (O6), THR (O4) and the totals, in integer Rupiah. Pure functions."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rekrut.offers.pay import Rate, bpjs_contributions, pay_totals, percent_of, thr_amount

# The 2026 rates as seeded (rekrut/offers/migrations/0002): O6 in shared/domain/indonesia.md.
RATES = [
    Rate("kesehatan", "Kesehatan", Decimal("4.00"), Decimal("1.00"), 12_000_000),
    Rate("jht", "JHT", Decimal("3.70"), Decimal("2.00"), None),
    Rate("jp", "JP", Decimal("2.00"), Decimal("1.00"), 10_547_400),
    Rate("jkk", "JKK", Decimal("0.24"), Decimal("0.00"), None),
    Rate("jkm", "JKM", Decimal("0.30"), Decimal("0.00"), None),
]


def by_programme(wage: int) -> dict[str, tuple[int, int, int]]:
    return {
        c.programme: (c.wage_base, c.employer, c.employee) for c in bpjs_contributions(wage=wage, rates=RATES)
    }


def test_o6_shares_below_every_cap() -> None:
    # Rp8.000.000: Kesehatan 4%/1%, JHT 3,7%/2%, JP 2%/1%, JKK 0,24%, JKM 0,30% (UU 24/2011; PP 44–46/2015).
    assert by_programme(8_000_000) == {
        "kesehatan": (8_000_000, 320_000, 80_000),
        "jht": (8_000_000, 296_000, 160_000),
        "jp": (8_000_000, 160_000, 80_000),
        "jkk": (8_000_000, 19_200, 0),
        "jkm": (8_000_000, 24_000, 0),
    }


def test_o6_caps_cut_the_wage_base_of_jp_and_kesehatan_only() -> None:
    shares = by_programme(20_000_000)
    assert shares["kesehatan"] == (12_000_000, 480_000, 120_000)  # Perpres 64/2020: cap Rp12.000.000
    assert shares["jp"] == (10_547_400, 210_948, 105_474)  # PP 45/2015 Ps 29: cap indexed yearly
    assert shares["jht"] == (20_000_000, 740_000, 400_000)  # no cap


@pytest.mark.parametrize(
    ("amount", "percent", "share"), [(1_000_001, "0.24", 2400), (1_000_250, "0.24", 2401), (3, "50", 2)]
)
def test_shares_round_half_up_to_whole_rupiah(amount, percent, share) -> None:
    assert percent_of(amount, Decimal(percent)) == share


# O4 · Permenaker 6/2016 Ps 2–3: 1 month's wage after 12 months, months ÷ 12 from 1 month, nothing before.
@pytest.mark.parametrize(
    ("months", "thr"),
    [(0, 0), (1, 500_000), (6, 3_000_000), (11, 5_500_000), (12, 6_000_000), (30, 6_000_000)],
)
def test_o4_thr_after_twelve_months_pro_rata_from_one(months, thr) -> None:
    assert thr_amount(months_of_service=months, monthly_wage=6_000_000) == thr


def test_totals_per_month_and_per_year() -> None:
    totals = pay_totals(base=7_000_000, fixed=[1_000_000], variable=[500_000], rates=RATES)
    assert totals.gross_monthly == 8_500_000
    assert totals.employee_bpjs_monthly == 80_000 + 160_000 + 80_000
    assert totals.employer_bpjs_monthly == 320_000 + 296_000 + 160_000 + 19_200 + 24_000
    assert totals.take_home_monthly == 8_500_000 - 320_000
    assert totals.thr == 8_000_000  # base + fixed, not the variable allowance
    assert totals.gross_yearly == 8_500_000 * 12 + 8_000_000
    assert totals.employer_cost_yearly == (8_500_000 + 819_200) * 12 + 8_000_000


@given(wage=st.integers(min_value=0, max_value=10**10))
def test_shares_never_exceed_the_capped_base(wage) -> None:
    for c in bpjs_contributions(wage=wage, rates=RATES):
        assert 0 <= c.wage_base <= wage
        assert c.employer <= c.wage_base and c.employee <= c.wage_base
        assert c.capped == (c.wage_base < wage)
