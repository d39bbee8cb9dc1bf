"""Child `rekrut` processes for tests that need real ones (the worker killed mid-send, `rekrut serve`).

A child works on this test's database (its DATABASE_URL is built from the test connection, SQLite or
PostgreSQL), so tests that use it are transactional: the child sees only committed rows.
"""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def child_database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{os.path.abspath(db['NAME'])}"
    if connection.vendor == "postgresql":
        auth = quote(db["USER"] or "", safe="")
        if db["PASSWORD"]:
            auth += ":" + quote(db["PASSWORD"], safe="")
        host = quote(db["HOST"] or "", safe="") + (f":{db['PORT']}" if db["PORT"] else "")
        return f"postgres://{auth}@{host}/{quote(db['NAME'], safe='')}"
    raise NotImplementedError(connection.vendor)


class Children:
    """Starts `rekrut ARGS` children with production settings (no REKRUT_TESTING: the database task
    backend, real SMTP) on the test database; `stop_all` kills whatever is left."""

    def __init__(self, log_dir: Path) -> None:
        self.log_dir = log_dir
        self.started: list[tuple[subprocess.Popen, Path]] = []

    def start(self, *args: str, **env: str) -> subprocess.Popen:
        environment = {k: v for k, v in os.environ.items() if k not in {"REKRUT_TESTING", "EMAIL_BACKEND"}}
        environment.update(DATABASE_URL=child_database_url(), DJANGO_SETTINGS_MODULE="rekrut.settings")
        # With DATABASE_URL a child refuses to start without SECRET_KEY (rekrut.E002); it signs like this one.
        environment.setdefault("SECRET_KEY", settings.SECRET_KEY)
        environment.update(env)
        log_path = self.log_dir / f"child-{len(self.started)}.log"
        with open(log_path, "wb") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "rekrut", *args], env=environment, stdout=log, stderr=subprocess.STDOUT
            )
        self.started.append((process, log_path))
        return process

    def log(self, process: subprocess.Popen) -> str:
        path = next(path for started, path in self.started if started is process)
        return path.read_text(errors="replace")[-4000:]

    def stop_all(self) -> None:
        for process, _ in self.started:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=10)


def wait_for(condition: Callable[[], object], *, timeout: float, what: str | Callable[[], str]) -> None:
    """Polls until `condition()` holds; `what` (or what it returns, e.g. a child's log) explains a timeout."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            explained = what() if callable(what) else what
            raise AssertionError(f"timed out after {timeout} s waiting for {explained}")
        time.sleep(0.1)
