"""Lockout counts failures per account and client address together: a stranger's five wrong passwords
lock the account from the stranger's address only, the lock ends with its window, and a password reset
lifts it everywhere."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from rekrut.accounts.models import AttemptCounter, User
from rekrut.accounts.services import accounts_unlock, password_reset_mail_queue
from rekrut.accounts.throttling import address_key, counters_prune
from rekrut.core.errors import AccessDenied
from rekrut.events.models import AuditEvent
from rekrut.notifications.models import OutboxMessage
from tests.accounts.factories import PASSWORD

pytestmark = pytest.mark.django_db

STRANGER = "203.0.113.7"
OWNER = "198.51.100.23"


def sign_in(address: str, password: str, username: str = "sari"):
    return Client(REMOTE_ADDR=address).post(
        reverse("accounts:login"), {"username": username, "password": password}
    )


def locked(response) -> bool:
    return response.status_code == 200 and "Too many failed sign-ins" in response.content.decode()


def lock_out_from(address: str) -> None:
    for n in range(5):
        assert not locked(sign_in(address, f"wrong-{n}"))
    assert locked(sign_in(address, PASSWORD))


def test_a_stranger_cannot_lock_the_owner_out_from_elsewhere(personas):
    lock_out_from(STRANGER)
    assert sign_in(OWNER, PASSWORD).status_code == 302
    # Still locked where the guesses came from, even with the right password.
    assert locked(sign_in(STRANGER, PASSWORD))


def test_a_locked_attempt_checks_no_password(personas, monkeypatch):
    lock_out_from(STRANGER)
    checks = []
    monkeypatch.setattr(User, "check_password", lambda user, raw: checks.append(raw) or False)
    assert locked(sign_in(STRANGER, "another-guess"))
    assert checks == []


def test_the_message_says_how_long_to_wait(personas):
    lock_out_from(STRANGER)
    assert "Wait 15 minutes, or reset your password." in sign_in(STRANGER, PASSWORD).content.decode()


def test_the_lock_ends_a_window_after_the_last_failure(personas):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        lock_out_from(STRANGER)
    with time_machine.travel(start + timedelta(minutes=14), tick=False):
        assert locked(sign_in(STRANGER, PASSWORD))
    with time_machine.travel(start + timedelta(minutes=15, seconds=1), tick=False):
        assert sign_in(STRANGER, PASSWORD).status_code == 302


def test_the_account_name_is_counted_whatever_its_case(personas):
    for n in range(5):
        sign_in(STRANGER, f"wrong-{n}", username="SARI" if n % 2 else "sari")
    assert locked(sign_in(STRANGER, PASSWORD))


def test_a_password_reset_unlocks_the_account_from_every_address(personas, client):
    lock_out_from(STRANGER)
    password_reset_mail_queue(email=personas.hr_admin.email, language="en")
    link = next(line for line in OutboxMessage.objects.get().body.splitlines() if "/reset/" in line)
    response = client.get(urlsplit(link).path, follow=True)
    client.post(
        response.redirect_chain[-1][0],
        {"new_password1": "Baru-Sekali-2026", "new_password2": "Baru-Sekali-2026"},
    )
    assert sign_in(STRANGER, "Baru-Sekali-2026").status_code == 302
    assert not AttemptCounter.objects.filter(key__startswith="lockout:").exists()


def test_ipv6_clients_count_by_their_64_and_unreadable_addresses_as_one():
    assert address_key("2001:db8:1:2:aaaa::1") == address_key("2001:db8:1:2:bbbb::9") == "2001:db8:1:2::/64"
    assert address_key("2001:db8:1:3::1") != address_key("2001:db8:1:2::1")
    assert address_key("::ffff:203.0.113.7") == "203.0.113.7"
    assert address_key(None) == address_key("not an address") == "unknown"


def test_the_sweep_forgets_counters_whose_window_is_over(personas):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        sign_in(STRANGER, "wrong")  # one failure for the lockout, one request for the sign-in rate limit
        assert counters_prune() == 0
    with time_machine.travel(start + timedelta(minutes=16), tick=False):
        assert counters_prune() == 2
    assert not AttemptCounter.objects.exists()


def test_behind_a_proxy_each_client_is_counted_by_its_own_address(personas, settings):
    settings.TRUSTED_PROXIES = 1

    def through_proxy(client_address: str, password: str):
        return Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=client_address).post(
            reverse("accounts:login"), {"username": "sari", "password": password}
        )

    for n in range(5):
        through_proxy(STRANGER, f"wrong-{n}")
    assert locked(through_proxy(STRANGER, PASSWORD))
    assert through_proxy(OWNER, PASSWORD).status_code == 302


def test_an_hr_admin_unlocks_an_account_in_settings(personas, client):
    lock_out_from(STRANGER)
    admin = personas.hr_admin
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    response = client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "unlock_sign_in", "_selected_action": [admin.pk]},
        follow=True,
    )
    assert "1 account(s) may sign in again from every address." in response.content.decode()
    assert sign_in(STRANGER, PASSWORD).status_code == 302
    assert AuditEvent.objects.filter(action="account.unlocked", subject_id=admin.pk).exists()


def test_only_an_hr_admin_unlocks(personas):
    with pytest.raises(AccessDenied):
        accounts_unlock(actor=personas.recruiter, users=[personas.hr_admin])


def test_settings_has_no_sign_in_form_of_its_own(client, personas, monkeypatch):
    checks = []
    monkeypatch.setattr(User, "check_password", lambda user, raw: checks.append(raw) or False)
    response = client.get("/admin/")
    assert response.status_code == 302
    response = client.get(response["Location"])
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login") + "?next=/admin/"
    posted = client.post("/admin/login/", {"username": "sari", "password": "guess"})
    assert posted.status_code == 302 and checks == []
    # Signed in without the right to open Settings: the 403 page, not a loop back to the sign-in page.
    client.force_login(personas.recruiter)
    assert client.get("/admin/login/?next=/admin/").status_code == 403
