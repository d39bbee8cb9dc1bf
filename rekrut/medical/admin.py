"""HR admins keep the clinics and packages in Settings, saved through the services (rules checked, audit
written). Check-ups and their health details are not here: the Django admin lets every superuser see
everything, and health data is for the people holding the permission only (accounts:specific_data)."""

from django import forms
from django.contrib import admin

from rekrut.core.admin import ServiceAdmin
from rekrut.core.errors import DomainError
from rekrut.medical.models import Package, Provider
from rekrut.medical.rules import items_split, package_items_check
from rekrut.medical.services import package_save, provider_save


@admin.register(Provider)
class ProviderAdmin(ServiceAdmin):
    save_service = provider_save
    list_display = ["name", "city", "phone", "is_active"]
    list_filter = ["is_active", "city"]
    search_fields = ["name", "city", "address"]


class PackageForm(forms.ModelForm):
    class Meta:
        model = Package
        fields = ["name", "items", "requires_fasting", "fasting_hours", "instructions", "is_active"]

    def clean(self) -> dict:
        # The service decides (package_save); asked here too, so the refusal shows beside what was typed.
        data = super().clean() or {}
        try:
            package_items_check(name=data.get("name", ""), items=items_split(data.get("items", "")))
        except DomainError as refused:
            self.add_error("items", str(refused.message))
        return data


@admin.register(Package)
class PackageAdmin(ServiceAdmin):
    save_service = package_save
    form = PackageForm
    list_display = ["name", "requires_fasting", "is_active"]
    list_filter = ["is_active", "requires_fasting"]
    search_fields = ["name", "items"]
