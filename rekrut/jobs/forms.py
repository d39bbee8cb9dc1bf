import hashlib
import re
from typing import Any

from django import forms
from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import Role, User
from rekrut.core.limits import DOCUMENT_TEXT
from rekrut.jobs.ad_check import ad_warnings
from rekrut.jobs.models import (
    AdAcknowledgement,
    EducationLevel,
    Job,
    JobRequirements,
    LanguageLevel,
    StageKind,
)
from rekrut.jobs.requirements import YEARS_MAX, LanguageSpec, RequirementsSpec
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


# Language rows on the form: few jobs ask for more than three.
LANGUAGE_ROWS = 3


def _skill_lines(text: str) -> list[str]:
    # One skill per line or separated by commas or semicolons, as HR pastes them from an ad.
    return [part for line in text.splitlines() for part in re.split(r"[,;]", line)]


class RequirementsForm(forms.Form):
    """The job's structured requirements (jobs.requirements): what the applications are ranked against."""

    must_have = forms.CharField(
        label=_("Must-have skills"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line or separated by commas, e.g. Microsoft Excel, customer service, SQL."),
    )
    nice_to_have = forms.CharField(
        label=_("Nice-to-have skills"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    experience_years = forms.IntegerField(
        label=_("Minimum years of experience"),
        required=False,
        min_value=0,
        max_value=YEARS_MAX,
        error_messages={
            "min_value": _("Years of experience cannot be negative."),
            "max_value": _("Years of experience must be at most %(limit_value)s."),
            "invalid": _("Enter the years as a whole number, e.g. 2."),
        },
    )
    experience_in = forms.CharField(
        label=_("Experience in"),
        required=False,
        max_length=80,
        help_text=_("Leave empty to count any work experience; e.g. customer service."),
    )
    education_min = forms.ChoiceField(
        label=_("Minimum education"),
        required=False,
        choices=[("", _("Any")), *EducationLevel.choices],
    )
    location_matters = forms.BooleanField(
        label=_("Say whether each applicant lives near the job or is willing to relocate"),
        required=False,
        initial=True,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for n in range(1, LANGUAGE_ROWS + 1):
            self.fields[f"language_{n}"] = forms.CharField(label=_("Language"), required=False, max_length=40)
            self.fields[f"language_level_{n}"] = forms.ChoiceField(
                label=_("Level"), required=False, choices=LanguageLevel.choices, initial=LanguageLevel.FLUENT
            )

    @classmethod
    def initial_of(cls, requirements: JobRequirements) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "must_have": "\n".join(requirements.must_have),
            "nice_to_have": "\n".join(requirements.nice_to_have),
            "experience_years": requirements.experience_years,
            "experience_in": requirements.experience_in,
            "education_min": requirements.education_min,
            "location_matters": requirements.location_matters if requirements.pk else True,
        }
        for n, language in enumerate(requirements.languages, start=1):
            initial[f"language_{n}"] = language.get("language", "")
            initial[f"language_level_{n}"] = language.get("level", LanguageLevel.FLUENT)
        return initial

    def language_rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"language_{n}"], self[f"language_level_{n}"]) for n in range(1, LANGUAGE_ROWS + 1)]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("experience_in", "").strip() and not data.get("experience_years"):
            self.add_error("experience_years", _("Say how many years of this experience the job asks for."))
        return data

    def spec(self) -> RequirementsSpec:
        d = self.cleaned_data
        languages = tuple(
            LanguageSpec(d[f"language_{n}"], d[f"language_level_{n}"] or LanguageLevel.FLUENT)
            for n in range(1, LANGUAGE_ROWS + 1)
            if d.get(f"language_{n}", "").strip()
        )
        return RequirementsSpec(
            must_have=tuple(_skill_lines(d["must_have"])),
            nice_to_have=tuple(_skill_lines(d["nice_to_have"])),
            experience_years=d["experience_years"],
            experience_in=d["experience_in"],
            education_min=d["education_min"],
            languages=languages,
            location_matters=d["location_matters"],
        )
