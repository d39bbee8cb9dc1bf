"""Forms of the interview pages. They read and check input; the rules live in the services."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.core.forms import SubmitOnceForm
from rekrut.core.limits import (
    LONG_TEXT,
    NOTE_TEXT,
    OUT_OF_RANGE,
    REASON_TEXT,
    SHORT_TEXT,
    moment_in_range,
)
from rekrut.interviews.models import (
    MAX_DURATION_MINUTES,
    MIN_DURATION_MINUTES,
    Attribute,
    DecisionOutcome,
    PlanRound,
    Question,
    Recommendation,
    RoundType,
    StrongYesWeight,
)
from rekrut.interviews.services.scorecards import MAX_NOTICE_DAYS, ScorecardInput
from rekrut.jobs.models import JobFamily, Stage
from rekrut.pipeline.models import RejectReason

LOCAL_DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
LOCAL_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]


class MomentField(forms.DateTimeField):
    """A date and time typed in the viewer's zone, within the years Rekrut accepts (year 9999 or 0202 is a
    typing mistake, and would overflow when moved between zones)."""

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


def _text(label: Any, max_length: int, rows: int, **kwargs: Any) -> forms.CharField:
    return forms.CharField(
        label=label, max_length=max_length, widget=forms.Textarea(attrs={"rows": rows}), **kwargs
    )


def _people() -> Any:
    return User.objects.filter(is_active=True).order_by("first_name", "last_name", "username")


class PlanRoundForm(forms.Form):
    round_type = forms.ChoiceField(label=_("Round type"), choices=RoundType.choices)
    duration_minutes = forms.IntegerField(
        label=_("Length (minutes)"), min_value=MIN_DURATION_MINUTES, max_value=MAX_DURATION_MINUTES
    )
    interviewers = forms.ModelMultipleChoiceField(
        label=_("Interviewers"), queryset=User.objects.none(), required=False
    )
    attributes = forms.ModelMultipleChoiceField(
        label=_("Focus attributes"),
        queryset=Attribute.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
    )
    asks_salary_and_notice = forms.BooleanField(
        label=_("Ask the salary expectation and notice period"), required=False
    )
    asks_background = forms.BooleanField(label=_("Ask about education and work background"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["interviewers"].queryset = _people()  # type: ignore[attr-defined]


class KitAddForm(forms.Form):
    question = forms.ModelChoiceField(label=_("Question"), queryset=Question.objects.filter(is_active=True))


class KitMoveForm(forms.Form):
    question = forms.IntegerField(min_value=1)
    offset = forms.TypedChoiceField(choices=[("-1", "up"), ("1", "down")], coerce=int, required=False)


class KitShareForm(forms.Form):
    question = forms.IntegerField(min_value=1)
    shareable = forms.BooleanField(required=False)


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Why is it cancelled?"), max_length=SHORT_TEXT)


class TimesForm(forms.Form):
    started_at = MomentField(label=_("Actually started"))
    ended_at = MomentField(label=_("Actually ended"))


NOT_ASSESSED = ""
RATING_CHOICES = [(NOT_ASSESSED, _("Not assessed")), ("1", "1"), ("2", "2"), ("3", "3"), ("4", "4")]


class ScorecardForm(forms.Form):
    """Built from the round: a rating and evidence per focus attribute, a note per kit question."""

    recommendation = forms.ChoiceField(
        label=_("Overall recommendation"),
        choices=[("", "—"), *Recommendation.choices],
        required=False,
        widget=forms.RadioSelect,
    )
    overall_notes = _text(_("Overall notes"), LONG_TEXT, 4, required=False)
    amend_reason = _text(_("Why are you amending it?"), REASON_TEXT, 2, required=False)

    def __init__(
        self,
        *args: Any,
        attributes: list[Attribute],
        questions: list[Question],
        plan_round: PlanRound,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.attributes, self.questions, self.plan_round = attributes, questions, plan_round
        for attribute in attributes:
            self.fields[f"rating_{attribute.code}"] = forms.ChoiceField(
                label=attribute.name, choices=RATING_CHOICES, required=False, widget=forms.RadioSelect
            )
            self.fields[f"evidence_{attribute.code}"] = _text(_("Evidence"), LONG_TEXT, 2, required=False)
        for question in questions:
            self.fields[f"note_{question.pk}"] = _text(question.text, LONG_TEXT, 2, required=False)
        if plan_round.asks_salary_and_notice:
            self.fields["salary_expectation"] = forms.IntegerField(
                label=_("Salary expectation (Rp per month)"), min_value=0, required=False
            )
            self.fields["notice_period_days"] = forms.IntegerField(
                label=_("Notice period (days)"), min_value=0, max_value=MAX_NOTICE_DAYS, required=False
            )
        if plan_round.asks_background:
            self.fields["background_notes"] = _text(
                _("Education and work background"), LONG_TEXT, 3, required=False
            )

    def attribute_rows(self) -> list[tuple[Attribute, forms.BoundField, forms.BoundField]]:
        return [(a, self[f"rating_{a.code}"], self[f"evidence_{a.code}"]) for a in self.attributes]

    def question_rows(self) -> list[tuple[Question, forms.BoundField]]:
        return [(q, self[f"note_{q.pk}"]) for q in self.questions]

    @staticmethod
    def initial_from(content: ScorecardInput) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "recommendation": content.recommendation,
            "overall_notes": content.overall_notes,
            "salary_expectation": content.salary_expectation,
            "notice_period_days": content.notice_period_days,
            "background_notes": content.background_notes,
        }
        for code, value in content.ratings.items():
            initial[f"rating_{code}"] = str(value) if value else NOT_ASSESSED
        for code, text in content.evidence.items():
            initial[f"evidence_{code}"] = text
        for qid, text in content.question_notes.items():
            initial[f"note_{qid}"] = text
        return initial

    def to_input(self) -> ScorecardInput:
        d = self.cleaned_data
        return ScorecardInput(
            ratings={
                a.code: int(d[f"rating_{a.code}"]) if d.get(f"rating_{a.code}") else None
                for a in self.attributes
            },
            evidence={a.code: d.get(f"evidence_{a.code}", "") for a in self.attributes},
            question_notes={q.pk: d.get(f"note_{q.pk}", "") for q in self.questions},
            recommendation=d.get("recommendation") or "",
            overall_notes=d.get("overall_notes") or "",
            salary_expectation=d.get("salary_expectation"),
            notice_period_days=d.get("notice_period_days"),
            background_notes=d.get("background_notes") or "",
        )


class DecisionForm(SubmitOnceForm):
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    outcome = forms.ChoiceField(
        label=_("Decision"), choices=DecisionOutcome.choices, widget=forms.RadioSelect
    )
    to_stage = forms.ModelChoiceField(label=_("Go on to"), queryset=Stage.objects.none(), required=False)
    reject_reason = forms.ModelChoiceField(
        label=_("Reason for the rejection"),
        queryset=RejectReason.objects.filter(is_active=True),
        required=False,
    )
    notify_candidate = forms.BooleanField(
        label=_("Send the candidate a polite rejection e-mail"), required=False, initial=True
    )
    reason = _text(_("Why (recorded with the decision)"), NOTE_TEXT, 3)
    override = forms.BooleanField(label=_("Decide now, before every scorecard is in"), required=False)
    override_reason = _text(_("Why it cannot wait"), REASON_TEXT, 2, required=False)

    def __init__(self, *args: Any, stages: list[Stage], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_stage"].queryset = Stage.objects.filter(  # type: ignore[attr-defined]
            pk__in=[s.pk for s in stages]
        ).order_by("position")
        self.fields["to_stage"].label_from_instance = lambda s: s.name  # type: ignore[attr-defined]


class PolicyForm(forms.Form):
    hr_is_gate = forms.BooleanField(label=_("The HR interview is a gate"), required=False)
    user_decides = forms.BooleanField(label=_("The user's recommendation decides"), required=False)
    strong_user_yes_weight = forms.TypedChoiceField(
        label=_("Weight of a strong yes from the user"), choices=StrongYesWeight.choices, coerce=int
    )
    managerial_requires_superior_and_director = forms.BooleanField(
        label=_("Managerial jobs go on to the superior and director interviews"), required=False
    )


class QuestionForm(SubmitOnceForm):
    round_type = forms.ChoiceField(label=_("Round type"), choices=RoundType.choices)
    job_family = forms.ChoiceField(
        label=_("Job family"), choices=JobFamily.choices, initial=JobFamily.GENERAL
    )
    attributes = forms.ModelMultipleChoiceField(
        label=_("Attributes it probes"),
        queryset=Attribute.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
    )
    text_id = _text(_("Question (Bahasa Indonesia)"), REASON_TEXT, 2)
    text_en = _text(_("Question (English)"), REASON_TEXT, 2)
    strong_answer_id = _text(
        _("What a strong answer shows (Bahasa Indonesia)"), REASON_TEXT, 2, required=False
    )
    strong_answer_en = _text(_("What a strong answer shows (English)"), REASON_TEXT, 2, required=False)
    follow_ups = _text(
        _("Follow-up prompts"),
        NOTE_TEXT,
        3,
        required=False,
        help_text=_("One per line: Bahasa Indonesia | English"),
    )

    def follow_up_list(self) -> list[dict[str, str]]:
        prompts = []
        for line in (self.cleaned_data.get("follow_ups") or "").splitlines():
            if line.strip():
                text_id, _sep, text_en = line.partition("|")
                prompts.append({"id": text_id.strip(), "en": (text_en or text_id).strip()})
        return prompts
