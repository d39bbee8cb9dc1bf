"""HR admins edit the interview library (round templates, attributes and rubrics, the question bank) and the
company's decision policy here, saved through the services (rules checked, audit written). Interviews,
scorecards and decisions are records: read-only here."""

from django.contrib import admin
from django.forms import BaseInlineFormSet, ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.core.admin import ReadOnlyAdmin, ServiceAdmin
from rekrut.events.company_settings import setting_save
from rekrut.interviews import policy
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
from rekrut.interviews.services.decisions import decision_policy_set


@admin.register(Attribute)
class AttributeAdmin(ServiceAdmin):
    save_service = setting_save
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
    can_delete = False


@admin.register(RoundTemplate)
class RoundTemplateAdmin(ServiceAdmin):
    save_service = setting_save
    list_display = ["round_type", "name_id", "name_en", "default_duration_minutes", "asks_salary_and_notice"]
    inlines = [TemplateAttributeInline]

    def save_formset(
        self, request: HttpRequest, form: ModelForm, formset: BaseInlineFormSet, change: bool
    ) -> None:
        for row in formset.forms:
            if row.has_changed() and row.instance is not None:
                setting_save(actor=request.user, obj=row.save(commit=False), changed=list(row.changed_data))  # type: ignore[arg-type]


@admin.register(Question)
class QuestionAdmin(ServiceAdmin):
    # HR adds questions on the question bank page (question_create); here HR admins correct them.
    save_service = setting_save
    list_display = ["short_text", "round_type", "job_family", "is_active", "created_by"]
    list_filter = ["round_type", "job_family", "is_active", "attributes"]
    search_fields = ["code", "text_id", "text_en"]
    filter_horizontal = ["attributes"]
    readonly_fields = ["created_by", "created_at"]

    @admin.display(description=_("Question"))
    def short_text(self, question: Question) -> str:
        return question.text[:90]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


def _decision_policy_save(*, actor: User, obj: DecisionPolicy, changed: list[str]) -> DecisionPolicy:
    rules = policy.Rules(
        hr_is_gate=obj.hr_is_gate,
        user_decides=obj.user_decides,
        strong_user_yes_weight=obj.strong_user_yes_weight,
        managerial_requires_superior_and_director=obj.managerial_requires_superior_and_director,
    )
    return decision_policy_set(actor=actor, job=obj.job, rules=rules)


@admin.register(DecisionPolicy)
class DecisionPolicyAdmin(ServiceAdmin):
    save_service = _decision_policy_save
    list_display = [
        "__str__",
        "hr_is_gate",
        "user_decides",
        "strong_user_yes_weight",
        "managerial_requires_superior_and_director",
    ]
    raw_id_fields = ["job"]
    readonly_fields = ["updated_by", "updated_at"]


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
