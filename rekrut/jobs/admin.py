from django.contrib import admin

from rekrut.jobs.models import Department, HiringTeamMember, Job, Location, Stage, StageTemplate


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["name", "city", "time_zone"]


@admin.register(StageTemplate)
class StageTemplateAdmin(admin.ModelAdmin):
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


class TeamInline(admin.TabularInline):
    model = HiringTeamMember
    extra = 0


class StageInline(admin.TabularInline):
    model = Stage
    extra = 0


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    """Read-mostly: jobs are created and edited in Rekrut's own screens, which run the rules."""

    list_display = ["title", "department", "status", "employment_type", "location"]
    list_filter = ["status", "department"]
    search_fields = ["title"]
    inlines = [TeamInline, StageInline]

    def has_add_permission(self, request: object) -> bool:
        return False
