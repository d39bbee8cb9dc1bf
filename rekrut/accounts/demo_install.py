"""Knowing a demo install: the published demo password, the mark the demo loader leaves, the banner.

The password lives here, not in rekrut.demo, because `rekrut check --deploy` must recognise it and no app
may import the demo (pyproject.toml's contract); the demo imports it from here.
"""

from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from rekrut.accounts.models import DemoInstall, User

DEMO_PASSWORD = "rekrut-demo-2026"  # noqa: S105 (published in the README and printed by `make run`)

# Whether this process has seen the mark: read once, at the first page that shows the banner. The mark is
# written before the server starts (`make run` loads the demo first), so a running process need not look
# again; a server started before `rekrut demo` shows the banner after a restart.
_seen: dict[str, bool] = {}


def demo_install_mark() -> None:
    """Records, in the caller's transaction, that this database holds the demo and its public passwords."""
    if not DemoInstall.objects.exists():
        DemoInstall.objects.create()
    _seen["demo"] = True


def demo_install_exists() -> bool:
    """True on a database the demo loader has written to (asks the database every time)."""
    return DemoInstall.objects.exists()


def demo_install_is() -> bool:
    """demo_install_exists(), read once per process: for the banner on every page."""
    if "demo" not in _seen:
        _seen["demo"] = demo_install_exists()
    return _seen["demo"]


def demo_install_forget() -> None:
    """Makes the next demo_install_is() read the database again (tests, and a process that cleared it)."""
    _seen.clear()


def accounts_with_demo_password() -> list[User]:
    """Active accounts that still sign in with the published demo password. Each check runs the password
    hasher (Argon2, tens of milliseconds), so this is for `check --deploy`, never for a page."""
    candidates = User.objects.filter(is_active=True).exclude(password="").order_by("username")
    return [user for user in candidates if check_password(DEMO_PASSWORD, user.password)]


class NotTheDemoPasswordValidator:
    """A password validator (settings.AUTH_PASSWORD_VALIDATORS): nobody chooses the published demo password,
    in Settings, through a reset link or with `rekrut hr_admin_create`. The demo sets it without asking."""

    def validate(self, password: str, user: object = None) -> None:
        if password.strip().casefold() == DEMO_PASSWORD:
            raise ValidationError(
                _("This is the demo's published password. Choose another."), code="password_is_demo"
            )

    def get_help_text(self) -> str:
        return _("Your password cannot be the demo's published password.")
