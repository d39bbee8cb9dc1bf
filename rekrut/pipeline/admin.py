from django.contrib import admin

from rekrut.core.admin import ServiceAdmin
from rekrut.events.company_settings import setting_save
from rekrut.pipeline.models import RejectReason


@admin.register(RejectReason)
class RejectReasonAdmin(ServiceAdmin):
    save_service = setting_save
    list_display = ["position", "name_id", "name_en", "is_active"]
    list_editable = ["name_id", "name_en", "is_active"]
    list_display_links = ["position"]
