"""When people are free (working hours, blocked time) and the slots offered to candidates."""

from rekrut.scheduling.models.availability import BlockedTime, WorkingHours
from rekrut.scheduling.models.booking import Slot, SlotOffer

__all__ = ["BlockedTime", "Slot", "SlotOffer", "WorkingHours"]
