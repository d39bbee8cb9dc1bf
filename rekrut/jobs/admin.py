from django.contrib import admin

from rekrut.core.admin import ReadOnlyAdmin, ReadOnlyInline, ServiceAdmin
from rekrut.events.company_settings import setting_save
from rekrut.jobs.models import Department, HiringTeamMember, Job, Location, Stage, StageTemplate


@admin.register(Department)
class DepartmentAdmin(ServiceAdmin):
    save_service = setting_save
    search_fields = ["name"]


@admin.register(Location)
class LocationAdmin(ServiceAdmin):
    save_service = setting_save
    list_display = ["name", "city", "time_zone"]


@admin.register(StageTemplate)
class StageTemplateAdmin(ServiceAdmin):
    """The company's default pipeline, copied into each new job (existing jobs keep theirs)."""

    save_service = setting_save
    list_display = [
        "position",
        "name_id",
        "name_en",
        "kind",
        "is_optional",
        "enabled_by_default",
        "enabled_for_managerial",
    ]
    list_editable = ["name_id", "name_en", "is_optional", "enabled_by_default", "enabled_for_managerial"]
    ordering = ["position"]


class TeamInline(ReadOnlyInline):
    model = HiringTeamMember


class StageInline(ReadOnlyInline):
    model = Stage


@admin.register(Job)
class JobAdmin(ReadOnlyAdmin):
    """Jobs, their hiring teams and stages are changed on Rekrut's own pages, whose services run the rules
    and write the audit log."""

    list_display = ["title", "department", "status", "employment_type", "location"]
    list_filter = ["status", "department"]
    search_fields = ["title"]
    inlines = [TeamInline, StageInline]
