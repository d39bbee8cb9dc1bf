from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rekrut.notifications.webhooks.events import event_choices


class WebhookForm(forms.Form):
    url = forms.CharField(
        label=_("URL"), max_length=500, help_text=_("Where Rekrut POSTs each event, https://.")
    )
    description = forms.CharField(label=_("What it is for"), max_length=200, required=False)
    events = forms.MultipleChoiceField(label=_("Events"), widget=forms.CheckboxSelectMultiple, choices=())
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        events = self.fields["events"]
        assert isinstance(events, forms.MultipleChoiceField)
        events.choices = event_choices()
