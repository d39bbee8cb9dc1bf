from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse

from tests.accounts.factories import PASSWORD

pytestmark = pytest.mark.django_db


def login(client, username, password):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_sign_in_and_out(client, personas):
    response = login(client, "rina", PASSWORD)
    assert response.status_code == 302
    assert client.get(reverse("desk:my_work")).status_code == 200
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("desk:my_work")).status_code == 302


def test_passwords_are_hashed_with_argon2_in_production(settings):
    from rekrut import settings as rekrut_settings

    assert (
        rekrut_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.MD5PasswordHasher"
    )  # tests: fast
    source = Path(rekrut_settings.__file__).read_text()
    assert '"django.contrib.auth.hashers.Argon2PasswordHasher",' in source.split("if TESTING")[0]


def test_five_failed_sign_ins_lock_the_account_even_with_the_right_password(client, personas):
    for _ in range(5):
        assert login(client, "rina", "wrong").status_code == 200
    response = login(client, "rina", PASSWORD)
    assert response.status_code == 200
    assert (
        "Too many failed sign-ins" in response.content.decode()
        or "Terlalu banyak" in response.content.decode()
    )


def test_a_successful_sign_in_clears_earlier_failures(client, personas):
    for _ in range(4):
        login(client, "rina", "wrong")
    assert login(client, "rina", PASSWORD).status_code == 302
    client.post(reverse("accounts:logout"))
    for _ in range(4):
        login(client, "rina", "wrong")
    assert login(client, "rina", PASSWORD).status_code == 302


def test_password_reset_sends_a_link_that_sets_a_new_password(
    client, personas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the outbox hands the mail to the worker
        client.post(reverse("accounts:password_reset"), {"email": personas.recruiter.email})
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/reset/" in line)
    path = urlsplit(link).path
    response = client.get(path, follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": "Baru-Sekali-2026", "new_password2": "Baru-Sekali-2026"}
    )
    assert response.status_code == 302
    assert login(client, "rina", "Baru-Sekali-2026").status_code == 302


def test_healthz_checks_the_database(client, db):
    response = client.get("/healthz")
    assert response.json() == {"status": "ok", "database": "ok"}


def test_the_interface_defaults_to_indonesian_and_switches_to_english(client, personas, settings):
    from rekrut import settings as product_settings

    assert product_settings.LANGUAGE_CODE == "id"
    settings.LANGUAGE_CODE = "id"
    client.force_login(personas.recruiter)
    assert "Tugas saya" in client.get(reverse("desk:jobs")).content.decode()  # "My work" in the menu
    assert 'lang="id"' in client.get(reverse("desk:jobs")).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/jobs/"})
    assert 'lang="en"' in client.get(reverse("desk:jobs")).content.decode()
