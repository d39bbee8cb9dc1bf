"""The forms of a person's own availability page: weekly working hours and blocked time."""

import re
from datetime import time
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rekrut.interviews.forms import MomentField
from rekrut.scheduling.availability import Week
from rekrut.scheduling.models.availability import Weekday
from rekrut.scheduling.services.availability import REASON_MAX

# "08.00-12.00, 13.00-17.00": Indonesian writes times with a dot; a colon and en dash are read too.
_STRETCH = re.compile(r"^\s*(\d{1,2})[.:](\d{2})\s*[-–—]\s*(\d{1,2})[.:](\d{2})\s*$")


def stretches_read(text: str) -> list[tuple[time, time]]:
    stretches = []
    for part in filter(None, (piece.strip() for piece in re.split(r"[,;]", text))):
        match = _STRETCH.match(part)
        if not match:
            raise forms.ValidationError(
                _("Write the hours like 08.00-12.00, 13.00-17.00 (leave empty for a day off)."), code="format"
            )
        hours = [int(group) for group in match.groups()]
        if hours[0] > 23 or hours[2] > 23 or hours[1] > 59 or hours[3] > 59:
            raise forms.ValidationError(_("%(text)s is not a time of day.") % {"text": part}, code="time")
        stretches.append((time(hours[0], hours[1]), time(hours[2], hours[3])))
    return stretches


def stretches_write(stretches: list[tuple[time, time]]) -> str:
    return ", ".join(f"{starts:%H.%M}-{ends:%H.%M}" for starts, ends in stretches)


class WorkingHoursForm(forms.Form):
    """One line per weekday, in the person's own zone."""

    def __init__(self, *args: Any, week: Week, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for weekday, label in Weekday.choices:
            self.fields[f"day_{weekday}"] = forms.CharField(
                label=label,
                required=False,
                max_length=120,
                initial=stretches_write(week.get(weekday, [])),
                widget=forms.TextInput(
                    attrs={"placeholder": "08.00-12.00, 13.00-17.00", "inputmode": "text"}
                ),
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        week: Week = {}
        for weekday, _label in Weekday.choices:
            try:
                stretches = stretches_read(cleaned.get(f"day_{weekday}", "") or "")
            except forms.ValidationError as error:
                self.add_error(f"day_{weekday}", error)
                continue
            if stretches:
                week[weekday] = stretches
        cleaned["week"] = week
        return cleaned


class BlockedTimeForm(forms.Form):
    """Times in the person's own zone (the active zone), stored in UTC."""

    starts_at = MomentField(label=_("From"))
    ends_at = MomentField(label=_("Until"))
    reason = forms.CharField(
        label=_("Reason (only your colleagues see it)"), max_length=REASON_MAX, required=False
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The blocked time must end after it starts."))
        return cleaned
