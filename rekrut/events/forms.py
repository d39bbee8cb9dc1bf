from django import forms
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from rekrut.events.actions import action_choices


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Action"), required=False, widget=forms.Select(attrs={"aria-label": _("Action")})
    )
    actor = forms.ModelChoiceField(
        label=_("Who"),
        queryset=get_user_model()._default_manager.none(),
        required=False,
        empty_label=_("Anyone"),
        widget=forms.Select(attrs={"aria-label": _("Who")}),
    )

    def __init__(self, *args: object, actors: QuerySet, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["action"].choices = [("", _("Any action")), *action_choices()]  # type: ignore[attr-defined]
        self.fields["actor"].queryset = actors  # type: ignore[attr-defined]
