from django.core.management.base import BaseCommand

from rekrut.demo.company import DEMO_PASSWORD, PERSONAS, demo_build
from rekrut.demo.interviews import interviews_demo_build


class Command(BaseCommand):
    help = "Load the demo company with its interviews and scorecards (idempotent) and print the demo logins."

    def handle(self, *args: object, **options: object) -> None:
        demo_build()
        interviewed = interviews_demo_build()
        self.stdout.write(f"Demo company ready: {interviewed} applications with interviews and scorecards.")
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for p in PERSONAS:
            self.stdout.write(f"  {p.username:<8} {p.first_name} {p.last_name} — {p.title} ({p.role})")
