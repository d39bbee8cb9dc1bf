"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

One browser for the whole session; every test gets its own context (cookies) and page. Pages are shown in
English (the `rekrut_language` cookie) so assertions on text survive the Indonesian translation; anything
else is found by role, data attribute or URL.

Without /usr/bin/chromium the tests are skipped with a warning, except in CI (CI=true), where a missing
browser fails them: browser tests are mandatory there.
"""

import os
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connections
from django.test import Client

from rekrut.accounts.models import User

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 10_000
SCREENSHOT = Path("/tmp/board.png")


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


@pytest.fixture(scope="package")
def browser(django_db_setup: None) -> Iterator[Any]:
    """Chromium for this package's tests. Playwright's sync API keeps an event loop running in the test
    thread while it is open, which Django's async-safety check takes for async code; the check is relaxed
    for exactly that span, in these tests only, never for the rest of the suite."""
    if not (CHROMIUM.exists() and shutil.which(str(CHROMIUM))):
        if _in_ci():
            pytest.fail(f"{CHROMIUM} is missing and CI is set: browser tests are mandatory in CI.")
        reason = f"{CHROMIUM} is not installed, so the browser tests are skipped (apt-get install chromium)."
        warnings.warn(reason, stacklevel=1)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        yield from _chromium(sync_playwright, serialized)
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def _chromium(sync_playwright: Any, serialized: dict[str, Any]) -> Iterator[Any]:
    with sync_playwright() as playwright:
        # Playwright's sync API keeps an event loop running in this thread, so from here on Django hands
        # out other connection objects (asgiref's Local is per context then). Give them the test data
        # serialized at setup, or serialized_rollback would silently restore nothing.
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="package", autouse=True)
def _database_left_as_found(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """Browser tests are transactional: each ends with a flush that empties every table, including the rows
    the data migrations made (stage templates, reject reasons, the question bank); serialized_rollback puts
    them back before each browser test. Around the package: start from empty tables, so that restoring
    cannot clash with rows an earlier transactional test left (content types re-made after its flush), and
    leave the migrated data behind for the transactional tests that run after these."""
    aliases = [alias for alias in connections if hasattr(connections[alias], "_test_serialized_contents")]
    # Sequences are not reset: the restored rows keep their ids, and on PostgreSQL a sequence back at 1
    # would hand out those ids again (a seeded MCU package's key, for one).
    empty = {"interactive": False, "verbosity": 0, "inhibit_post_migrate": True, "reset_sequences": False}
    with django_db_blocker.unblock():
        for alias in aliases:
            call_command("flush", database=alias, **empty)
    yield
    with django_db_blocker.unblock():
        for alias in aliases:
            call_command("flush", database=alias, **empty)
            connection = connections[alias]
            connection.creation.deserialize_db_from_string(connection._test_serialized_contents)


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    """A fresh page on the live server, in English; fails the test if a static file did not load."""
    context = browser.new_context(base_url=live_server.url, locale="en-US", timezone_id="Asia/Jakarta")
    context.add_cookies([{"name": "rekrut_language", "value": "en", "url": live_server.url}])
    context.set_default_timeout(TIMEOUT_MS)
    new_page = context.new_page()
    broken: list[str] = []
    new_page.on(
        "response",
        lambda response: (
            broken.append(f"{response.status} {response.url}")
            if "/static/" in response.url and response.status >= 400
            else None
        ),
    )
    yield new_page
    context.close()
    assert not broken, f"static files did not load: {broken}"


@pytest.fixture
def sign_in(page: Any, live_server: Any):
    """sign_in(user) puts a session cookie in the browser, skipping the login form (test_board logs in
    through the form)."""

    def as_user(user: User) -> Any:
        client = Client()
        client.force_login(user)
        cookie = client.cookies["sessionid"]
        page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
        return page

    return as_user
