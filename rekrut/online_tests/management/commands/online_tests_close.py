"""Submits every attempt whose time is up, with the answers saved before. The worker's sweep does this every
30 seconds (online_tests.services.closing); the command is the same step by hand, for an installation whose
worker was stopped or to check at once."""

from django.core.management.base import BaseCommand

from rekrut.online_tests.services.closing import attempts_close_overdue


class Command(BaseCommand):
    help = "Submit the online-test attempts whose time is up (the worker also does this every 30 seconds)."

    def handle(self, *args: object, **options: object) -> None:
        closed = attempts_close_overdue(limit=100_000)
        self.stdout.write(f"{closed} online-test attempt(s) submitted when time was up.")
