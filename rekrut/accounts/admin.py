from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import ApiToken, User
from rekrut.accounts.services import accounts_unlock, api_tokens_revoke
from rekrut.core.admin import ReadOnlyAdmin


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    """Staff accounts are managed here (Django's own user forms): who works in Rekrut, not hiring data."""

    list_display = ["username", "email", "first_name", "last_name", "role", "is_active"]
    list_filter = ["role", "is_active"]
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        ("Rekrut", {"fields": ["role", "title", "time_zone", "language"]}),
    )  # type: ignore[operator]
    actions = ["unlock_sign_in"]

    @admin.action(description=_("Let them sign in again now (after too many failed sign-ins)"))
    def unlock_sign_in(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        unlocked = accounts_unlock(actor=request.user, users=queryset)  # type: ignore[arg-type]
        self.message_user(
            request,
            _("%(count)d account(s) may sign in again from every address.") % {"count": unlocked},
            messages.SUCCESS,
        )


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    """Tokens are made by `rekrut api_token_create` (the key is shown once); here they are revoked."""

    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke"]

    @admin.action(description=_("Revoke the chosen tokens"))
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        count = api_tokens_revoke(actor=request.user, tokens=queryset)  # type: ignore[arg-type]
        self.message_user(request, _("%(count)d token(s) revoked.") % {"count": count}, messages.SUCCESS)
