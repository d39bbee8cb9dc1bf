from django.contrib import admin

from rekrut.pipeline.models import RejectReason


@admin.register(RejectReason)
class RejectReasonAdmin(admin.ModelAdmin):
    list_display = ["position", "name_id", "name_en", "is_active"]
    list_editable = ["name_id", "name_en", "is_active"]
    list_display_links = ["position"]
