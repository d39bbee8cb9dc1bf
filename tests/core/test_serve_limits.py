"""`rekrut serve` takes request lines up to gunicorn's maximum, so that a long search reaches the page,
which says what is too long, instead of gunicorn's bare "414 Request-URI Too Long" (issue 7)."""

import http.client

import pytest

from tests.processes import Children, free_port, wait_for

pytestmark = [pytest.mark.processes, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_5000_character_search_reaches_the_page(tmp_path):
    children = Children(tmp_path)
    port = free_port()
    process = children.start(
        "serve", "--no-worker", "--bind", f"127.0.0.1:{port}", "--workers", "1", "--threads", "1",
        REKRUT_VAR_DIR=str(tmp_path / "var"), LOG_LEVEL="WARNING",
    )  # fmt: skip

    def status_of(path: str) -> int | None:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", path)
            return connection.getresponse().status
        except OSError:
            return None

    try:
        wait_for(lambda: status_of("/healthz") == 200, timeout=30, what=lambda: children.log(process))
        # Signed out, the page sends the visitor to sign in: what matters is that Django answered.
        assert status_of("/candidates/?q=" + "a" * 5000) == 302
        assert status_of("/candidates/?q=" + "a" * 9000) == 414  # past any limit, still refused
    finally:
        children.stop_all()
