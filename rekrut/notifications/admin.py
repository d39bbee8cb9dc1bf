from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from rekrut.core.admin import ReadOnlyAdmin
from rekrut.notifications.models import OutboxMessage, WorkerBeat

# Only the outbox's services write these rows: an edited or deleted message could be sent twice or never.


@admin.register(OutboxMessage)
class OutboxMessageAdmin(ReadOnlyAdmin):
    list_display = [
        "subject",
        "channel",
        "to",
        "status",
        "attempts",
        "last_error_short",
        "created_at",
        "sent_at",
    ]
    list_filter = ["status", "channel"]
    search_fields = ["key", "to", "subject"]
    date_hierarchy = "created_at"

    @admin.display(description=_("Last error"))
    def last_error_short(self, message: OutboxMessage) -> str:
        return message.last_error[:120]


@admin.register(WorkerBeat)
class WorkerBeatAdmin(ReadOnlyAdmin):
    list_display = ["worker_id", "hostname", "pid", "started_at", "beat_at"]
