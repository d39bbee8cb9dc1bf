"""Rate limits on sign-in and password reset: counted in the database per client address (and per mailbox
for reset links), answered with 429, a page saying how long to wait, and Retry-After."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from rekrut.accounts.throttling import RateLimited, rate_limit_hit
from rekrut.notifications.models import OutboxMessage
from tests.accounts.factories import PASSWORD

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.7"


@pytest.fixture
def limits(settings):
    """limits(name=(requests, seconds), ...) sets those rate limits for the test."""

    def set_limits(**rates):
        settings.RATE_LIMITS = {**settings.RATE_LIMITS, **rates}

    return set_limits


def sign_in(address: str = ADDRESS, username: str = "rina", password: str = "wrong"):
    return Client(REMOTE_ADDR=address).post(
        reverse("accounts:login"), {"username": username, "password": password}
    )


def reset(email: str, address: str = ADDRESS):
    return Client(REMOTE_ADDR=address).post(reverse("accounts:password_reset"), {"email": email})


def test_sign_in_attempts_from_one_address_are_limited_across_accounts(personas, limits):
    limits(sign_in=(3, 300))
    for username in ("rina", "budi", "maya"):
        assert sign_in(username=username).status_code == 200
    response = sign_in(username="sari", password=PASSWORD)
    assert response.status_code == 429
    assert response["Retry-After"] == "300"
    assert "Too many attempts came from your connection. Wait 5 minutes, then try again." in (
        response.content.decode()
    )
    # Another address is not affected.
    assert sign_in(address="198.51.100.23", username="sari", password=PASSWORD).status_code == 302


def test_the_limit_ends_with_its_window(personas, limits):
    limits(sign_in=(1, 60))
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert sign_in().status_code == 200
        assert sign_in().status_code == 429
    with time_machine.travel(start + timedelta(seconds=61), tick=False):
        assert sign_in(username="rina", password=PASSWORD).status_code == 302


def test_the_rate_limited_page_is_in_indonesian_by_default(personas, limits, settings):
    limits(sign_in=(1, 60))
    settings.LANGUAGE_CODE = "id"
    sign_in()
    client = Client(REMOTE_ADDR=ADDRESS, HTTP_ACCEPT_LANGUAGE="id")
    page = client.post(reverse("accounts:login"), {"username": "rina", "password": "x"}).content.decode()
    assert "Terlalu banyak percobaan" in page


def test_password_reset_requests_are_limited_per_address(personas, limits):
    limits(password_reset=(2, 3600))
    assert reset("nobody@example.co.id").status_code == 302
    assert reset("somebody@example.co.id").status_code == 302
    response = reset(personas.recruiter.email)
    assert response.status_code == 429
    assert not OutboxMessage.objects.exists()


def test_one_mailbox_gets_a_few_links_whatever_the_address(personas, limits):
    limits(password_reset_email=(2, 3600))
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert reset(personas.recruiter.email, address="203.0.113.1").status_code == 302
    with time_machine.travel(start + timedelta(minutes=1), tick=False):
        assert reset(personas.recruiter.email.upper(), address="203.0.113.2").status_code == 302
        response = reset(personas.recruiter.email, address="203.0.113.3")
    assert response.status_code == 429
    assert "Several links were sent to this address already" in response.content.decode()
    assert OutboxMessage.objects.count() == 2


def test_a_limit_set_off_counts_nothing(limits, django_assert_num_queries):
    limits(sign_in=None)
    with django_assert_num_queries(0):
        for _ in range(50):
            rate_limit_hit(limit_name="sign_in", idents=[ADDRESS])


def test_over_the_limit_raises_with_the_seconds_left(db, limits):
    limits(api_token=(2, 60))
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        rate_limit_hit(limit_name="api_token", idents=["t"])
    with time_machine.travel(start + timedelta(seconds=20), tick=False):
        rate_limit_hit(limit_name="api_token", idents=["t"])
        with pytest.raises(RateLimited) as limited:
            rate_limit_hit(limit_name="api_token", idents=["t"])
    assert limited.value.retry_after == 40


@pytest.mark.parametrize(
    ("text", "rate"), [("30/5m", (30, 300)), ("600/1m", (600, 60)), ("10/h", (10, 3600)), ("off", None)]
)
def test_limits_are_read_from_the_environment(monkeypatch, text, rate):
    from rekrut.settings import _rate

    monkeypatch.setenv("REKRUT_RATE_TEST", text)
    assert _rate("REKRUT_RATE_TEST", "1/1s") == rate


@pytest.mark.parametrize("text", ["30", "30/5", "5m", "0/1m", "30/0m", "lots"])
def test_a_mistyped_limit_stops_the_start_with_a_clear_message(monkeypatch, text):
    from rekrut.settings import _rate

    monkeypatch.setenv("REKRUT_RATE_TEST", text)
    with pytest.raises(ImproperlyConfigured, match="write it as 30/5m"):
        _rate("REKRUT_RATE_TEST", "1/1s")
