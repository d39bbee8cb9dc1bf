"""`rekrut hr_admin_create`: a real installation's first HR admin, with a password typed twice in a terminal
(checked by the password validators) or generated and printed once; never a known password."""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from rekrut.accounts.demo_install import DEMO_PASSWORD
from rekrut.accounts.models import Role, User
from rekrut.events.models import AuditEvent

pytestmark = pytest.mark.django_db

COMMAND = "rekrut.accounts.management.commands.hr_admin_create"


@pytest.fixture
def terminal(monkeypatch):
    """terminal(*typed) runs the command as if in a terminal where the person types these passwords."""

    def with_typing(*typed: str) -> list[str]:
        answers = iter(typed)
        prompts: list[str] = []
        monkeypatch.setattr("sys.stdin", io.StringIO())
        monkeypatch.setattr("sys.stdin.isatty", lambda: True)

        def getpass(prompt: str = "") -> str:
            prompts.append(prompt)
            return next(answers)

        monkeypatch.setattr(f"{COMMAND}.getpass.getpass", getpass)
        return prompts

    return with_typing


@pytest.fixture
def no_terminal(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO())
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("hr_admin_create", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_generate_makes_a_strong_password_printed_once(no_terminal):
    out, _ = run("wulan", "--email", "wulan@pt-contoh.co.id", "--first-name", "Wulan", "--generate")
    password = out.split("store it now): ")[1].strip()
    assert len(password) >= 24
    user = User.objects.get(username="wulan")
    assert user.check_password(password)
    assert (user.role, user.is_staff, user.is_superuser, user.first_name) == (
        Role.HR_ADMIN,
        True,
        True,
        "Wulan",
    )
    assert AuditEvent.objects.filter(action="account.hr_admin_created", subject_id=user.pk).exists()
    # They sign in and reach Settings (the Django admin).
    client = Client()
    assert (
        client.post(reverse("accounts:login"), {"username": "wulan", "password": password}).status_code == 302
    )
    assert client.get(reverse("admin:index")).status_code == 200


def test_in_a_terminal_the_password_is_asked_twice(terminal):
    prompts = terminal("Kopi-Tubruk-2026", "Kopi-Tubruk-2026")
    out, _ = run("wulan", "--email", "wulan@pt-contoh.co.id")
    assert prompts == ["Password: ", "Password (again): "]
    assert User.objects.get(username="wulan").check_password("Kopi-Tubruk-2026")
    assert "Kopi-Tubruk-2026" not in out


def test_differing_or_weak_passwords_are_asked_again(terminal):
    terminal(
        "Kopi-Tubruk-2026", "Kopi-Tubruk-2025", "12345678", "12345678", "Kopi-Tubruk-2026", "Kopi-Tubruk-2026"
    )
    _, err = run("wulan", "--email", "wulan@pt-contoh.co.id")
    assert "The two passwords differ." in err
    assert "This password is too common." in err
    assert User.objects.get(username="wulan").check_password("Kopi-Tubruk-2026")


def test_three_failed_tries_create_nothing(terminal):
    terminal("a", "b", "c", "d", "e", "f")
    with pytest.raises(CommandError, match=re.escape("No password was set; nothing was created.")):
        run("wulan", "--email", "wulan@pt-contoh.co.id")
    assert not User.objects.filter(username="wulan").exists()


def test_without_a_terminal_it_asks_for_generate_and_creates_nothing(no_terminal):
    with pytest.raises(CommandError, match=r"There is no terminal to ask for the password\..*--generate"):
        run("wulan", "--email", "wulan@pt-contoh.co.id")
    assert not User.objects.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("wulan", "--email", "not-an-address"), "Enter a valid email address."),
        (("wu lan", "--email", "wulan@pt-contoh.co.id"), "Enter a valid username."),
        (("SARI", "--email", "sari@pt-contoh.co.id"), "An account named SARI already exists."),
    ],
)
def test_a_bad_name_or_address_is_refused_before_any_password(personas, no_terminal, args, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        run(*args, "--generate")
    assert User.objects.count() == len(personas.all())


def test_the_demo_password_cannot_be_chosen(terminal):
    terminal(DEMO_PASSWORD, DEMO_PASSWORD, "Kopi-Tubruk-2026", "Kopi-Tubruk-2026")
    _, err = run("wulan", "--email", "wulan@pt-contoh.co.id")
    assert "This is the demo's published password. Choose another." in err
    assert User.objects.get(username="wulan").check_password("Kopi-Tubruk-2026")
