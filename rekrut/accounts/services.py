from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import ApiToken, Role, User
from rekrut.accounts.throttling import sign_in_unlock
from rekrut.core.errors import AccessDenied, DomainError
from rekrut.core.site import absolute_url
from rekrut.events.actions import action_register
from rekrut.events.services import audit_record
from rekrut.notifications.services import message_queue

action_register("account.hr_admin_created", _("HR admin account created"))
action_register("account.password_reset", _("Password changed with a reset link"))
action_register("account.unlocked", _("Sign-in unlocked by an HR admin"))


@transaction.atomic
def hr_admin_create(
    *, username: str, email: str, password: str, first_name: str = "", last_name: str = ""
) -> User:
    """A real installation's first HR admin (or another one): staff and superuser, so Settings (the Django
    admin) is theirs. The caller has validated the password; an account name in use is refused."""
    if User.objects.filter(username__iexact=username).exists():
        raise DomainError(_("An account named %(username)s already exists.") % {"username": username})
    user = User(
        username=username,
        email=email,
        first_name=first_name,
        last_name=last_name,
        role=Role.HR_ADMIN,
        is_staff=True,
        is_superuser=True,
    )
    user.set_password(password)
    user.save()
    audit_record(actor=None, action="account.hr_admin_created", subject=user)
    return user


def password_reset_mail_queue(*, email: str, language: str) -> int:
    """Queues a reset link to every active account with this address that has a password; returns how
    many (none for an unknown address, and nobody is told either way). Runs in the worker, so the page
    answers in the same time whether the address is known or not; the outbox retries while SMTP is down.
    The key holds the token, so the same request run twice queues one message."""
    queued = 0
    for user in PasswordResetForm().get_users(email):
        token = default_token_generator.make_token(user)
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        with transaction.atomic():
            message_queue(
                key=f"password-reset-{user.pk}-{token}",
                to=user.email,
                language=language,
                template="accounts/password_reset_email",
                context={
                    "url": absolute_url("accounts:password_reset_confirm", uid, token),
                    "username": user.get_username(),
                    "days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
                    "company": settings.COMPANY_NAME,
                },
                # The asker can ask again; telling HR admins about each lost reset mail would let anyone
                # flood them while the mail server is down.
                notify_on_failure=False,
            )
        queued += 1
    return queued


@transaction.atomic
def accounts_unlock(*, actor: User, users: Iterable[User]) -> int:
    """An HR admin lifts the sign-in lockout of these accounts from every address; returns how many."""
    if not actor.is_hr_admin:
        raise AccessDenied(_("Only an HR admin can unlock accounts."))
    count = 0
    for user in users:
        sign_in_unlock(username=user.get_username())
        audit_record(actor=actor, action="account.unlocked", subject=user)
        count += 1
    return count


@transaction.atomic
def password_reset_completed(*, user: User) -> None:
    """The password was changed through a reset link (Django's form saved it): the account is unlocked
    from every address, since whoever holds the mailbox is its owner, and the audit log says so."""
    sign_in_unlock(username=user.get_username())
    audit_record(actor=user, action="account.password_reset", subject=user)


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
