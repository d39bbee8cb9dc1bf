from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from rekrut.notifications.models import OutboxMessage, WorkerBeat


class ReadOnlyAdmin(admin.ModelAdmin):
    """Only the outbox's services write these rows: an edited or deleted message could be sent twice or
    never; the admin shows them."""

    def get_readonly_fields(self, request: HttpRequest, obj: object = None) -> list[str]:
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


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
