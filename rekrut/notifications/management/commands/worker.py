import threading
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections


class Command(BaseCommand):
    help = "Run background work: queued tasks (django-tasks database backend) and the outbox's retries."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--outbox-every", type=int, default=30, help="seconds between outbox sweeps")

    def handle(self, *args: object, **options: object) -> None:
        every = int(options["outbox_every"])  # type: ignore[call-overload]
        threading.Thread(target=self._sweep_outbox, args=(every,), daemon=True).start()
        call_command("db_worker", interval=1)

    def _sweep_outbox(self, every: int) -> None:
        from rekrut.notifications.services import outbox_drain

        while True:
            close_old_connections()
            try:
                outbox_drain()
            except Exception:
                self.stderr.write("outbox sweep failed; retrying later")
            time.sleep(every)
