import hashlib
from typing import Any

from django import forms
from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import Role, User
from rekrut.core.limits import DOCUMENT_TEXT
from rekrut.jobs.ad_check import ad_warnings
from rekrut.jobs.models import AdAcknowledgement, Job, StageKind
from rekrut.jobs.services import HEADCOUNT_MAX, JOB_FIELDS, TeamSpec

STAFF = User.objects.filter(is_active=True)


def _label(field: str) -> Any:
    # The model's own (translated) name for the field, as the form would give it.
    return lazy(lambda: capfirst(str(getattr(Job._meta.get_field(field), "verbose_name", field))), str)()


class JobForm(forms.ModelForm):
    hr_owner = forms.ModelChoiceField(
        label=_("HR owner"), queryset=STAFF.filter(role__in=[Role.HR_ADMIN, Role.RECRUITER])
    )
    hiring_manager = forms.ModelChoiceField(label=_("User (hiring manager)"), queryset=STAFF, required=False)
    superior = forms.ModelChoiceField(label=_("User's superior"), queryset=STAFF, required=False)
    director = forms.ModelChoiceField(label=_("Director"), queryset=STAFF, required=False)
    interviewers = forms.ModelMultipleChoiceField(
        label=_("Other interviewers"), queryset=STAFF, required=False
    )
    approvers = forms.ModelMultipleChoiceField(label=_("Offer approvers"), queryset=STAFF, required=False)
    loaded_at = forms.DateTimeField(widget=forms.HiddenInput, required=False)
    # Checked here (and in the service), so a bad value is told in words, never by the database's
    # constraint name (`job_headcount_positive`).
    headcount = forms.IntegerField(
        label=_label("headcount"),
        min_value=1,
        max_value=HEADCOUNT_MAX,
        initial=1,
        error_messages={"min_value": _("A job hires at least 1 person.")},
    )
    description = forms.CharField(
        label=_label("description"),
        required=False,
        max_length=DOCUMENT_TEXT,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    requirements = forms.CharField(
        label=_label("requirements"),
        required=False,
        max_length=DOCUMENT_TEXT,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    class Meta:
        model = Job
        fields = list(JOB_FIELDS)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        job = self.instance
        if job.pk:
            team = {(m.role, m.user_id) for m in job.team.all()}
            self.initial.update(
                {
                    "hr_owner": next((u for r, u in team if r == "hr_owner"), None),
                    "hiring_manager": next((u for r, u in team if r == "user"), None),
                    "superior": next((u for r, u in team if r == "superior"), None),
                    "director": next((u for r, u in team if r == "director"), None),
                    "interviewers": [u for r, u in team if r == "interviewer"],
                    "approvers": [u for r, u in team if r == "approver"],
                    "loaded_at": job.updated_at,
                }
            )
        self._acknowledgement_fields_add()

    def _acknowledgement_fields_add(self) -> None:
        """A reason field for each ad warning not yet acknowledged: an open job may keep such wording only
        with a reason (jobs.services._ad_review). Works without JavaScript: the refused form shows them."""
        source = self.data if self.is_bound else None
        texts = [
            str(source.get(name, "")) if source is not None else str(getattr(self.instance, name, "") or "")
            for name in ("title", "description", "requirements")
        ]
        known = set()
        if self.instance.pk:
            known = set(AdAcknowledgement.objects.filter(job=self.instance).values_list("key", flat=True))
        self.acknowledgement_keys: dict[str, str] = {}
        for warning in ad_warnings(*texts):
            if warning.key in known:
                continue
            name = "ack_" + hashlib.sha256(warning.key.encode()).hexdigest()[:12]
            self.acknowledgement_keys[name] = warning.key
            self.fields[name] = forms.CharField(
                label=_("Why the ad keeps “%(phrase)s”") % {"phrase": warning.phrase},
                help_text=str(warning.advice),
                required=False,
                max_length=500,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def acknowledgements(self) -> dict[str, str]:
        """Warning key -> the reason HR gave for keeping it (blank ones left out)."""
        return {
            key: self.cleaned_data.get(name, "")
            for name, key in self.acknowledgement_keys.items()
            if self.cleaned_data.get(name, "").strip()
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("salary_min"), data.get("salary_max")
        if low is not None and high is not None and low > high:
            self.add_error("salary_max", _("The maximum must be at least the minimum."))
        return data

    def team(self) -> TeamSpec:
        d = self.cleaned_data
        return TeamSpec(
            hr_owner=d["hr_owner"],
            user=d.get("hiring_manager"),
            superior=d.get("superior"),
            director=d.get("director"),
            interviewers=tuple(d.get("interviewers") or ()),
            approvers=tuple(d.get("approvers") or ()),
        )

    def job_fields(self) -> dict[str, Any]:
        return {k: self.cleaned_data[k] for k in JOB_FIELDS}


class StageRowForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    name_id = forms.CharField(label=_("Name (Bahasa Indonesia)"), max_length=80)
    name_en = forms.CharField(label=_("Name (English)"), max_length=80)
    kind = forms.ChoiceField(label=_("Kind"), choices=StageKind.choices)
    is_optional = forms.BooleanField(label=_("Optional"), required=False)
    is_active = forms.BooleanField(label=_("In use"), required=False)


StageFormSet = forms.formset_factory(StageRowForm, extra=1, can_order=True)
