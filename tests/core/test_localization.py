from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from rekrut.core.localization import local_datetime, rupiah


@pytest.mark.parametrize(
    ("amount", "text"),
    [(5_000_000, "Rp5.000.000"), (0, "Rp0"), (999, "Rp999"), (1_000, "Rp1.000"), (-25_000, "-Rp25.000")],
)
def test_rupiah_is_written_the_puebi_way(amount, text):
    assert rupiah(amount) == text


def test_rupiah_with_cents():
    assert rupiah(Decimal("1000000.5"), with_cents=True) == "Rp1.000.000,50"


@given(st.integers(min_value=0, max_value=10**15))
def test_rupiah_round_trips_to_the_same_number(amount):
    text = rupiah(amount)
    assert text.startswith("Rp") and " " not in text
    assert int(text[2:].replace(".", "")) == amount


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("Asia/Jakarta", "22 November 2026, 09.30 WIB"),
        ("Asia/Makassar", "22 November 2026, 10.30 WITA"),
        ("Asia/Jayapura", "22 November 2026, 11.30 WIT"),
    ],
)
def test_times_show_in_the_viewers_zone_with_its_name(zone, expected):
    with translation.override("id"):
        assert local_datetime(datetime(2026, 11, 22, 2, 30, tzinfo=UTC), zone) == expected
