"""Template filters for Indonesian presentation; presentation only, no business rules."""

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any

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


@register.filter
def get_item(mapping: Mapping[Any, Any] | None, key: Any) -> Any:
    """`{{ flags|get_item:app.pk }}`: a dict's value for a key held in a variable (None when absent)."""
    return mapping.get(key) if mapping else None
