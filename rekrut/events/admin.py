from django.contrib import admin

from rekrut.core.admin import ReadOnlyAdmin
from rekrut.events.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    """The log is written by services and never edited, not even here."""

    list_display = ["at", "actor", "action", "subject_type", "subject_label", "ip"]
    list_filter = ["action"]
    list_select_related = ["actor", "subject_type"]
    search_fields = ["subject_label", "actor__username"]
    date_hierarchy = "at"
