"""Money, time-zone and date presentation for Indonesia (see shared/domain/indonesia.md §5)."""

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.utils import formats, timezone

# Keppres 41/1987: three zones, no daylight saving.
ZONE_ABBREVIATIONS = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}
INDONESIAN_ZONES = [
    ("Asia/Jakarta", "WIB (UTC+7)"),
    ("Asia/Pontianak", "WIB (UTC+7, Pontianak)"),
    ("Asia/Makassar", "WITA (UTC+8)"),
    ("Asia/Jayapura", "WIT (UTC+9)"),
]


def rupiah(amount: int | Decimal | None, *, with_cents: bool = False) -> str:
    """PUEBI writing: "Rp" with no space, dots for thousands, comma for decimals (Rp5.000.000)."""
    if amount is None:
        return ""
    value = Decimal(amount)
    sign = "-" if value < 0 else ""
    whole, _, cents = f"{abs(value):.2f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{sign}Rp{grouped},{cents}" if with_cents else f"{sign}Rp{grouped}"


def zone_abbreviation(zone_name: str) -> str:
    return ZONE_ABBREVIATIONS.get(zone_name, zone_name)


def local_datetime(value: datetime, zone_name: str | None = None) -> str:
    """A stored UTC time shown in a zone, with WIB/WITA/WIT written: "22 November 2026, 09.30 WIB"."""
    zone_name = zone_name or timezone.get_current_timezone_name()
    local = timezone.localtime(value, ZoneInfo(zone_name))
    return f"{formats.date_format(local, 'DATETIME_FORMAT')} {zone_abbreviation(zone_name)}"
