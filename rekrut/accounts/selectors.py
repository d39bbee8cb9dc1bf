"""Reads about staff accounts."""

from django.conf import settings
from django.db.models import Q

from rekrut.accounts.models import Role, User
from rekrut.notifications.services import Recipient


def hr_admins_to_tell() -> list[Recipient]:
    """Every active HR admin (or superuser) with an e-mail address: they hear when the outbox gives up on a
    message. Registered on notifications' `failure_recipients` hook in AccountsConfig.ready()."""
    admins = User.objects.filter(Q(role=Role.HR_ADMIN) | Q(is_superuser=True), is_active=True).exclude(
        email=""
    )
    return [
        Recipient(to=email, language=settings.LANGUAGE_CODE)
        for email in admins.values_list("email", flat=True)
    ]
