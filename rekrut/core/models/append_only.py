"""Rows written once and never changed: history, submitted versions, decisions, the audit log."""

from typing import Any, NoReturn

from django.db import models

from rekrut.core.errors import ImmutableRow


def _refuse(model: type[models.Model], verb: str) -> NoReturn:
    raise ImmutableRow(f"{model._meta.label} rows are append-only: never {verb}.")


class AppendOnlyQuerySet(models.QuerySet):
    """Bulk edits are refused too, so `.filter(...).update(...)` cannot rewrite history behind save()."""

    def update(self, **kwargs: Any) -> NoReturn:
        _refuse(self.model, "edited")

    def delete(self) -> NoReturn:
        _refuse(self.model, "deleted")


AppendOnlyManager = models.Manager.from_queryset(AppendOnlyQuerySet)


class AppendOnly(models.Model):
    """save() inserts only; saving a loaded row, delete() and the queryset's update() and delete() raise.

    Database-level cascades (deleting a parent whose children CASCADE) bypass these methods by Django's
    design; append-only rows therefore point at their parents with PROTECT where history must survive.
    """

    objects = AppendOnlyManager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            _refuse(type(self), "edited")
        # An unsaved instance given the pk of an existing row would otherwise UPDATE that row.
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        _refuse(type(self), "deleted")


def append_only_erase(queryset: models.QuerySet, **values: Any) -> int:
    """The one way an append-only row is ever changed: personal data the law orders erased (UU 27/2022
    PDP Ps 43) is overwritten in place, so the row, its time and its counts stay. Only erasers call it."""
    return models.QuerySet.update(queryset, **values)
