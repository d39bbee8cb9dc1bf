"""`rekrut reports_rebuild`: builds the reports' summary rows again from the whole pipeline history.

The worker keeps them up to date on its own; this is for a new installation with history imported in bulk,
or after restoring a backup of the pipeline without the reports' tables.
"""

import time

from django.core.management.base import BaseCommand, CommandParser

from rekrut.reports.summary import summary_catch_up, summary_rebuild


class Command(BaseCommand):
    help = "Rebuild the reports' summary rows from the pipeline's history (--catch-up: only what is new)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--catch-up",
            action="store_true",
            help="only what changed since the last sweep, as the worker does",
        )

    def handle(self, *args, **options) -> None:
        started = time.perf_counter()
        if options["catch_up"]:
            done = summary_catch_up()
        else:

            def progress(done: int, total: int) -> None:
                if not options["verbosity"]:
                    return
                self.stdout.write(f"  {done:,} / {total:,} applications", ending="\r")
                self.stdout.flush()

            done = summary_rebuild(progress=progress)
            self.stdout.write("")
        if options["verbosity"]:
            self.stdout.write(f"{done:,} applications summarised in {time.perf_counter() - started:.1f} s")
