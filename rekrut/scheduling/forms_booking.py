"""The forms of self-scheduling: HR's offer of times, and the candidate's pick, move and cancel."""

from datetime import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.core.forms import SubmitOnceForm
from rekrut.core.limits import SHORT_TEXT
from rekrut.interviews.models import MAX_DURATION_MINUTES, InterviewMode, PlanRound
from rekrut.scheduling.models.booking import (
    DEFAULT_CHANGE_UNTIL_HOURS,
    DEFAULT_MAX_RESCHEDULES,
    DEFAULT_VALID_HOURS,
)
from rekrut.scheduling.services.offers import LIMITS, RULE_LABELS

DEFAULT_DAYS = 5


def _rule(name: str, initial: int) -> forms.IntegerField:
    lowest, highest = LIMITS[name]
    return forms.IntegerField(label=RULE_LABELS[name], min_value=lowest, max_value=highest, initial=initial)


class MomentsField(forms.MultipleChoiceField):
    """The ticked times, as aware datetimes. Any well-formed time is accepted here: whether it is still free
    is the service's check, which names the time that is not."""

    widget = forms.CheckboxSelectMultiple

    def valid_value(self, value: str) -> bool:
        try:
            moment = datetime.fromisoformat(value)
        except (TypeError, ValueError):
            return False
        return moment.tzinfo is not None

    def clean(self, value: Any) -> list[datetime]:  # type: ignore[override]
        return [datetime.fromisoformat(text) for text in super().clean(value)]


class OfferParamsForm(forms.Form):
    """Which round, with whom, how long and how far ahead: what decides the free times shown."""

    round = forms.ModelChoiceField(label=_("Round"), queryset=PlanRound.objects.none())
    interviewers = forms.ModelMultipleChoiceField(
        label=_("Interviewers"), queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    duration_minutes = forms.IntegerField(
        label=_("Length (minutes)"), min_value=1, max_value=MAX_DURATION_MINUTES
    )
    days = forms.IntegerField(label=_("Working days ahead"), min_value=1, max_value=15, initial=DEFAULT_DAYS)

    def __init__(self, *args: Any, rounds: list[PlanRound], team: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        round_field = self.fields["round"]
        round_field.queryset = PlanRound.objects.filter(  # type: ignore[attr-defined]
            pk__in=[r.pk for r in rounds]
        ).select_related("stage")
        round_field.label_from_instance = lambda r: r.stage.name  # type: ignore[attr-defined]
        self.fields["interviewers"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            pk__in=[person.pk for person in team], is_active=True
        ).order_by("first_name", "last_name", "username")


class OfferForm(OfferParamsForm, SubmitOnceForm):
    """The times HR ticks, how the interview is held, and the candidate's rules."""

    starts = MomentsField(
        label=_("Times to offer"), error_messages={"required": _("Choose at least one time to offer.")}
    )
    mode = forms.ChoiceField(label=_("How is it held?"), choices=InterviewMode.choices)
    location = forms.CharField(
        label=_("Address (on site) or the number we call from (phone)"), max_length=SHORT_TEXT, required=False
    )
    room = forms.CharField(label=_("Room"), max_length=120, required=False)
    meeting_url = forms.CharField(label=_("Meeting link (online)"), max_length=500, required=False)
    change_until_hours = _rule("change_until_hours", DEFAULT_CHANGE_UNTIL_HOURS)
    max_reschedules = _rule("max_reschedules", DEFAULT_MAX_RESCHEDULES)
    valid_hours = _rule("valid_hours", DEFAULT_VALID_HOURS)

    def chosen_starts(self) -> list[datetime]:
        return list(self.cleaned_data.get("starts", []))


class PickForm(forms.Form):
    slot = forms.IntegerField(min_value=1, error_messages={"required": _("Choose a time.")})


class CancelBookingForm(forms.Form):
    reason = forms.CharField(label=_("Why can you not come? (optional)"), max_length=200, required=False)
