from django.contrib import admin
from django.http import HttpRequest

from rekrut.core.admin import ServiceAdmin
from rekrut.events.company_settings import setting_save
from rekrut.privacy.models import PrivacyPolicy


@admin.register(PrivacyPolicy)
class PrivacyPolicyAdmin(ServiceAdmin):
    """One row: how long rejected and withdrawn candidates are kept (saved and audited)."""

    save_service = setting_save
    list_display = ["__str__", "retention_months"]
    fields = ["retention_months"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return super().has_add_permission(request) and not PrivacyPolicy.objects.exists()
