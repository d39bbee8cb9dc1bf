"""Scheduling records in the admin, read-only: working hours and blocked time are kept by each person on
their own page, offers and bookings through the self-scheduling pages (each writes its audit row)."""

from django.contrib import admin

from rekrut.core.admin import ReadOnlyAdmin, ReadOnlyInline
from rekrut.scheduling.models import BlockedTime, Slot, SlotOffer, WorkingHours


@admin.register(WorkingHours)
class WorkingHoursAdmin(ReadOnlyAdmin):
    list_display = ("user", "weekday", "starts", "ends")
    list_filter = ("weekday",)
    search_fields = ("user__username", "user__first_name", "user__last_name")


@admin.register(BlockedTime)
class BlockedTimeAdmin(ReadOnlyAdmin):
    list_display = ("user", "starts_at", "ends_at", "reason")
    search_fields = ("user__username", "user__first_name", "user__last_name")


class SlotInline(ReadOnlyInline):
    model = Slot
    fields = ("starts_at", "taken_at")


@admin.register(SlotOffer)
class SlotOfferAdmin(ReadOnlyAdmin):
    list_display = (
        "application",
        "round",
        "created_by",
        "created_at",
        "expires_at",
        "interview",
        "revoked_at",
    )
    list_select_related = (
        "application__candidate",
        "application__job",
        "round__stage",
        "created_by",
        "interview",
    )
    inlines = (SlotInline,)
