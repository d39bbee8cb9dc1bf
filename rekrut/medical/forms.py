"""Forms of the MCU pages. They read and check input; the rules live in the services.

Appointment times are typed in the zone of the job's location (where the clinic is), not the viewer's:
the view validates the form with that zone active, so a time typed as 09:00 in Makassar is 09:00 WITA.
"""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rekrut.core.forms import SubmitOnceForm
from rekrut.core.limits import NOTE_TEXT, OUT_OF_RANGE, SHORT_TEXT, moment_in_range
from rekrut.core.uploads import MAX_UPLOAD_BYTES
from rekrut.medical.models import Conclusion, Package, Provider
from rekrut.medical.selectors import packages_in_use, providers_in_use

LOCAL_DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
LOCAL_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]


class AppointmentField(forms.DateTimeField):
    widget = LOCAL_DATETIME

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(input_formats=LOCAL_FORMATS, **kwargs)

    def to_python(self, value: Any) -> Any:
        try:
            moment = super().to_python(value)
        except OverflowError:
            raise forms.ValidationError(OUT_OF_RANGE, code="out_of_range") from None
        if moment is not None and not moment_in_range(moment):
            raise forms.ValidationError(OUT_OF_RANGE, code="out_of_range")
        return moment


class PlanForm(SubmitOnceForm):
    provider = forms.ModelChoiceField(label=_("Clinic or hospital"), queryset=Provider.objects.none())
    package = forms.ModelChoiceField(label=_("Package"), queryset=Package.objects.none())
    scheduled_at = AppointmentField(label=_("Appointment"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = providers_in_use()  # type: ignore[attr-defined]
        self.fields["package"].queryset = packages_in_use()  # type: ignore[attr-defined]


class RescheduleForm(PlanForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class CancelForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    reason = forms.CharField(label=_("Why is it cancelled?"), max_length=SHORT_TEXT)


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class ResultForm(forms.Form):
    """The conclusion for everyone who records results; the note and report only for people allowed to
    see health data (the view leaves those fields out for the others, and the service refuses them)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    conclusion = forms.ChoiceField(
        label=_("Doctor's conclusion"), choices=Conclusion.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Doctor's note (health data)"),
        max_length=NOTE_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    report = forms.FileField(
        label=_("Report (PDF, JPEG or PNG, at most 10 MB)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
    )

    def __init__(self, *args: Any, with_details: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not with_details:
            del self.fields["note"], self.fields["report"]

    def clean_report(self) -> Any:
        report = self.cleaned_data.get("report")
        # Checked again by content in the service; this only spares reading a file far too large.
        if report and report.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."), code="too_large")
        return report
