"""HR admins edit the interview library (round templates, attributes and rubrics, the question bank) and the
company's decision policy here. Interviews, scorecards and decisions are records: read-only here."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from rekrut.interviews.models import (
    Attribute,
    Decision,
    DecisionPolicy,
    Interview,
    Question,
    RoundTemplate,
    RoundTemplateAttribute,
    Scorecard,
)


@admin.register(Attribute)
class AttributeAdmin(admin.ModelAdmin):
    list_display = ["code", "name_id", "name_en", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["code", "name_id", "name_en"]
    fieldsets = [
        (None, {"fields": ["code", "name_id", "name_en", "description_id", "description_en", "is_active"]}),
        (
            _("Rubric"),
            {"fields": [f"rubric_{level}_{lang}" for level in (1, 2, 3, 4) for lang in ("id", "en")]},
        ),
    ]


class TemplateAttributeInline(admin.TabularInline):
    model = RoundTemplateAttribute
    extra = 0
    ordering = ["position"]


@admin.register(RoundTemplate)
class RoundTemplateAdmin(admin.ModelAdmin):
    list_display = ["round_type", "name_id", "name_en", "default_duration_minutes", "asks_salary_and_notice"]
    inlines = [TemplateAttributeInline]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["short_text", "round_type", "job_family", "is_active", "created_by"]
    list_filter = ["round_type", "job_family", "is_active", "attributes"]
    search_fields = ["code", "text_id", "text_en"]
    filter_horizontal = ["attributes"]
    readonly_fields = ["created_by", "created_at"]

    @admin.display(description=_("Question"))
    def short_text(self, question: Question) -> str:
        return question.text[:90]

    def save_model(self, request: HttpRequest, obj: Question, form: Any, change: bool) -> None:
        if not change:
            obj.created_by = request.user  # type: ignore[assignment]
        super().save_model(request, obj, form, change)


@admin.register(DecisionPolicy)
class DecisionPolicyAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "hr_is_gate",
        "user_decides",
        "strong_user_yes_weight",
        "managerial_requires_superior_and_director",
    ]
    raw_id_fields = ["job"]
    readonly_fields = ["updated_by", "updated_at"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records written by Rekrut's services; the admin only shows them."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Interview)
class InterviewAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "starts_at", "status"]
    list_filter = ["status"]


@admin.register(Scorecard)
class ScorecardAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "status", "recommendation", "submitted_at"]
    list_filter = ["status", "recommendation"]


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "decided_by", "at", "is_override"]
    list_filter = ["outcome", "is_override"]
