from django import forms
from django.utils.translation import gettext_lazy as _

from rekrut.candidates.jsonresume import MAX_BYTES
from rekrut.candidates.models import ConsentPurpose
from rekrut.privacy.models import RequestKind
from rekrut.privacy.services import DETAILS_MAX


class DataRequestForm(forms.Form):
    kind = forms.ChoiceField(choices=RequestKind.choices, widget=forms.HiddenInput)
    purpose = forms.ChoiceField(
        choices=[("", ""), *ConsentPurpose.choices], required=False, widget=forms.HiddenInput
    )
    details = forms.CharField(
        label=_("What should we know?"),
        required=False,
        max_length=DETAILS_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AnswerForm(forms.Form):
    done = forms.TypedChoiceField(
        label=_("Answer"),
        choices=[("1", _("Done")), ("0", _("Refuse"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    answer = forms.CharField(
        label=_("Message to the candidate"),
        required=False,
        max_length=DETAILS_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you refuse: say on which ground of the law."),
    )


class RetentionForm(forms.Form):
    until = forms.DateField(label=_("Keep until"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))
    talent_pool = forms.BooleanField(
        label=_("For the talent pool (needs the candidate's consent)"), required=False
    )


class ResumeImportForm(forms.Form):
    file = forms.FileField(label=_("JSON Resume file (.json)"))

    def clean_file(self) -> bytes:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("This JSON Resume file is larger than 1 MB; a résumé is much smaller.")
            )
        return bytes(upload.read())
