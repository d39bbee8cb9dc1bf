"""Forms of the assessment pages. They read and check input; the rules live in the services.

Times are typed in the zone of the job's location (where the candidate goes): the view validates the form
with that zone active, so 09:00 typed for a job in Makassar is 09:00 WITA.
"""

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rekrut.assessments.models import (
    AssessmentKind,
    AssessmentMode,
    AssessmentType,
    Category,
    Delivery,
    Outcome,
    ResultShape,
)
from rekrut.assessments.outcomes import RATINGS
from rekrut.assessments.selectors import types_in_use
from rekrut.core.forms import SubmitOnceForm
from rekrut.core.limits import LONG_TEXT, NOTE_TEXT, OUT_OF_RANGE, SHORT_TEXT, moment_in_range
from rekrut.core.uploads import MAX_UPLOAD_BYTES
from rekrut.jobs.models import StageKind

LOCAL_DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
LOCAL_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]
TOO_LARGE = _("The file is larger than 10 MB.")


class MomentField(forms.DateTimeField):
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


def _small_file(upload: Any) -> Any:
    # Checked again by content in the service; this only spares reading a file far too large.
    if upload and upload.size > MAX_UPLOAD_BYTES:
        raise forms.ValidationError(TOO_LARGE, code="too_large")
    return upload


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


# ---- types -----------------------------------------------------------------------------------------


def _text(label: Any, limit: int, rows: int = 3) -> forms.CharField:
    return forms.CharField(
        label=label, max_length=limit, required=False, widget=forms.Textarea(attrs={"rows": rows})
    )


class TypeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    name_id = forms.CharField(label=_("Name (Bahasa Indonesia)"), max_length=120)
    name_en = forms.CharField(label=_("Name (English)"), max_length=120, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=AssessmentKind.choices)
    shape = forms.ChoiceField(label=_("Result shape"), choices=ResultShape.choices, widget=forms.RadioSelect)
    max_score = forms.DecimalField(
        label=_("Highest score"),
        max_digits=7,
        decimal_places=2,
        min_value=Decimal("0.01"),
        initial=100,
        required=False,
    )
    pass_mark = forms.DecimalField(
        label=_("Pass mark"),
        max_digits=7,
        decimal_places=2,
        min_value=0,
        required=False,
        help_text=_("Score shape: a score at or above it passes. Leave empty to record scores only."),
    )
    rubric = forms.CharField(
        label=_("Rubric criteria"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Rubric shape: one criterion per line, rated 1–4; add the English name after “|”."),
    )
    rubric_pass_average = forms.DecimalField(
        label=_("Average rating to pass"),
        max_digits=3,
        decimal_places=2,
        min_value=1,
        max_value=4,
        required=False,
        initial=3,
    )
    delivery = forms.ChoiceField(label=_("Run by"), choices=Delivery.choices)
    provider_name = forms.CharField(label=_("Provider"), max_length=160, required=False)
    validity_days = forms.IntegerField(
        label=_("Result valid for (days)"),
        min_value=1,
        max_value=3650,
        initial=180,
        help_text=_(
            "Within this time, HR is offered the result again when the person applies for another job."
        ),
    )
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"), min_value=1, max_value=1440, required=False
    )
    measures_id = _text(_("What it measures (Bahasa Indonesia)"), 2000)
    measures_en = _text(_("What it measures (English)"), 2000)
    instructions_id = _text(_("Instructions (Bahasa Indonesia)"), 4000)
    instructions_en = _text(_("Instructions (English)"), 4000)
    bring_id = _text(_("What to bring (Bahasa Indonesia)"), 1000, 2)
    bring_en = _text(_("What to bring (English)"), 1000, 2)
    brief_id = _text(_("Case study brief (Bahasa Indonesia)"), 10000, 5)
    brief_en = _text(_("Case study brief (English)"), 10000, 5)
    brief_file = forms.FileField(
        label=_("Brief file (PDF, Word, Excel or PowerPoint, at most 10 MB)"), required=False
    )
    details_restricted = forms.BooleanField(
        label=_("The report and note are specific data"),
        required=False,
        help_text=_(
            "Only people an HR admin allows read them, each reading logged. Always on for a psikotes."
        ),
    )

    def clean_brief_file(self) -> Any:
        return _small_file(self.cleaned_data.get("brief_file"))

    def clean_name_id(self) -> str:
        return " ".join(self.cleaned_data["name_id"].split())

    def service_data(self) -> dict[str, Any]:
        from rekrut.assessments.services.types import rubric_from_lines

        data = dict(self.cleaned_data)
        data["rubric"] = rubric_from_lines(data.get("rubric") or "")
        data.pop("brief_file", None)
        data.pop("version", None)
        return data

    @staticmethod
    def initial_of(kind: AssessmentType) -> dict[str, Any]:
        names = [f for f in TypeForm.base_fields if f not in ("rubric", "brief_file", "version")]
        initial = {name: getattr(kind, name) for name in names}
        initial["rubric"] = "\n".join(
            f"{row['name_id']} | {row['name_en']}" if row.get("name_en") else row["name_id"]
            for row in kind.rubric
        )
        initial["version"] = kind.version
        return initial


