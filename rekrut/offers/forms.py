"""The offer builder's form and its allowance lines. Forms only read what was typed; the rules live in
rekrut/offers/rules.py and run in the service (and in the builder's preview)."""

import re
from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.core.limits import NOTE_TEXT
from rekrut.jobs.models import Department, Location
from rekrut.offers.models import (
    AllowanceKind,
    ApprovalDecision,
    ApprovalStep,
    Offer,
    OfferEmployment,
    WorkingPattern,
)
from rekrut.offers.services import AllowanceLine, OfferData

# Typed amounts may carry "Rp", spaces and thousand dots (Rp5.000.000), as people write them (rule L1).
_GROUPING = re.compile(r"^-?\d{1,3}(\.\d{3})+$")
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RupiahField(forms.IntegerField):
    """Whole Rupiah; "Rp5.000.000", "5.000.000" and "5000000" all read as 5000000."""

    default_error_messages = {"invalid": _("Enter an amount in whole Rupiah, like 5.000.000.")}
    # A text box, not type=number: browsers refuse "5.000.000" in a number box, the way people write it.
    widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})

    def to_python(self, value: Any) -> int | None:
        if isinstance(value, str):
            text = value.strip().replace(" ", "")
            text = re.sub(r"^(-?)rp\.?", r"\1", text, flags=re.IGNORECASE)
            if _GROUPING.match(text):
                text = text.replace(".", "")
            value = text
        return super().to_python(value)


class OfferForm(forms.Form):
    position = forms.CharField(label=_("Position"), max_length=160)
    department = forms.ModelChoiceField(label=_("Department"), queryset=Department.objects.all())
    work_location = forms.ModelChoiceField(label=_("Work location"), queryset=Location.objects.all())
    start_date = forms.DateField(label=_("Start date"), widget=DATE_INPUT)
    employment_type = forms.ChoiceField(
        label=_("Employment status"), choices=OfferEmployment.choices, widget=forms.RadioSelect
    )
    contract_months = forms.IntegerField(
        label=_("Contract length (months, PKWT)"), required=False, help_text=_("Only for a PKWT.")
    )
    earlier_pkwt_months = forms.IntegerField(
        label=_("Earlier fixed-term contracts with the company (months)"),
        required=False,
        initial=0,
        help_text=_("Only for a PKWT: all PKWTs together may last at most 5 years."),
    )
    probation_months = forms.IntegerField(
        label=_("Probation (months, PKWTT)"),
        required=False,
        initial=0,
        help_text=_("Only for a PKWTT, at most 3."),
    )
    base_salary = RupiahField(label=_("Base salary (Rp per month)"))
    working_pattern = forms.ChoiceField(
        label=_("Working pattern"), choices=WorkingPattern.choices, widget=forms.RadioSelect
    )
    annual_leave_days = forms.IntegerField(label=_("Annual leave (working days)"), initial=12)
    benefits = forms.CharField(
        label=_("Benefits"),
        required=False,
        max_length=NOTE_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line."),
    )
    expires_on = forms.DateField(label=_("Offer valid until"), widget=DATE_INPUT)
    signatory = forms.ModelChoiceField(label=_("Signed by"), queryset=User.objects.filter(is_active=True))
    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean_start_date(self) -> date:
        return self._in_range(self.cleaned_data["start_date"])

    def clean_expires_on(self) -> date:
        return self._in_range(self.cleaned_data["expires_on"])

    @staticmethod
    def _in_range(day: date) -> date:
        if not 2000 <= day.year <= 2099:
            raise forms.ValidationError(_("Enter a date between the years 2000 and 2099."))
        return day

    def data_for(self, lines: list[AllowanceLine]) -> OfferData:
        data = self.cleaned_data
        return OfferData(
            position=data["position"],
            department=data["department"],
            work_location=data["work_location"],
            start_date=data["start_date"],
            employment_type=data["employment_type"],
            contract_months=data.get("contract_months"),
            earlier_pkwt_months=data.get("earlier_pkwt_months") or 0,
            probation_months=data.get("probation_months") or 0,
            base_salary=data["base_salary"],
            working_pattern=data["working_pattern"],
            annual_leave_days=data["annual_leave_days"],
            allowances=tuple(lines),
            benefits=tuple(data.get("benefits", "").splitlines()),
            expires_on=data["expires_on"],
            signatory=data["signatory"],
        )


class AllowanceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=AllowanceKind.choices)
    name = forms.CharField(label=_("Allowance"), max_length=120, required=False)
    amount = RupiahField(label=_("Amount (Rp per month)"), required=False)

    def line(self) -> AllowanceLine | None:
        """The line typed in this row; None for a row left empty."""
        data = self.cleaned_data
        if not data or (not (data.get("name") or "").strip() and data.get("amount") in (None, 0)):
            return None
        return AllowanceLine(kind=data["kind"], name=data.get("name") or "", amount=data.get("amount") or 0)


AllowanceFormSet = forms.formset_factory(AllowanceForm, extra=2, max_num=20, absolute_max=20)


def allowance_lines(formset: Any) -> list[AllowanceLine]:
    return [line for form in formset.forms if (line := form.line()) is not None]


def offer_initial(offer: Offer) -> dict[str, Any]:
    return {
        "position": offer.position,
        "department": offer.department_id,
        "work_location": offer.work_location_id,
        "start_date": offer.start_date,
        "employment_type": offer.employment_type,
        "contract_months": offer.contract_months,
        "earlier_pkwt_months": offer.earlier_pkwt_months,
        "probation_months": offer.probation_months,
        "base_salary": offer.base_salary,
        "working_pattern": offer.working_pattern,
        "annual_leave_days": offer.annual_leave_days,
        "benefits": offer.benefits,
        "expires_on": offer.expires_on,
        "signatory": offer.signatory_id,
        "lock_version": offer.lock_version,
    }


class VersionForm(forms.Form):
    """The offer's lock_version as the page showed it: a stale page's action is refused."""

    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class DecideForm(forms.Form):
    decision = forms.ChoiceField(choices=ApprovalDecision.choices)
    # Its length is the service's to refuse, with a message that names the limit.
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    round = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    step = forms.ChoiceField(choices=ApprovalStep.choices, widget=forms.HiddenInput)
