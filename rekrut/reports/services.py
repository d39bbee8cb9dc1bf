"""The one write path of the reports app: HR admins set the speed targets and the report settings."""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.events.actions import action_register
from rekrut.events.services import audit_record
from rekrut.jobs.models import Level
from rekrut.reports.models import ReportSettings, SpeedTarget
from rekrut.reports.scope import ReportsRefused

action_register("reports.settings_updated", _("Report settings changed"))


@dataclass(frozen=True)
class TargetInput:
    level: str
    days_to_hire: int | None
    days_to_fill: int | None


def report_settings_update(
    *, actor: User, stalled_after_days: int, calibration_min_applications: int, targets: list[TargetInput]
) -> ReportSettings:
    if not actor.is_hr_admin:
        raise ReportsRefused(_("Only HR admins change the report settings."))
    levels = set(Level.values)
    with transaction.atomic():
        row, _created = ReportSettings.objects.select_for_update().get_or_create(pk=1)
        changes: dict[str, object] = {}
        if row.stalled_after_days != stalled_after_days:
            changes["stalled_after_days"] = [row.stalled_after_days, stalled_after_days]
        if row.calibration_min_applications != calibration_min_applications:
            changes["calibration_min_applications"] = [
                row.calibration_min_applications,
                calibration_min_applications,
            ]
        row.stalled_after_days = stalled_after_days
        row.calibration_min_applications = calibration_min_applications
        row.full_clean()
        row.save()
        existing = {target.level: target for target in SpeedTarget.objects.select_for_update()}
        for given in targets:
            if given.level not in levels:
                continue
            target = existing.get(given.level) or SpeedTarget(level=given.level)
            before = (target.days_to_hire, target.days_to_fill)
            after = (given.days_to_hire, given.days_to_fill)
            if before != after:
                changes[f"target_{given.level}"] = [list(before), list(after)]
                target.days_to_hire, target.days_to_fill = after
                target.full_clean()
                target.save()
        if changes:
            audit_record(actor=actor, action="reports.settings_updated", subject=row, changes=changes)
    return row
