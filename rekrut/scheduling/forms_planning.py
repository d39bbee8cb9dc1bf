"""The planning form: when, how long, how (on site, online, by phone) and with whom. The date and time
are typed in the zone of the job's location (the place the interview is about); the services keep UTC.
The form reads and checks input; the rules (a start from now on, a link for an online interview) are the
interviews services', asked here too so that a mistake shows beside its field."""

from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.core.errors import DomainError
from rekrut.core.forms import SubmitOnceForm
from rekrut.core.limits import OUT_OF_RANGE, SHORT_TEXT, moment_in_range
from rekrut.core.localization import zone_abbreviation
from rekrut.interviews.models import MAX_DURATION_MINUTES, InterviewMode, PlanRound
from rekrut.interviews.services.interviews import PAST_GRACE, Place

IN_THE_PAST = _("The interview cannot start in the past. Choose a time from now on.")
ENDS_AFTER_START = _("The interview must end after it starts: give a length of at least 1 minute.")
# Which field holds a mistake the service's Place check names.
PLACE_ERROR_FIELDS = {"meeting_url": "meeting_url", "location_too_long": None, "mode": "mode"}


class PersonChoices(forms.ModelMultipleChoiceField):
    """People by name, with their zone written when it is not the place's (they see the time in it)."""

    def __init__(self, *args: Any, place_zone: str = "", **kwargs: Any) -> None:
        self.place_zone = place_zone
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj: User) -> str:  # type: ignore[override]
        if self.place_zone and obj.time_zone != self.place_zone:
            return f"{obj} ({zone_abbreviation(obj.time_zone)})"
        return str(obj)


class TimeForm(SubmitOnceForm):
    """When and how an interview is held; the schedule form adds the round and the people."""

    day = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
        error_messages={"invalid": _("Enter a date, e.g. 2026-12-01.")},
    )
    at = forms.TimeField(
        label=_("Time"),
        widget=forms.TimeInput(attrs={"type": "time", "step": 300}, format="%H:%M"),
        input_formats=["%H:%M", "%H.%M", "%H:%M:%S"],
        error_messages={"invalid": _("Enter a time, e.g. 09:30.")},
    )
    duration_minutes = forms.IntegerField(
        label=_("Length (minutes)"),
        min_value=1,
        max_value=MAX_DURATION_MINUTES,
        error_messages={
            "min_value": ENDS_AFTER_START,
            "max_value": _("An interview is planned for at most %(limit_value)s minutes."),
            "invalid": _("Enter the length in whole minutes, e.g. 60."),
        },
    )
    mode = forms.ChoiceField(
        label=_("How is it held?"),
        choices=InterviewMode.choices,
        widget=forms.RadioSelect,
        initial=InterviewMode.ON_SITE,
    )
    address = forms.CharField(label=_("Address (on site)"), max_length=SHORT_TEXT, required=False)
    room = forms.CharField(label=_("Room (on site)"), max_length=120, required=False)
    meeting_url = forms.CharField(
        label=_("Meeting link (online)"),
        max_length=500,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "url", "placeholder": "https://meet.google.com/…"}),
    )
    phone_from = forms.CharField(
        label=_("The number the call comes from (by phone)"),
        max_length=40,
        required=False,
        help_text=_("So the candidate knows the call and picks up."),
        widget=forms.TextInput(attrs={"inputmode": "tel"}),
    )

    # The fields shown only for their mode once a script hides the others (planning.js).
    MODE_FIELDS = {
        "address": InterviewMode.ON_SITE,
        "room": InterviewMode.ON_SITE,
        "meeting_url": InterviewMode.ONLINE,
        "phone_from": InterviewMode.PHONE,
    }

    def __init__(self, *args: Any, place_zone: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.place_zone = place_zone
        abbreviation = zone_abbreviation(place_zone)
        self.fields["at"].help_text = _("In %(zone)s, the time where the job is.") % {"zone": abbreviation}
        self.zone_abbreviation = abbreviation

    def mode_rows(self) -> list[tuple[str, forms.BoundField]]:
        return [(str(mode), self[name]) for name, mode in self.MODE_FIELDS.items()]

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        day, at = data.get("day"), data.get("at")
        if isinstance(day, date) and isinstance(at, time):
            starts_at = datetime.combine(day, at, tzinfo=ZoneInfo(self.place_zone))
            if not moment_in_range(starts_at):
                self.add_error("day", OUT_OF_RANGE)
            elif starts_at < timezone.now() - PAST_GRACE:
                self.add_error("day", IN_THE_PAST)
            else:
                data["starts_at"] = starts_at
        if data.get("mode"):
            data["place"] = self._place(data)
        return data

    def _place(self, data: dict[str, Any]) -> Place | None:
        mode = data["mode"]
        location = data.get("phone_from", "") if mode == InterviewMode.PHONE else data.get("address", "")
        place = Place(
            mode=mode,
            location=location or "",
            room=data.get("room") or "",
            meeting_url=data.get("meeting_url") or "",
        )
        try:
            return place.checked()
        except DomainError as error:
            self.add_error(PLACE_ERROR_FIELDS.get(error.code or ""), error.message)
            return None


class ScheduleForm(TimeForm):
    round = forms.ModelChoiceField(label=_("Round"), queryset=PlanRound.objects.none())
    interviewers = PersonChoices(
        label=_("Interviewers from the hiring team"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    others = PersonChoices(
        label=_("Someone outside the hiring team"),
        queryset=User.objects.none(),
        required=False,
        help_text=_("They are added to the hiring team as interviewers, so they see the candidate."),
    )

    field_order = ["round", "day", "at", "duration_minutes", "interviewers", "others", "mode"]

    def __init__(
        self,
        *args: Any,
        rounds: list[PlanRound],
        team: list[User],
        others: list[User] | None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = PlanRound.objects.filter(  # type: ignore[attr-defined]
            pk__in=[r.pk for r in rounds]
        ).select_related("stage")
        self.fields["round"].label_from_instance = lambda r: r.stage.name  # type: ignore[attr-defined]
        for name, people in (("interviewers", team), ("others", others or [])):
            field = self.fields[name]
            field.place_zone = self.place_zone  # type: ignore[attr-defined]
            # Only active people are offered; the service refuses inactive ones too (the API, stale pages).
            field.queryset = User.objects.filter(  # type: ignore[attr-defined]
                pk__in=[p.pk for p in people], is_active=True
            ).order_by("first_name", "last_name", "username")
        if others is None:
            # Only who may change the hiring team brings someone onto it (the job's HR owner, HR admins).
            del self.fields["others"]

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        chosen = [*(data.get("interviewers") or []), *(data.get("others") or [])]
        if not chosen and "interviewers" not in self.errors:
            self.add_error("interviewers", _("Choose at least one interviewer."))
        data["people"] = list(dict.fromkeys(chosen))
        return data
