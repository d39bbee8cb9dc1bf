"""`rekrut check --deploy` fails while an active account has the published demo password, passes on a
database without one (with the HTTPS settings on), and warns when the HTTPS settings are off."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from rekrut.accounts.demo_install import DEMO_PASSWORD
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

HTTPS_WARNINGS = ("security.W004", "security.W008", "security.W012", "security.W016", "rekrut.W002")


@pytest.fixture
def https_on(settings):
    """The settings REKRUT_HTTPS=1 and REKRUT_SITE_URL=https://... give."""
    settings.HTTPS = True
    settings.SITE_URL = "https://rekrut.example.co.id"
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = settings.SECURE_HSTS_PRELOAD = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.DEBUG = False


@pytest.fixture
def https_off(settings):
    """The settings REKRUT_HTTPS=0 (the default) gives."""
    settings.HTTPS = False
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = settings.SECURE_SSL_REDIRECT = False
    settings.SECURE_HSTS_SECONDS = 0
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = settings.SECURE_HSTS_PRELOAD = False
    settings.SECURE_PROXY_SSL_HEADER = None
    settings.DEBUG = False


def check_deploy() -> str:
    out, err = io.StringIO(), io.StringIO()
    call_command("check", "--deploy", "--fail-level", "WARNING", stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


def test_a_database_with_the_demo_password_fails_the_deploy_check(https_on):
    UserFactory(username="wulan")
    UserFactory(username="sari", password=DEMO_PASSWORD)
    with pytest.raises(SystemCheckError) as failed:
        call_command("check", "--deploy")  # an error fails it whatever the fail level
    assert "rekrut.E001" in str(failed.value)
    assert "1 active account(s) sign in with the published demo password: sari." in str(failed.value)


def test_a_database_without_it_passes_with_the_https_settings_on(https_on):
    UserFactory(username="wulan")
    UserFactory(username="sari", password=DEMO_PASSWORD, is_active=False)  # deactivated: cannot sign in
    assert "no issues" in check_deploy()


def test_https_settings_off_are_warned_about_not_silenced(https_off):
    with pytest.raises(SystemCheckError) as failed:
        check_deploy()
    for warning in HTTPS_WARNINGS:
        assert warning in str(failed.value)
    assert "set REKRUT_HTTPS=1" in str(failed.value)


def test_the_product_settings_silence_no_check():
    from rekrut import settings as product_settings

    assert not getattr(product_settings, "SILENCED_SYSTEM_CHECKS", [])
