"""`rekrut release`: what a new version needs before its web and worker processes start.

Every node runs it before `rekrut serve` (deploy/systemd/rekrut-release.service): the database migrations
run once, under a lock, so two nodes starting together do not both alter the same tables (the second
waits, then finds nothing left to do); static files and compiled messages are this node's own files.
"""

import fcntl
import hashlib
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections

# pg_advisory_lock takes a 64-bit number: this one stands for "Rekrut's release step" in the database.
LOCK_ID = int.from_bytes(hashlib.sha256(b"rekrut release").digest()[:8], "big", signed=True)


class Command(BaseCommand):
    help = (
        "Prepare this version: apply database migrations once (locked, so nodes starting together take "
        "turns), compile translations that changed, and collect static files. Run it on every node before "
        "`rekrut serve`; `rekrut serve` itself changes no database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--database", default="default")
        parser.add_argument("--skip-static", action="store_true", help="static files already collected")

    def handle(self, *args: object, **options: object) -> None:
        verbosity = int(str(options["verbosity"]))
        alias = str(options["database"])
        with release_lock(alias):
            self.stdout.write("release: the lock is ours; applying migrations")
            call_command("migrate", database=alias, interactive=False, verbosity=verbosity)
        stale = stale_translations()
        if stale:
            if not shutil.which("msgfmt"):
                raise CommandError(
                    f"Translations changed ({', '.join(str(p) for p in stale)}) but msgfmt is missing: "
                    "install gettext, or ship the compiled .mo files."
                )
            call_command("compilemessages", verbosity=verbosity, ignore_patterns=[".venv"])
        if not options["skip_static"]:
            call_command("collectstatic", interactive=False, verbosity=verbosity)
        self.stdout.write(self.style.SUCCESS("release: done"))


@contextmanager
def release_lock(alias: str) -> Iterator[None]:
    """Holds the release lock while the block runs: a PostgreSQL advisory lock (a session lock, so it
    needs a direct connection, not pgbouncer in transaction mode), or a file lock beside the SQLite file
    (every process using that file is on this machine)."""
    connection = connections[alias]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [LOCK_ID])
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK_ID])
        return
    if connection.vendor == "sqlite":
        lock_path = Path(str(connection.settings_dict["NAME"]) + ".release-lock")
        with open(lock_path, "a") as lock_file:
            fcntl.flock(lock_file, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock_file, fcntl.LOCK_UN)
        return
    raise CommandError(f"rekrut release knows no lock for {connection.vendor}")


def stale_translations() -> list[Path]:
    """The .po files newer than their .mo (or without one): those need compiling on this node."""
    stale = []
    for locale_dir in settings.LOCALE_PATHS:
        for po in Path(locale_dir).glob("*/LC_MESSAGES/*.po"):
            mo = po.with_suffix(".mo")
            if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
                stale.append(po)
    return sorted(stale)
