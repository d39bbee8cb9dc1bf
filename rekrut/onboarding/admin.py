"""HR admins keep the onboarding checklist templates in Settings (saved through the services: rules
checked, audit written). Onboardings and what new employees gave are not here: the Django admin lets
every superuser see everything, and bank accounts are for the people holding the permission only."""

from django.contrib import admin

from rekrut.core.admin import ServiceAdmin
from rekrut.onboarding.checklists import job_template_save, template_item_save, template_save
from rekrut.onboarding.models import ChecklistTemplate, JobTemplate, TemplateItem


@admin.register(ChecklistTemplate)
class ChecklistTemplateAdmin(ServiceAdmin):
    save_service = template_save
    list_display = ["name_id", "name_en", "is_default", "is_active"]
    list_filter = ["is_default", "is_active"]


@admin.register(TemplateItem)
class TemplateItemAdmin(ServiceAdmin):
    save_service = template_item_save
    list_display = [
        "name_id",
        "template",
        "kind",
        "owner",
        "due_days",
        "is_required",
        "document",
        "position",
        "is_active",
    ]
    list_filter = ["template", "kind", "owner", "is_active"]
    list_editable = ["position"]
    search_fields = ["name_id", "name_en"]


@admin.register(JobTemplate)
class JobTemplateAdmin(ServiceAdmin):
    save_service = job_template_save
    list_display = ["job", "template"]
