from django import forms
from django.utils.translation import gettext_lazy as _

from rekrut.notifications.models import MessageStatus


class OutboxFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status")), *MessageStatus.choices],
        widget=forms.Select(attrs={"aria-label": _("Status")}),
    )
    recipient = forms.CharField(
        label=_("Recipient"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"placeholder": _("Recipient"), "aria-label": _("Recipient")}),
    )
