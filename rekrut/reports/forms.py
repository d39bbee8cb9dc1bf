from django import forms
from django.utils.translation import gettext_lazy as _

from rekrut.jobs.models import Level
from rekrut.reports.models import ReportSettings


class ReportSettingsForm(forms.Form):
    stalled_after_days = forms.IntegerField(
        label=ReportSettings._meta.get_field("stalled_after_days").verbose_name,
        min_value=1,
        max_value=365,
        help_text=_("Days in one stage without any move."),
    )
    calibration_min_applications = forms.IntegerField(
        label=ReportSettings._meta.get_field("calibration_min_applications").verbose_name,
        min_value=2,
        max_value=1000,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for level, label in Level.choices:
            self.fields[f"hire_{level}"] = forms.IntegerField(
                label=_("%(level)s: days to hire") % {"level": label},
                required=False,
                min_value=1,
                max_value=365,
            )
            self.fields[f"fill_{level}"] = forms.IntegerField(
                label=_("%(level)s: days to fill") % {"level": label},
                required=False,
                min_value=1,
                max_value=365,
            )

    def level_rows(self):
        return [(label, self[f"hire_{level}"], self[f"fill_{level}"]) for level, label in Level.choices]
