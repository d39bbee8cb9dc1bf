"""Every SQLite connection is set up for a web server (issue 16): WAL so readers never wait for the writer,
synchronous=NORMAL (safe in WAL: a crash loses at most the last commits, never the file), a busy timeout so
write contention waits instead of failing, memory-mapped reads; and connections are kept between requests."""

import pytest
from django.conf import settings
from django.db import connection, connections

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's connection setup"),
]


def test_a_new_connection_has_the_web_server_pragmas() -> None:
    fresh = connections.create_connection("default")  # as a new worker thread would open it
    try:
        with fresh.cursor() as cursor:

            def pragma(name: str) -> object:
                cursor.execute(f"PRAGMA {name}")
                return cursor.fetchone()[0]

            assert pragma("journal_mode") == "wal"
            assert pragma("synchronous") == 1  # NORMAL
            assert pragma("busy_timeout") >= 5000
            assert pragma("mmap_size") >= 64 * 1024 * 1024
            assert pragma("cache_size") <= -8000  # negative: KiB, so at least 8 MB of page cache
            assert pragma("temp_store") == 2  # MEMORY
            assert pragma("foreign_keys") == 1
    finally:
        fresh.close()


def test_connections_are_kept_between_requests_and_checked_before_reuse() -> None:
    database = settings.DATABASES["default"]

    assert database["CONN_MAX_AGE"] is None or database["CONN_MAX_AGE"] >= 60
    assert database["CONN_HEALTH_CHECKS"] is True
