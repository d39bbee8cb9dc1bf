"""The client's address, which the audit log, the lockout and the rate limits key on: the connecting one,
or behind REKRUT_TRUSTED_PROXIES proxies the one the outermost proxy saw, never what the client wrote."""

import pytest
from django.test import RequestFactory

from rekrut.core.http import client_ip


def request(remote: str, forwarded: str | None = None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


def test_without_trusted_proxies_x_forwarded_for_is_ignored(settings):
    settings.TRUSTED_PROXIES = 0
    assert client_ip(request("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (1, "198.51.100.1", "198.51.100.1"),
        (1, "6.6.6.6, 198.51.100.1", "198.51.100.1"),  # the client wrote 6.6.6.6 itself
        (2, "6.6.6.6, 198.51.100.1, 10.0.0.2", "198.51.100.1"),
        (1, "", "127.0.0.1"),  # the proxy did not say: the connecting address
        (2, "198.51.100.1", "127.0.0.1"),  # fewer entries than proxies: nothing to trust
        (1, "not-an-address", "127.0.0.1"),
    ],
)
def test_behind_trusted_proxies_the_outermost_proxy_says_who_connected(
    settings, proxies, forwarded, expected
):
    settings.TRUSTED_PROXIES = proxies
    assert client_ip(request("127.0.0.1", forwarded)) == expected
