"""`rekrut import candidates|jobs FILE --as USER [--job ID] [--source S] [--map field=Column ...]`.

The same import the page runs (check every row, then save all or nothing), for scripts and migrations
from another system. Prints the row-by-row report and exits non-zero when nothing was imported.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from rekrut.accounts.models import User
from rekrut.core.errors import DomainError
from rekrut.intake import importing
from rekrut.intake.models import ImportStatus
from rekrut.jobs.models import Job


class Command(BaseCommand):
    help = "Import candidates or jobs from a CSV or XLSX file (all rows or none)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("what", choices=["candidates", "jobs"])
        parser.add_argument("file", type=Path)
        parser.add_argument("--as", dest="username", required=True, help="the HR user the import is made by")
        parser.add_argument("--job", type=int, help="also apply every imported candidate to this job")
        parser.add_argument("--source", default="import")
        parser.add_argument(
            "--map",
            nargs="*",
            default=[],
            metavar="FIELD=COLUMN",
            help="override the guessed column for a field, e.g. full_name='Nama Lengkap'",
        )
        parser.add_argument("--language", default="id", choices=["id", "en"])

    def handle(self, *args: object, **options: object) -> None:
        translation.activate(str(options["language"]))
        actor = User.objects.filter(username=options["username"], is_active=True).first()
        if actor is None:
            raise CommandError(f"No active user {options['username']!r}.")
        path = options["file"]
        assert isinstance(path, Path)
        if not path.is_file():
            raise CommandError(f"No file at {path}.")
        job_id = options["job"]
        job = Job.objects.filter(pk=int(str(job_id))).first() if job_id else None
        if options["job"] and job is None:
            raise CommandError(f"No job {options['job']}.")
        try:
            started = importing.import_start(
                actor=actor,
                name=path.name,
                data=path.read_bytes(),
                job=job,
                source=str(options["source"]),
                kind=str(options["what"]),
            )
            mapping = dict(started.mapping)
            for pair in options["map"]:  # type: ignore[attr-defined]
                field, _, column = str(pair).partition("=")
                mapping[field] = column or None
            mapped = importing.import_map(actor=actor, candidate_import=started, mapping=mapping)
            importing.import_queue(actor=actor, candidate_import=mapped)
        except DomainError as error:
            raise CommandError(str(error.message)) from None
        result = importing.import_run(import_id=started.pk)
        if result.status != ImportStatus.DONE:
            for problem in result.errors:
                row = problem.get("row") or "-"
                self.stderr.write(f"row {row} {problem.get('column', '')}: {problem.get('message')}")
            raise CommandError(f"Nothing was imported: {len(result.errors)} problem(s).")
        self.stdout.write(f"Imported {result.imported} {options['what']}.")
