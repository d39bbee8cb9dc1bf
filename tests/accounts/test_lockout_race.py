"""The lockout holds under concurrency: 40 wrong passwords sent at once get at most LOGIN_FAILURE_LIMIT
password checks, on the real database (SQLite's file, or PostgreSQL under DATABASE_URL), each request in
its own thread with its own connection."""

import threading
import time
from collections import Counter

import pytest
from django.db import connections
from django.test import Client
from django.urls import reverse

from rekrut.accounts.models import User
from tests.accounts.factories import PASSWORD

STRANGER = "203.0.113.7"
OWNER = "198.51.100.23"
GUESSES = 40
# Argon2 takes tens of milliseconds in production; the fast test hasher would close the race window that
# a real password check leaves open, so each check takes this long here.
CHECK_SECONDS = 0.05


@pytest.fixture
def counted_checks(monkeypatch):
    checks = Counter()
    lock = threading.Lock()
    check_password = User.check_password

    def slow_counted(user, raw_password):
        with lock:
            checks[raw_password == PASSWORD] += 1
        time.sleep(CHECK_SECONDS)
        return check_password(user, raw_password)

    monkeypatch.setattr(User, "check_password", slow_counted)
    return checks


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_40_simultaneous_wrong_passwords_get_at_most_the_limit_of_checks(personas, settings, counted_checks):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "sign_in": None}  # the lockout alone is under test
    barrier = threading.Barrier(GUESSES)
    answers: Counter[str] = Counter()
    lock = threading.Lock()

    def guess(n: int) -> None:
        try:
            client = Client(REMOTE_ADDR=STRANGER)
            barrier.wait()
            response = client.post(reverse("accounts:login"), {"username": "sari", "password": f"wrong-{n}"})
            body = response.content.decode()
            kind = "locked" if "Too many failed sign-ins" in body else f"{response.status_code}"
            with lock:
                answers[kind] += 1
        finally:
            connections.close_all()

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(GUESSES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sum(answers.values()) == GUESSES
    assert counted_checks[False] <= settings.LOGIN_FAILURE_LIMIT, (counted_checks, answers)
    assert answers["locked"] >= GUESSES - settings.LOGIN_FAILURE_LIMIT
    # The stranger locked the account from their own address only: its owner signs in from theirs.
    owner = Client(REMOTE_ADDR=OWNER)
    response = owner.post(reverse("accounts:login"), {"username": "sari", "password": PASSWORD})
    assert response.status_code == 302
    assert counted_checks[True] == 1
