from django import forms
from django.utils.translation import gettext_lazy as _

from rekrut.core.errors import DomainError
from rekrut.notifications.purposes import Purpose
from rekrut.notifications.template_services import BODY_MAX, SUBJECT_MAX
from rekrut.notifications.wording import wording_check


class MessageTemplateForm(forms.Form):
    """What HR writes; checked here to show a mistake beside its field, and again by the service."""

    subject = forms.CharField(label=_("Subject"), max_length=SUBJECT_MAX, required=False)
    body = forms.CharField(
        label=_("Message"), max_length=BODY_MAX, widget=forms.Textarea(attrs={"rows": 14}), required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args: object, purpose: Purpose, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.purpose = purpose
        if purpose.channel != "email":
            del self.fields["subject"]

    def _checked(self, name: str) -> str:
        text: str = self.cleaned_data.get(name, "")
        try:
            wording_check(text, self.purpose)
        except DomainError as error:
            raise forms.ValidationError(error.message) from None
        return text

    def clean_subject(self) -> str:
        return self._checked("subject")

    def clean_body(self) -> str:
        return self._checked("body")
