"""`rekrut restore ARCHIVE [--force]`: puts a `rekrut backup` archive back (rekrut/core/backup.py)."""

from pathlib import Path

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError, CommandParser

from rekrut.core.backup import BackupRefused, backup_restore


class Command(BaseCommand):
    help = (
        "Restore a `rekrut backup` archive: checks every checksum first, then replaces the database and "
        "writes the backed-up files into the storage. Refuses a database that holds accounts or candidates "
        "unless --force. Stop the web and worker processes first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", help="the .tar written by `rekrut backup`")
        parser.add_argument("--force", action="store_true", help="replace a database that holds data")

    def handle(self, *args: object, **options: object) -> None:
        path = Path(str(options["archive"]))
        if not path.is_file():
            raise CommandError(f"{path} is not a file")
        try:
            restored = backup_restore(path=path, storage=default_storage, force=bool(options["force"]))
        except BackupRefused as refused:
            raise CommandError(str(refused)) from None
        self.stdout.write(
            f"Restored the {restored.database} database from {path}; wrote {restored.files_written} file(s), "
            f"{restored.files_unchanged} were already identical."
        )
        if restored.files_left:
            self.stdout.write(
                f"{len(restored.files_left)} stored file(s) not in the backup were left in place "
                "(uploaded after it was made; no record of the restored database points at them)."
            )
        self.stdout.write("Run `rekrut migrate` if this version is newer than the backup.")