# ---- an application's assessments -------------------------------------------------------------------


class AssignForm(SubmitOnceForm):
    assessment_type = forms.ModelChoiceField(label=_("Assessment"), queryset=AssessmentType.objects.none())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assessment_type"].queryset = types_in_use()  # type: ignore[attr-defined]


class ReuseForm(SubmitOnceForm):
    source = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class InviteForm(VersionForm):
    scheduled_at = MomentField(label=_("Time"), required=False)
    deadline = MomentField(
        label=_("Or a deadline"), required=False, help_text=_("For work done at home, such as a case study.")
    )
    mode = forms.ChoiceField(label=_("Mode"), choices=AssessmentMode.choices, initial=AssessmentMode.ON_SITE)
    location = forms.CharField(label=_("Place"), max_length=SHORT_TEXT, required=False)
    meeting_url = forms.URLField(
        label=_("Link of the online test"), max_length=500, required=False, assume_scheme="https"
    )
    note = forms.CharField(
        label=_("Note to the candidate"),
        max_length=NOTE_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CancelForm(VersionForm):
    reason = forms.CharField(label=_("Why is it cancelled?"), max_length=SHORT_TEXT)


class ResultForm(VersionForm):
    """The fields of the type's result shape, the conclusion, and the report and note for people who may
    read them (the view leaves those out for the others, and the service refuses them)."""

    conclusion = forms.CharField(
        label=_("Conclusion for the hiring team"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One or two sentences everyone on the team reads; keep the details in the report."),
    )
    taken_on = forms.DateField(
        label=_("Date of the assessment"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, kind: AssessmentType, with_report: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        if kind.shape == ResultShape.SCORE:
            self.fields["score"] = forms.DecimalField(
                label=_("Score (0–%(max)s)") % {"max": f"{kind.max_score.normalize():f}"},
                max_digits=7,
                decimal_places=2,
                min_value=0,
                max_value=kind.max_score,
            )
        elif kind.shape == ResultShape.CATEGORY:
            self.fields["category"] = forms.ChoiceField(
                label=_("Category"), choices=Category.choices, widget=forms.RadioSelect
            )
        else:
            for row in kind.rubric:
                name = row.get("name_en") or row["name_id"]
                label = name if self._english() else row["name_id"]
                self.fields[f"rating_{row['key']}"] = forms.TypedChoiceField(
                    label=label, choices=[(r, r) for r in RATINGS], coerce=int, widget=forms.RadioSelect
                )
        self.order_fields([f for f in self.fields if f not in ("conclusion", "taken_on")])
        if with_report:
            self.fields["note"] = forms.CharField(
                label=_("Assessor's note"),
                max_length=LONG_TEXT,
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            self.fields["report"] = forms.FileField(
                label=_("Report (PDF, JPEG or PNG, at most 10 MB)"),
                required=False,
                widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
            )

    @staticmethod
    def _english() -> bool:
        from django.utils.translation import get_language

        return (get_language() or "id").startswith("en")

    def clean_report(self) -> Any:
        return _small_file(self.cleaned_data.get("report"))

    def ratings(self) -> dict[str, int] | None:
        if self.kind.shape != ResultShape.RUBRIC:
            return None
        return {row["key"]: self.cleaned_data[f"rating_{row['key']}"] for row in self.kind.rubric}


class RuleForm(forms.Form):
    assessment_type = forms.ModelChoiceField(label=_("Assessment"), queryset=AssessmentType.objects.none())
    blocking_outcome = forms.ChoiceField(
        label=_("When the outcome is"),
        choices=[(Outcome.FAILED, Outcome.FAILED.label), (Outcome.BORDERLINE, _("Borderline or not passed"))],
    )
    stage_kind = forms.ChoiceField(label=_("It cannot move on to"), choices=[])

    def __init__(self, *args: Any, kinds: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assessment_type"].queryset = types_in_use()  # type: ignore[attr-defined]
        self.fields["stage_kind"].choices = kinds  # type: ignore[attr-defined]


RULE_STAGE_KINDS = [
    kind
    for kind in StageKind.values
    if kind not in (StageKind.APPLIED, StageKind.SCREENING, StageKind.ASSESSMENT)
]


# ---- provider import and the candidate's upload ------------------------------------------------------


class ImportForm(forms.Form):
    assessment_type = forms.ModelChoiceField(label=_("Assessment"), queryset=AssessmentType.objects.none())
    file = forms.FileField(label=_("The provider's file (CSV or XLSX)"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assessment_type"].queryset = types_in_use()  # type: ignore[attr-defined]

    def clean_file(self) -> Any:
        return _small_file(self.cleaned_data.get("file"))


class WorkForm(forms.Form):
    file = forms.FileField(label=_("Your work (PDF, Word, Excel, PowerPoint, image or ZIP, at most 10 MB)"))
    consent = forms.BooleanField(
        required=False,
        label=_(
            "I agree that my work and its result are used to assess this application, as described above."
        ),
    )

    def clean_file(self) -> Any:
        return _small_file(self.cleaned_data.get("file"))
