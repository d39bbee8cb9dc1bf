from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from rekrut.accounts.models import ApiToken
from rekrut.accounts.services import api_token_create

NAME_MAX_LENGTH = ApiToken._meta.get_field("name").max_length or 80


class Command(BaseCommand):
    help = "Create an API token for a user and print its key; the key is shown this once only."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("name", help="What the token is for, e.g. 'HRIS sync'.")

    def handle(self, *args: Any, username: str, name: str, **options: Any) -> None:
        name = name.strip()
        if not name or len(name) > NAME_MAX_LENGTH:
            raise CommandError(
                _("Give the token a name of 1 to %(max)d characters.") % {"max": NAME_MAX_LENGTH}
            )
        user = get_user_model()._default_manager.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(_("There is no active user %(username)s.") % {"username": username})
        token, key = api_token_create(user=user, name=name)
        # The key alone on stdout, so it can be piped into a secret store; the advice goes to stderr.
        self.stdout.write(key)
        self.stderr.write(
            _("Token %(token)s for %(user)s created. Store the key now: it cannot be shown again.")
            % {"token": token, "user": user.username}
        )
