"""The Django admin (Settings) never writes a domain row by itself: records are read-only there, and the
settings HR changes are saved through the owning app's service, which checks the rules and writes the
audit row. A refusal is shown as a message on the form's page instead of an error page."""

from collections.abc import Callable
from typing import Any

from django.contrib import admin, messages
from django.db import models
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

from rekrut.core.errors import DomainError


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows written only by Rekrut's services (history, messages, decisions): the admin shows them."""

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


# (actor, the unsaved object, the names of the fields the form changed) -> the saved object
SaveService = Callable[..., models.Model]


class ServiceAdmin(admin.ModelAdmin):
    """Settings edited in the admin and saved by `save_service(actor=, obj=, changed=)`; never deleted
    (retire them with their "in use" switch, since history points at them)."""

    save_service: SaveService

    def save_model(self, request: HttpRequest, obj: Any, form: ModelForm, change: bool) -> None:
        type(self).save_service(actor=request.user, obj=obj, changed=list(form.changed_data))

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: Any = None,
    ) -> HttpResponse:
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except DomainError as refused:
            self.message_user(request, str(refused.message), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def changelist_view(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        # list_editable saves go through save_model too; a refusal there is shown the same way.
        try:
            return super().changelist_view(request, extra_context)
        except DomainError as refused:
            self.message_user(request, str(refused.message), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())
