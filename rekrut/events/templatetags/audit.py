"""Showing an audit row's changes in the viewer's language: field names and choices from the subject's model,
lists (a job's stages, its team) as what was added, removed or changed in them. Presentation only."""

from dataclasses import dataclass
from typing import Any

from django import template
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext, pgettext

from rekrut.core.models import language_suffix
from rekrut.events.models import AuditEvent

register = template.Library()


@dataclass(frozen=True)
class ChangeRow:
    field: str
    before: list[str]
    after: list[str]


@dataclass(frozen=True)
class Field:
    """What the log knows of a stored field name: its label, its choices, the model of a related list."""

    label: str
    choices: dict[Any, Any]
    items: type[models.Model] | None = None


def _field(model: type[models.Model] | None, name: str) -> Field:
    # Content types and model metadata are cached: naming fields costs no query.
    try:
        field: Any = model._meta.get_field(name) if model else None
    except FieldDoesNotExist:
        field = None
    if field is None:
        return Field(name, {})
    if verbose_name := getattr(field, "verbose_name", None):
        return Field(str(verbose_name), dict(getattr(field, "flatchoices", None) or ()))
    # A reverse relation (a job's "stages", its "team") is named by the related model.
    related = field.related_model
    return Field(str(related._meta.verbose_name_plural), {}, related)


def _text(value: object, choices: dict[Any, Any]) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return pgettext("audit log value", "yes") if value else pgettext("audit log value", "no")
    if isinstance(value, dict) and "label" in value:
        return str(value["label"])
    if isinstance(value, int | str) and value in choices:
        return str(choices[value])
    return str(value)


def _item(item: object, model: type[models.Model] | None) -> str:
    """One element of a list: its values in a line ("Rina · HR owner"); yes/no values say which field."""
    if not isinstance(item, dict) or "label" in item:
        return _text(item, {})
    parts = []
    # PostgreSQL's jsonb keeps object keys in its own order (shortest first), so the line follows the
    # model's field order rather than the stored order.
    order = [f.name for f in model._meta.get_fields()] if model is not None else []
    keys = sorted(item, key=lambda k: order.index(k) if k in order else len(order))
    for key in keys:
        value = item[key]
        if key != "id":
            field = _field(model, key)
            text = _text(value, field.choices)
            parts.append(f"{field.label}: {text}" if isinstance(value, bool) else text)
    return " · ".join(parts)


def _name(item: dict) -> str:
    return str(item.get(f"name_{language_suffix()}") or item.get("name_id") or item.get("id"))


def _list_rows(field: Field, before: list, after: list) -> list[ChangeRow]:
    with_ids = all(isinstance(i, dict) and "id" in i for i in before + after)
    if not with_ids:  # a set of things, e.g. a team: who left, who joined
        removed = [_item(i, field.items) for i in before if i not in after]
        added = [_item(i, field.items) for i in after if i not in before]
        return [ChangeRow(field.label, removed or ["—"], added or ["—"])]
    # Records that keep their id (stages): each one's changed fields, then the order if it changed.
    rows, old = [], {i["id"]: i for i in before}
    for item in after:
        was = old.get(item["id"])
        if was is None:
            rows.append(ChangeRow(f"{field.label}: {_name(item)}", ["—"], [_item(item, field.items)]))
        elif was != item:
            changed = [key for key in item if was.get(key) != item[key]]
            lines = [(_field(field.items, key), was.get(key), item[key]) for key in changed]
            rows.append(
                ChangeRow(
                    f"{field.label}: {_name(item)}",
                    [f"{f.label}: {_text(b, f.choices)}" for f, b, _a in lines],
                    [f"{f.label}: {_text(a, f.choices)}" for f, _b, a in lines],
                )
            )
    if [i["id"] for i in before] != [i["id"] for i in after if i["id"] in old]:
        order = f"{field.label}: {gettext('Order')}"
        rows.append(ChangeRow(order, [_name(i) for i in before], [_name(i) for i in after]))
    return rows


@register.filter
def audit_changes(event: AuditEvent) -> list[ChangeRow]:
    model = event.subject_type.model_class()
    rows = []
    for name, value in (event.changes or {}).items():
        field = _field(model, name)
        if not (isinstance(value, dict) and set(value) == {"before", "after"}):
            rows.append(ChangeRow(field.label, [], [_text(value, field.choices)]))
        elif isinstance(value["before"], list) and isinstance(value["after"], list):
            rows += _list_rows(field, value["before"], value["after"])
        else:
            before, after = value["before"], value["after"]
            rows.append(ChangeRow(field.label, [_text(before, field.choices)], [_text(after, field.choices)]))
    return rows
