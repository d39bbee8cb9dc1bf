from django import template

from rekrut.reports.formatting import cell_text

register = template.Library()


@register.filter
def report_cell(value: object, kind: str) -> str:
    """A table cell as the viewer reads it: Indonesian numbers, percentages and dates in Bahasa Indonesia."""
    return cell_text(value, kind)  # type: ignore[arg-type]


@register.filter
def cells_with_kinds(row: list, kinds: list) -> list:
    return list(zip(row, kinds, strict=False))
