from django import forms
from django.utils.translation import gettext_lazy as _

from rekrut.pipeline.models import RejectReason


class ActionForm(forms.Form):
    """The fields every pipeline action posts: the version the user saw, and an optional note."""

    version = forms.IntegerField(min_value=1)
    to_stage = forms.IntegerField(required=False)
    note = forms.CharField(label=_("Note"), required=False, max_length=2000, widget=forms.Textarea)


class RejectForm(ActionForm):
    reason = forms.ModelChoiceField(label=_("Reason"), queryset=RejectReason.objects.filter(is_active=True))
    notify_candidate = forms.BooleanField(
        label=_("Send the candidate a polite rejection e-mail"), required=False
    )
