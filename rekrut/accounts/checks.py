"""`rekrut check --deploy`: an installation whose accounts still use the published demo password is not
ready for real candidates' data."""

from typing import Any

from django.core.checks import CheckMessage, Error, Tags, Warning, register
from django.db import DatabaseError

from rekrut.accounts.demo_install import accounts_with_demo_password

SHOWN = 10


@register(Tags.security, deploy=True)
def demo_passwords_gone(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    try:
        holders = accounts_with_demo_password()
    except DatabaseError as error:
        return [
            Warning(
                f"Could not check the accounts for the demo password: {error}",
                hint="Run `rekrut migrate` first, then `rekrut check --deploy` again.",
                id="rekrut.W003",
            )
        ]
    if not holders:
        return []
    names = ", ".join(user.username for user in holders[:SHOWN]) + (", ..." if len(holders) > SHOWN else "")
    return [
        Error(
            f"{len(holders)} active account(s) sign in with the published demo password: {names}.",
            hint=(
                "This database holds the demo (or a copy of it). Start real hiring on a new database "
                "(`rekrut hr_admin_create` makes its first HR admin), or give these accounts new passwords "
                "or deactivate them in Settings → Users."
            ),
            id="rekrut.E001",
        )
    ]
