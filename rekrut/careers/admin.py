from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from rekrut.careers.models import Branding
from rekrut.careers.services import branding_save
from rekrut.core.admin import ServiceAdmin


@admin.register(Branding)
class BrandingAdmin(ServiceAdmin):
    """The careers site's one branding row: HR admins change it here, saved and audited by branding_save."""

    save_service = branding_save
    fields = [
        "name",
        "logo",
        "primary_colour",
        "accent_colour",
        "about_id",
        "about_en",
        "website",
        "contact_email",
    ]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not Branding.objects.exists() and super().has_add_permission(request)
