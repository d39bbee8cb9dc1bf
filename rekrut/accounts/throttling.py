"""Counting attempts in the database, which every server process shares: rate limits and sign-in lockout.

Each count is one atomic `INSERT ... ON CONFLICT DO UPDATE ... RETURNING` (SQLite 3.35+ and PostgreSQL),
so two requests arriving together cannot both read "4 of 5" and both go on: each gets its own number.

Lockout counts per account *and* client address: five wrong passwords from one place lock the account
from that place only, so a stranger cannot lock the only HR admin out. The attempt is taken before the
password is checked (a reservation); a right password gives it back, a wrong one keeps it.
"""

import hashlib
import ipaddress
from collections.abc import Sequence

from django.conf import settings
from django.db import connection
from django.utils import timezone

from rekrut.accounts.models import AttemptCounter


class RateLimited(Exception):
    """Too many requests under one of settings.RATE_LIMITS; `retry_after` seconds until the window ends."""

    def __init__(self, *, retry_after: int) -> None:
        super().__init__(f"rate limited for {retry_after} s")
        self.retry_after = retry_after


class SignInLocked(Exception):
    """Too many failed sign-ins to this account from this address; `retry_after` seconds until unlocked."""

    def __init__(self, *, retry_after: int) -> None:
        super().__init__(f"sign-in locked for {retry_after} s")
        self.retry_after = retry_after


def address_key(address: str | None) -> str:
    """The client address as counters key it. An IPv6 client usually holds a whole /64, so the /64 counts
    as one address; anything unreadable counts as one shared "unknown" address."""
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return "unknown"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network(f"{ip}/64", strict=False))
    return str(ip)


def digest(text: str) -> str:
    """A short fixed-length stand-in for typed text (account names, e-mail addresses, API keys)."""
    return hashlib.sha256(text.casefold().encode()).hexdigest()[:32]


def _now() -> int:
    return int(timezone.now().timestamp())


def _table() -> str:
    return connection.ops.quote_name(AttemptCounter._meta.db_table)


def _column(name: str) -> str:
    return connection.ops.quote_name(name)


def rate_limit_hit(*, limit_name: str, idents: Sequence[str]) -> None:
    """Counts one request against settings.RATE_LIMITS[limit_name] for each ident (an address, a token);
    raises RateLimited when any of them is over. A limit set to "off" counts nothing."""
    rate_limits_hit(hits=[(limit_name, ident) for ident in idents])


def rate_limits_hit(*, hits: Sequence[tuple[str, str]]) -> None:
    """Counts one request for each (limit name, ident) in one statement; raises RateLimited, with the
    longest wait, when any count is over its limit."""
    rates: dict[str, tuple[int, int]] = {}  # counter key -> (requests, per seconds)
    for limit_name, ident in hits:
        rate = settings.RATE_LIMITS[limit_name]
        if rate is not None:
            rates[f"{limit_name}:{ident}"] = rate
    if not rates:
        return
    now = _now()
    # Sorted, so two statements touching the same rows lock them in the same order (no deadlock).
    keys = sorted(rates)
    table, key, count, ends = _table(), _column("key"), _column("count"), _column("window_ends")
    rows = ", ".join(["(%s, 1, %s)"] * len(keys))
    # Only quoted names and placeholders are put into the text; every value is a parameter.
    sql = (
        f"INSERT INTO {table} ({key}, {count}, {ends}) VALUES {rows} "  # noqa: S608
        f"ON CONFLICT ({key}) DO UPDATE SET "
        f"{count} = CASE WHEN {table}.{ends} <= %s THEN 1 ELSE {table}.{count} + 1 END, "
        f"{ends} = CASE WHEN {table}.{ends} <= %s THEN excluded.{ends} ELSE {table}.{ends} END "
        f"RETURNING {key}, {count}, {ends}"
    )
    params: list[str | int] = [value for k in keys for value in (k, now + rates[k][1])] + [now, now]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        counted = cursor.fetchall()
    waits = [window_ends - now for k, hits_so_far, window_ends in counted if hits_so_far > rates[k][0]]
    if waits:
        raise RateLimited(retry_after=max(1, *waits))


def _sign_in_key(username: str, address: str | None) -> str:
    return f"lockout:{digest(username)}:{address_key(address)}"


def sign_in_attempt_take(*, username: str, address: str | None) -> None:
    """Takes one of the LOGIN_FAILURE_LIMIT attempts this account has from this address, before its password
    is checked; raises SignInLocked when none is left. Each attempt taken keeps the lock for
    LOGIN_FAILURE_WINDOW_MINUTES after it; once the limit is reached nothing more is counted, so the lock
    ends that long after the last real try."""
    now = _now()
    window = settings.LOGIN_FAILURE_WINDOW_MINUTES * 60
    table, key, count, ends = _table(), _column("key"), _column("count"), _column("window_ends")
    sql = (
        f"INSERT INTO {table} ({key}, {count}, {ends}) VALUES (%s, 1, %s) "  # noqa: S608 (names only)
        f"ON CONFLICT ({key}) DO UPDATE SET "
        f"{count} = CASE WHEN {table}.{ends} <= %s THEN 1 ELSE {table}.{count} + 1 END, "
        f"{ends} = excluded.{ends} "
        f"WHERE {table}.{ends} <= %s OR {table}.{count} < %s "
        f"RETURNING {count}"
    )
    counter_key = _sign_in_key(username, address)
    with connection.cursor() as cursor:
        cursor.execute(sql, [counter_key, now + window, now, now, settings.LOGIN_FAILURE_LIMIT])
        taken = cursor.fetchone()
    if taken is None:
        ends_at = AttemptCounter.objects.filter(key=counter_key).values_list("window_ends", flat=True).first()
        raise SignInLocked(retry_after=max(1, (ends_at or now + window) - now))


def sign_in_succeeded(*, username: str, address: str | None) -> None:
    """The right password gives the attempt back: earlier failures from this address are forgotten."""
    AttemptCounter.objects.filter(key=_sign_in_key(username, address)).delete()


def sign_in_unlock(*, username: str) -> int:
    """Forgets the account's failures from every address (after a password reset); returns how many."""
    deleted, _ = AttemptCounter.objects.filter(key__startswith=f"lockout:{digest(username)}:").delete()
    return deleted


def counters_prune() -> int:
    """Deletes counters whose window is over (the worker's sweep calls it); returns how many."""
    deleted, _ = AttemptCounter.objects.filter(window_ends__lte=_now()).delete()
    return deleted
