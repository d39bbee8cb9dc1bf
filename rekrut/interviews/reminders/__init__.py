"""Reminders the worker sends on its own, with no cron: each receiver below runs on every worker sweep
(notifications.sweep.worker_sweep, every 30 seconds), finds what is due and queues it in the outbox.

"Sent once" is the outbox's unique message key, made from what the reminder is about (the interview and
its start, the person, the reminder's number, the owner's local date): two workers sweeping at once, or a
crash between two sweeps, can only ever queue the same key once. No bookkeeping table is needed.
"""

from rekrut.interviews.reminders.digest import stalled_digests_send
from rekrut.interviews.reminders.scorecards import scorecards_remind_missing
from rekrut.interviews.reminders.upcoming import interviews_remind_upcoming

__all__ = ["interviews_remind_upcoming", "scorecards_remind_missing", "stalled_digests_send"]
