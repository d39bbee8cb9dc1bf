"""`rekrut backup [--output PATH]`: the database and every stored file in one archive (core/backup.py)."""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from rekrut.core.backup import BackupRefused, backup_write


class Command(BaseCommand):
    help = (
        "Back up the database (SQLite's online backup or pg_dump) and every stored file (var/media or the "
        "bucket) into one tar archive with a manifest of SHA-256 checksums. Safe while Rekrut runs."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", help="the archive to write (default var/backups/rekrut-<time>.tar)")

    def handle(self, *args: object, **options: object) -> None:
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        output = Path(str(options["output"] or settings.VAR_DIR / "backups" / f"rekrut-{stamp}.tar"))
        if output.exists():
            raise CommandError(f"{output} exists already: choose another --output")
        try:
            manifest = backup_write(output=output, storage=default_storage)
        except BackupRefused as refused:
            raise CommandError(str(refused)) from None
        files = [m for m in manifest["members"] if m["name"].startswith("files/")]
        size = sum(m["size"] for m in manifest["members"])
        self.stdout.write(
            f"Backed up the {manifest['database']} database and {len(files)} file(s), {size:,} bytes, "
            f"to {output}"
        )
