"""Texts kept in both languages (`<field>_id`, `<field>_en`) and read in the viewer's active language."""

from django.db import models
from django.utils.translation import get_language


def in_english() -> bool:
    return (get_language() or "id").startswith("en")


def language_suffix() -> str:
    """ "en" or "id": the suffix of the field to read for the active language."""
    return "en" if in_english() else "id"


def bilingual(obj: object, field: str) -> str:
    """`obj.<field>_en` in English, else `obj.<field>_id`; an empty English text falls back to Indonesian,
    the language every text is written in first."""
    indonesian = getattr(obj, f"{field}_id")
    return (getattr(obj, f"{field}_en") or indonesian) if in_english() else indonesian


class Bilingual(models.Model):
    """Gives `.name` in the active language to a model with `name_id` and `name_en` fields.

    Abstract and field-less: each model keeps its own fields (lengths differ), and migrations see no change.
    """

    class Meta:
        abstract = True

    @property
    def name(self) -> str:
        return bilingual(self, "name")
