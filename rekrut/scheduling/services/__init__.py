"""Writes of the scheduling app: people's working hours and blocked time, slot offers and bookings. Each
action is recorded in the audit log under a code registered here."""

from django.utils.translation import gettext_lazy as _

from rekrut.events.actions import action_register

for _code, _label in (
    ("scheduling.working_hours_changed", _("Working hours changed")),
    ("scheduling.blocked_time_added", _("Blocked time added")),
    ("scheduling.blocked_time_removed", _("Blocked time removed")),
    ("scheduling.offer_created", _("Interview times offered to the candidate")),
    ("scheduling.offer_revoked", _("Offered interview times withdrawn")),
    ("scheduling.slot_booked", _("Interview time chosen by the candidate")),
    ("scheduling.booking_rescheduled", _("Interview moved by the candidate")),
    ("scheduling.booking_cancelled", _("Interview cancelled by the candidate")),
):
    action_register(_code, _label)
