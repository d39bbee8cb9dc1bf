"""The dated tables HR admins keep current in Settings, each save audited (events.company_settings).
Offers themselves are salary data: they are read and written on Rekrut's own pages only."""

from django.contrib import admin

from rekrut.core.admin import ServiceAdmin
from rekrut.events.company_settings import setting_save
from rekrut.offers.models import BpjsRate, MinimumWage, OfferPolicy, WageRegion


class MinimumWageInline(admin.TabularInline):
    model = MinimumWage
    extra = 0
    can_delete = False
    # The rows are read here; each year's figure is added on the Minimum wages page (saved and audited).
    readonly_fields = ["valid_from", "amount", "source"]

    def has_add_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


@admin.register(WageRegion)
class WageRegionAdmin(ServiceAdmin):
    save_service = setting_save
    list_display = ["name", "kind", "province", "city_names"]
    list_filter = ["kind"]
    search_fields = ["name", "city_names"]
    inlines = [MinimumWageInline]


@admin.register(MinimumWage)
class MinimumWageAdmin(ServiceAdmin):
    save_service = setting_save
    list_display = ["region", "valid_from", "amount", "source"]
    list_filter = ["valid_from", "region__kind"]
    search_fields = ["region__name"]
    autocomplete_fields = ["region"]


@admin.register(BpjsRate)
class BpjsRateAdmin(ServiceAdmin):
    save_service = setting_save
    list_display = ["programme", "valid_from", "employer_percent", "employee_percent", "wage_cap", "source"]
    list_filter = ["programme"]


@admin.register(OfferPolicy)
class OfferPolicyAdmin(ServiceAdmin):
    """One row: when a director approves, and the letterhead of offer letters."""

    save_service = setting_save
    list_display = ["__str__", "director_above", "letterhead_contact"]
    fields = ["director_above", "letterhead_address", "letterhead_contact"]

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return super().has_add_permission(request) and not OfferPolicy.objects.exists()

    def has_delete_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False
