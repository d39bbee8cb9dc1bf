from django.core.management.base import BaseCommand

from rekrut.pipeline.demo.build import DEMO_PASSWORD, PERSONAS, demo_build


class Command(BaseCommand):
    help = "Load the demo company (idempotent) and print the demo logins."

    def handle(self, *args: object, **options: object) -> None:
        demo_build()
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for p in PERSONAS:
            self.stdout.write(f"  {p.username:<8} {p.first_name} {p.last_name} — {p.title} ({p.role})")
