from django import forms
from django.utils.translation import gettext_lazy as _

from rekrut.candidates.models import Source
from rekrut.core.limits import SEARCH_TEXT
from rekrut.pipeline.models import RejectReason


class ActionForm(forms.Form):
    """The fields every pipeline action posts: the version the user saw, and an optional note."""

    version = forms.IntegerField(min_value=1)
    to_stage = forms.IntegerField(required=False)
    note = forms.CharField(label=_("Note"), required=False, max_length=2000, widget=forms.Textarea)


class MoveForm(ActionForm):
    """A move; HR may carry a blocked application past the decision policy's rule, saying why."""

    override = forms.BooleanField(required=False)
    override_reason = forms.CharField(
        label=_("Why can it not wait?"), required=False, max_length=2000, widget=forms.Textarea
    )


class MoveBackForm(forms.Form):
    version = forms.IntegerField(min_value=1)
    reason = forms.CharField(label=_("Why does it move back?"), max_length=2000, widget=forms.Textarea)


class RejectForm(ActionForm):
    reason = forms.ModelChoiceField(label=_("Reason"), queryset=RejectReason.objects.filter(is_active=True))
    notify_candidate = forms.BooleanField(
        label=_("Send the candidate a polite rejection e-mail"), required=False
    )


# Ids are 64-bit; a bigger number typed into the address would overflow the database driver (a 500).
MAX_ID = 2**63 - 1


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=SEARCH_TEXT,
        error_messages={
            "max_length": _("Search for at most %(limit_value)d characters (this text has %(show_value)d).")
        },
    )
    job = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    stage = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    source = forms.ChoiceField(
        label=_("Source"), required=False, choices=[("", _("All sources")), *Source.choices]
    )
    applied_from = forms.DateField(
        label=_("Applied from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    applied_to = forms.DateField(
        label=_("Applied until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
