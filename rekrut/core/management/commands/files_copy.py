"""`rekrut files_copy --to-bucket | --to-local`: moving a machine's uploaded files into the bucket (or back).

Safe to run again: a file already there with the same size is left alone, so an interrupted copy continues
where it stopped. Records keep the same file names in both places, so nothing in the database changes.
"""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from rekrut.core.storage_copy import CopyCount, bucket_storage, file_copy, local_storage, storage_walk


class Command(BaseCommand):
    help = (
        "Copy every stored file from var/media to the bucket configured by REKRUT_S3_* (--to-bucket) or from "
        "the bucket to var/media (--to-local). Files already there with the same size are skipped; "
        "--dry-run only counts."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        direction = parser.add_mutually_exclusive_group(required=True)
        direction.add_argument("--to-bucket", action="store_true", help="var/media → the bucket")
        direction.add_argument("--to-local", action="store_true", help="the bucket → var/media")
        parser.add_argument("--local-dir", help="the local folder instead of MEDIA_ROOT (var/media)")
        parser.add_argument("--dry-run", action="store_true", help="count what would be copied, copy nothing")

    def handle(self, *args: object, **options: object) -> None:
        local = local_storage(str(options["local_dir"]) if options["local_dir"] else None)
        try:
            bucket = bucket_storage()
        except Exception as error:
            raise CommandError(str(error)) from error
        source, target = (local, bucket) if options["to_bucket"] else (bucket, local)
        dry_run = bool(options["dry_run"])
        count = CopyCount()
        failed = 0
        for name in storage_walk(source):
            try:
                outcome = file_copy(source, target, name, dry_run=dry_run, count=count)
            except Exception as error:  # one unreadable file must not stop the others; it is counted
                failed += 1
                self.stderr.write(f"failed: {name}: {error}")
                continue
            if int(str(options["verbosity"])) >= 2:
                self.stdout.write(f"{outcome}: {name}")
        verb = "would copy" if dry_run else "copied"
        self.stdout.write(
            f"{verb} {count.copied} new and {count.replaced} changed file(s) "
            f"({count.bytes_copied:,} bytes); {count.unchanged} already there; {failed} failed"
        )
        if failed:
            raise CommandError(f"{failed} file(s) could not be copied (see above); run the command again")
