"""Forms of the practice pages. The practice state (round, family, job, question number) travels in the
query string and the POSTed form, so a visitor who is not signed in leaves nothing stored."""

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from rekrut.jobs.models import JobFamily
from rekrut.practice.criteria import RATING_SCALE, ROUND_TYPES, criteria_of
from rekrut.practice.services import MAX_ANSWER_CHARS

ROUND_LABELS = {
    "hr": _("HR interview (with HRD)"),
    "user": _("User interview (with your future direct superior)"),
    "superior": _("Superior interview (with the user's own superior)"),
    "director": _("Director interview"),
}


class StateForm(forms.Form):
    """Where the candidate is in a practice run."""

    round = forms.ChoiceField(
        label=_("Interview round"),
        choices=[(code, ROUND_LABELS[code]) for code in ROUND_TYPES],
        error_messages={
            "required": _("Choose an interview round to practise."),
            "invalid_choice": _("Choose an interview round to practise."),
        },
        widget=forms.HiddenInput,
    )
    family = forms.ChoiceField(
        label=_("Field of work"),
        choices=[("", _("Any field")), *JobFamily.choices],
        required=False,
        error_messages={"invalid_choice": _("Choose a field of work from the list.")},
        widget=forms.HiddenInput,
    )
    job = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    application = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    session = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    n = forms.IntegerField(required=False, min_value=0, max_value=100, widget=forms.HiddenInput)


class StartForm(StateForm):
    application = forms.TypedChoiceField(  # type: ignore[assignment]  # a choice here, an id elsewhere
        label=_("Or practise for one of your applications"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={
            "invalid_choice": _(
                "That application is not among yours. Sign in through your portal link, or practise in "
                "general."
            )
        },
    )

    def __init__(self, *args: object, applications: list | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        application, round_field, family = (
            cast(forms.ChoiceField, self.fields[name]) for name in ("application", "round", "family")
        )
        application.choices = [("", _("None: practise in general"))] + [
            (a.pk, a.job.title) for a in (applications or [])
        ]
        if not applications:
            application.widget = forms.HiddenInput()
        # Shown here; hidden fields on the later forms. Setting the choices again hands them to the widget.
        round_field.widget, family.widget = forms.RadioSelect(), forms.Select()
        round_field.choices, family.choices = round_field.choices, family.choices


MAX_SECONDS = 36000


class AnswerForm(StateForm):
    key = forms.CharField(max_length=80, widget=forms.HiddenInput)
    answer = forms.CharField(
        label=_("Your answer"),
        max_length=MAX_ANSWER_CHARS,
        widget=forms.Textarea(
            attrs={"rows": 9, "data-practice-answer": "", "autocomplete": "off", "spellcheck": "true"}
        ),
        error_messages={
            "required": _("Write or dictate your answer first."),
            "max_length": _(
                "The answer is too long to practise with: keep it under %(limit_value)d characters."
            ),
        },
    )
    # Filled in by the timer script; a missing or odd value is dropped, never shown as an error.
    seconds = forms.CharField(
        required=False, max_length=12, widget=forms.HiddenInput(attrs={"data-practice-seconds": ""})
    )

    def clean_seconds(self) -> int | None:
        value = self.cleaned_data.get("seconds") or ""
        return int(value) if value.isdigit() and int(value) <= MAX_SECONDS else None


class RateForm(StateForm):
    """The self-rating after the feedback; stored only for a signed-in candidate."""

    answer_id = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args: object, round_type: str = "", **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        choices = [(str(value), str(value)) for value in RATING_SCALE]
        for code, label in criteria_of(round_type):
            self.fields[f"rate_{code}"] = forms.TypedChoiceField(
                label=str(label),
                choices=choices,
                coerce=int,
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Rate each point from 1 to 5.")},
            )

    def ratings(self) -> dict[str, int]:
        return {
            name.removeprefix("rate_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("rate_") and value not in (None, "")
        }
