import getpass
import secrets
import sys
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from rekrut.accounts.models import User
from rekrut.accounts.services import hr_admin_create
from rekrut.core.errors import DomainError

TRIES = 3


def password_generate() -> str:
    """24 URL-safe characters (144 random bits): far beyond guessing, and easy to paste."""
    return secrets.token_urlsafe(18)


class Command(BaseCommand):
    help = (
        "Create an HR admin (who may open Settings) for a real installation. Asks for the password twice "
        "in a terminal; with --generate, makes a strong one and prints it once."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", required=True, help="for password resets and outbox failure notices")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument(
            "--generate", action="store_true", help="generate a strong password and print it this once"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        username, email = options["username"].strip(), options["email"].strip()
        candidate = User(
            username=username, email=email, first_name=options["first_name"], last_name=options["last_name"]
        )
        self._check(candidate)
        if options["generate"]:
            password = password_generate()
        elif sys.stdin.isatty():
            password = self._ask(candidate)
        else:
            raise CommandError(
                _(
                    "There is no terminal to ask for the password. Run the command in a terminal, or add "
                    "--generate to have a strong password made and printed once."
                )
            )
        try:
            user = hr_admin_create(
                username=username,
                email=email,
                password=password,
                first_name=candidate.first_name,
                last_name=candidate.last_name,
            )
        except DomainError as error:
            raise CommandError(str(error.message)) from None
        self.stdout.write(
            _("HR admin %(username)s created; they can sign in and open Settings.")
            % {"username": user.username}
        )
        if options["generate"]:
            self.stdout.write(
                _("Password (shown this once; store it now): %(password)s") % {"password": password}
            )

    def _check(self, candidate: User) -> None:
        """Refuses a bad account name or e-mail address before any password is asked for."""
        try:
            User.username_validator(candidate.username)
            validate_email(candidate.email)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        if not candidate.username:
            raise CommandError(_("Give the account a name."))
        if User.objects.filter(username__iexact=candidate.username).exists():
            raise CommandError(
                _("An account named %(username)s already exists.") % {"username": candidate.username}
            )

    def _ask(self, candidate: User) -> str:
        """The password, typed twice and checked by the password validators (settings.py)."""
        for _try in range(TRIES):
            password = getpass.getpass(_("Password: "))
            if password != getpass.getpass(_("Password (again): ")):
                self.stderr.write(_("The two passwords differ. Try again."))
                continue
            try:
                validate_password(password, candidate)
            except ValidationError as error:
                self.stderr.write("\n".join(error.messages))
                continue
            return password
        raise CommandError(_("No password was set; nothing was created."))
