"""HR's forms: the test, a section, a question (options and rubric one per line), sending, reviewing."""

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rekrut.assessments.models import AssessmentType, Delivery
from rekrut.online_tests.models import OnlineTest, QuestionKind
from rekrut.online_tests.services.building import OptionText

LOCAL_INPUT = "%Y-%m-%dT%H:%M"


class TestForm(forms.Form):
    assessment_type = forms.ModelChoiceField(
        label=_("Assessment type"),
        queryset=AssessmentType.objects.none(),
        help_text=_("Its pass mark and highest score apply to this test."),
    )
    name_id = forms.CharField(label=_("Title (Bahasa Indonesia)"), max_length=160)
    name_en = forms.CharField(label=_("Title (English)"), max_length=160, required=False)
    instructions_id = forms.CharField(
        label=_("Instructions (Bahasa Indonesia)"), max_length=4000, required=False, widget=forms.Textarea
    )
    instructions_en = forms.CharField(
        label=_("Instructions (English)"), max_length=4000, required=False, widget=forms.Textarea
    )
    time_limit_minutes = forms.IntegerField(label=_("Time limit (minutes)"), min_value=1, max_value=600)
    show_score_to_candidate = forms.BooleanField(
        label=_("Candidates see their own score in the portal"), required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assessment_type"].queryset = AssessmentType.objects.filter(  # type: ignore[attr-defined]
            delivery=Delivery.ONLINE, is_active=True
        )

    @staticmethod
    def initial_of(test: OnlineTest) -> dict[str, Any]:
        names = ["name_id", "name_en", "instructions_id", "instructions_en", "time_limit_minutes"]
        return {
            **{name: getattr(test, name) for name in names},
            "assessment_type": test.assessment_type_id,
            "show_score_to_candidate": test.show_score_to_candidate,
            "version": test.version,
        }


class SectionForm(forms.Form):
    name_id = forms.CharField(label=_("Section (Bahasa Indonesia)"), max_length=160)
    name_en = forms.CharField(label=_("Section (English)"), max_length=160, required=False)
    draw_count = forms.IntegerField(
        label=_("Questions drawn for each candidate"),
        min_value=0,
        max_value=200,
        initial=0,
        help_text=_("0 gives every question of the section."),
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=QuestionKind.choices)
    text_id = forms.CharField(label=_("Question (Bahasa Indonesia)"), max_length=2000, widget=forms.Textarea)
    text_en = forms.CharField(
        label=_("Question (English)"), max_length=2000, required=False, widget=forms.Textarea
    )
    points = forms.DecimalField(
        label=_("Points"), min_value=Decimal("0.5"), max_value=100, decimal_places=2, initial=1
    )
    options_id = forms.CharField(
        label=_("Options (Bahasa Indonesia), one per line; start the correct one with *"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    options_en = forms.CharField(
        label=_("Options (English), in the same order"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    answer_number = forms.DecimalField(
        label=_("Correct number"), required=False, max_digits=14, decimal_places=4
    )
    tolerance = forms.DecimalField(
        label=_("Tolerance (±)"), required=False, min_value=0, max_digits=14, decimal_places=4, initial=0
    )
    rubric_id = forms.CharField(
        label=_("Rubric criteria (Bahasa Indonesia), one per line, each rated 1–4"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Leave empty to give points directly."),
    )
    rubric_en = forms.CharField(
        label=_("Rubric criteria (English), in the same order"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def options(self) -> list[OptionText]:
        indonesian, english = _lines(self.cleaned_data["options_id"]), _lines(self.cleaned_data["options_en"])
        found = []
        for index, text in enumerate(indonesian):
            other = english[index] if index < len(english) else ""
            correct = text.startswith("*")
            found.append(
                OptionText(
                    text_id=text.lstrip("* ")[:500], text_en=other.lstrip("* ")[:500], is_correct=correct
                )
            )
        return found

    def rubric(self) -> list[tuple[str, str]]:
        indonesian, english = _lines(self.cleaned_data["rubric_id"]), _lines(self.cleaned_data["rubric_en"])
        return [
            (text[:120], english[i][:120] if i < len(english) else "") for i, text in enumerate(indonesian)
        ]


class SendForm(forms.Form):
    test = forms.ModelChoiceField(label=_("Test"), queryset=OnlineTest.objects.none())
    due_at = forms.DateTimeField(
        label=_("Deadline"),
        input_formats=[LOCAL_INPUT],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL_INPUT),
        help_text=_("In the job location's time zone."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["test"].queryset = OnlineTest.objects.filter(  # type: ignore[attr-defined]
            assessment_type__is_active=True
        ).select_related("assessment_type")
