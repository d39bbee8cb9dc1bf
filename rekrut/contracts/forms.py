"""Forms of the contract pages. They read and check the input's shape; what the contract must contain
(UU 13/2003 Ps 54(1), C5) is the service's rule, so its fields are optional here and the service names
each missing item beside its field, the same answer the API gets."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rekrut.contracts.models import PayMethod, Sex
from rekrut.contracts.services import (
    ADDRESS_MAX,
    EXTRA_TERMS_MAX,
    REGISTRATION_NUMBER_MAX,
    TEXT_MAX,
    ContractData,
)
from rekrut.core.forms import SubmitOnceForm
from rekrut.core.limits import OUT_OF_RANGE
from rekrut.core.uploads import MAX_UPLOAD_BYTES

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DateField(forms.DateField):
    """A date typed in a browser's date box (or day-first), within the years Rekrut accepts."""

    widget = DATE
    years = (2000, 2099)
    out_of_range = OUT_OF_RANGE

    def to_python(self, value: Any) -> Any:
        try:
            day = super().to_python(value)
        except OverflowError:
            raise forms.ValidationError(self.out_of_range, code="out_of_range") from None
        if day is not None and not self.years[0] <= day.year <= self.years[1]:
            raise forms.ValidationError(self.out_of_range, code="out_of_range")
        return day


class BirthDateField(DateField):
    years = (1900, 2099)
    out_of_range = _("Check the date of birth.")


class GenerateForm(SubmitOnceForm):
    company_name = forms.CharField(label=_("Company name"), max_length=TEXT_MAX, required=False)
    company_address = forms.CharField(
        label=_("Company address"),
        max_length=ADDRESS_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    company_business = forms.CharField(
        label=_("Company's line of business"),
        max_length=TEXT_MAX,
        required=False,
        help_text=_("As on the company's business licence (NIB), e.g. “Perdagangan eceran”."),
    )
    worker_sex = forms.ChoiceField(label=_("Worker's sex"), choices=[("", "—"), *Sex.choices], required=False)
    worker_birth_date = BirthDateField(label=_("Worker's date of birth"), required=False)
    worker_address = forms.CharField(
        label=_("Worker's address"),
        max_length=ADDRESS_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("As on the worker's KTP."),
    )
    pay_method = forms.ChoiceField(
        label=_("How the wage is paid"), choices=[("", "—"), *PayMethod.choices], required=False
    )
    pay_day = forms.IntegerField(label=_("Pay day of the month"), min_value=1, max_value=31, required=False)
    signing_place = forms.CharField(label=_("Place of signing"), max_length=120, required=False)
    signing_date = DateField(label=_("Date of signing"), required=False)
    signatory_title = forms.CharField(
        label=_("Signatory's position"),
        max_length=120,
        required=False,
        help_text=_("Printed under the company's signature, e.g. “Direktur Utama”."),
    )
    extra_terms = forms.CharField(
        label=_("Other provisions"),
        max_length=EXTRA_TERMS_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional, one per line, in Bahasa Indonesia: each becomes a point of its own article."),
    )

    def contract_data(self) -> ContractData:
        d = self.cleaned_data
        return ContractData(
            company_name=d.get("company_name") or "",
            company_address=d.get("company_address") or "",
            company_business=d.get("company_business") or "",
            worker_sex=d.get("worker_sex") or "",
            worker_birth_date=d.get("worker_birth_date"),
            worker_address=d.get("worker_address") or "",
            pay_method=d.get("pay_method") or "",
            pay_day=d.get("pay_day"),
            signing_place=d.get("signing_place") or "",
            signing_date=d.get("signing_date"),
            signatory_title=d.get("signatory_title") or "",
            extra_terms=d.get("extra_terms") or "",
        )


class ScanField(forms.FileField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Scan of the signed contract (PDF, JPEG or PNG, at most 10 MB)"))
        kwargs.setdefault(
            "widget", forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"})
        )
        super().__init__(**kwargs)

    def clean(self, *args: Any, **kwargs: Any) -> Any:
        scan = super().clean(*args, **kwargs)
        # Checked again by content in the service; this only spares reading a file far too large.
        if scan and scan.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."), code="too_large")
        return scan


class SignForm(forms.Form):
    signed_on = DateField(label=_("Signed on"))
    scan = ScanField(required=False)


class ScanForm(forms.Form):
    scan = ScanField()


class RegisterForm(forms.Form):
    registered_on = DateField(label=_("Registered on"))
    registration_number = forms.CharField(label=_("Registration number"), max_length=REGISTRATION_NUMBER_MAX)
