"""The 1–4 rating scale in words (`{% load rating_scale %}`): presentation only."""

from django import template
from django.utils.translation import gettext as _

from rekrut.interviews.models import RUBRIC_LEVEL_NAMES, RUBRIC_LEVELS

register = template.Library()


@register.simple_tag
def rating_levels() -> list[tuple[int, str]]:
    """[(1, "Below expectations"), ..., (4, "Exceeds expectations")] in the current language."""
    return [(level, str(RUBRIC_LEVEL_NAMES[level])) for level in RUBRIC_LEVELS]


@register.filter
def rating_label(value: int | str | None) -> str:
    """A rating as read on a scorecard: "3 · Meets expectations"; empty or unknown: "Not assessed"."""
    try:
        level = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return _("Not assessed")
    name = RUBRIC_LEVEL_NAMES.get(level)
    return f"{level} · {name}" if name else _("Not assessed")
