from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import ApiToken, LoginFailure, User
from rekrut.core.errors import AccessDenied


def login_is_locked(*, username: str) -> bool:
    since = timezone.now() - timedelta(minutes=settings.LOGIN_FAILURE_WINDOW_MINUTES)
    failures = LoginFailure.objects.filter(username__iexact=username, at__gte=since).count()
    return failures >= settings.LOGIN_FAILURE_LIMIT


def login_failure_record(*, username: str, ip_address: str | None) -> None:
    LoginFailure.objects.create(username=username[:150], ip_address=ip_address)


def login_failures_clear(*, username: str) -> None:
    LoginFailure.objects.filter(username__iexact=username).delete()


@transaction.atomic
def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Returns the token row and the plain key, which is shown once and never stored."""
    key = ApiToken.new_key()
    token = ApiToken.objects.create(user=user, name=name, key_hash=ApiToken.hash_key(key), prefix=key[3:9])
    return token, key


def api_token_authenticate(*, key: str) -> User | None:
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=ApiToken.hash_key(key), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    # Writing on every request would serialize API reads on SQLite; a minute's precision is enough.
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


@transaction.atomic
def api_tokens_revoke(*, actor: User, tokens: Iterable[ApiToken]) -> int:
    """HR admins revoke tokens (a leaked key stops working at once); revoking twice changes nothing."""
    if not actor.is_hr_admin:
        raise AccessDenied(_("Only an HR admin can revoke API tokens."))
    pks = [token.pk for token in tokens]
    return ApiToken.objects.filter(pk__in=pks, revoked_at__isnull=True).update(revoked_at=timezone.now())


@transaction.atomic
def preferences_update(*, user: User, first_name: str, last_name: str, title: str, time_zone: str) -> User:
    """A person's own name, job title and time zone (times are shown to them in it)."""
    user.first_name, user.last_name, user.title, user.time_zone = first_name, last_name, title, time_zone
    user.save(update_fields=["first_name", "last_name", "title", "time_zone"])
    return user
