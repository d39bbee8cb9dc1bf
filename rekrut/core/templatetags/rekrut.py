"""Template filters for Indonesian presentation; presentation only, no business rules."""

from datetime import datetime
from decimal import Decimal

from django import template

from rekrut.core import localization

register = template.Library()


@register.filter
def rupiah(value: int | Decimal | None) -> str:
    return localization.rupiah(value)


@register.filter
def local_dt(value: datetime | None, zone_name: str | None = None) -> str:
    return localization.local_datetime(value, zone_name) if value else ""


@register.filter
def zone_abbr(zone_name: str) -> str:
    return localization.zone_abbreviation(zone_name)
