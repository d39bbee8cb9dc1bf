from django.core.management.base import BaseCommand

from rekrut.notifications.services import outbox_drain


class Command(BaseCommand):
    help = "Send every due outgoing message once (the worker does this on its own every 30 seconds)."

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(f"sent {outbox_drain()}")
