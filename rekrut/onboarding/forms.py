"""Forms of the onboarding pages. They read and check input; the rules live in the services (identity.py,
banks.py and candidate.py are asked here too, so a refusal shows beside what was typed)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rekrut.core.uploads import MAX_UPLOAD_BYTES
from rekrut.onboarding.banks import bank_choices
from rekrut.onboarding.candidate import ADDRESS_MAX, HOLDER_MAX, EmployeeInput
from rekrut.onboarding.identity import NumberRefused, nik_check, npwp_check
from rekrut.onboarding.models import ChecklistTemplate, Sex, Task
from rekrut.onboarding.selectors import templates_in_use

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
NUMERIC = {"inputmode": "numeric", "autocomplete": "off"}
ACCEPT = "application/pdf,image/jpeg,image/png"


class DayField(forms.DateField):
    widget = DATE_INPUT

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(input_formats=DATE_FORMATS, **kwargs)

    def to_python(self, value: Any) -> Any:
        day = super().to_python(value)
        if day is not None and not 1900 <= day.year <= 2099:
            raise forms.ValidationError(_("Enter a real date."), code="out_of_range")
        return day


class StartForm(forms.Form):
    start_date = DayField(
        label=_("First working day"),
        required=False,
        help_text=_("Taken from the accepted offer when there is one."),
    )
    template = forms.ModelChoiceField(
        label=_("Checklist"),
        queryset=ChecklistTemplate.objects.none(),
        required=False,
        empty_label=_("The job's checklist (or the company's default)"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = templates_in_use()  # type: ignore[attr-defined]


class VersionForm(forms.Form):
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class TickForm(forms.Form):
    done = forms.BooleanField(required=False)


def _number_clean(check: Any, value: str) -> str:
    if not value.strip():
        return ""
    try:
        check(value)
    except NumberRefused as refused:
        raise forms.ValidationError(str(refused.message), code=refused.code) from None
    return value


class EmployeeForm(forms.Form):
    """The new employee's page, phone-first: numbers bring up the number keypad, files the camera."""

    nik = forms.CharField(
        label=_("NIK (16 digits, on your KTP)"),
        required=False,
        max_length=30,
        widget=forms.TextInput(NUMERIC),
    )
    npwp = forms.CharField(
        label=_("NPWP"),
        required=False,
        max_length=30,
        widget=forms.TextInput(NUMERIC),
        help_text=_("Since 2024 your NIK is your NPWP; an older 15-digit NPWP works too."),
    )
    birth_date = DayField(label=_("Date of birth"), required=False)
    sex = forms.ChoiceField(
        label=_("Sex (as on your KTP)"), required=False, choices=[("", "—"), *Sex.choices]
    )
    address = forms.CharField(
        label=_("Address (as on your KTP)"),
        required=False,
        max_length=ADDRESS_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
    )
    bpjs_kesehatan = forms.CharField(
        label=_("BPJS Kesehatan number (13 digits)"),
        required=False,
        max_length=20,
        widget=forms.TextInput(NUMERIC),
    )
    bpjs_ketenagakerjaan = forms.CharField(
        label=_("BPJS Ketenagakerjaan number (11 digits)"),
        required=False,
        max_length=20,
        widget=forms.TextInput(NUMERIC),
    )
    bank = forms.ChoiceField(label=_("Bank"), required=False)
    account_number = forms.CharField(
        label=_("Account number"), required=False, max_length=30, widget=forms.TextInput(NUMERIC)
    )
    account_holder = forms.CharField(
        label=_("Account holder's name"),
        required=False,
        max_length=HOLDER_MAX,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def __init__(self, *args: Any, documents: list[Task], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["bank"].choices = [("", _("Choose your bank…")), *bank_choices()]  # type: ignore[attr-defined]
        self.documents = documents
        for task in documents:
            self.fields[f"file_{task.pk}"] = forms.FileField(
                label=_("Photo or scan: %(document)s") % {"document": task.name},
                required=False,
                widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
                help_text=_("PDF, JPEG or PNG, at most 10 MB. A clear phone photo is fine."),
            )

    def clean_nik(self) -> str:
        return _number_clean(nik_check, self.cleaned_data["nik"])

    def clean_npwp(self) -> str:
        return _number_clean(npwp_check, self.cleaned_data["npwp"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for task in self.documents:
            upload = data.get(f"file_{task.pk}")
            if upload is not None and upload.size > MAX_UPLOAD_BYTES:
                self.add_error(f"file_{task.pk}", _("The file is larger than 10 MB."))
        return data

    def entry(self) -> EmployeeInput:
        d = self.cleaned_data
        return EmployeeInput(
            nik=d["nik"],
            npwp=d["npwp"],
            birth_date=d["birth_date"],
            sex=d["sex"],
            address=d["address"],
            bpjs_kesehatan=d["bpjs_kesehatan"],
            bpjs_ketenagakerjaan=d["bpjs_ketenagakerjaan"],
            bank=d["bank"],
            account_number=d["account_number"],
            account_holder=d["account_holder"],
        )
