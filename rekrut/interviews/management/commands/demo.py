from django.core.management.base import BaseCommand

from rekrut.interviews.demo import interviews_demo_build
from rekrut.pipeline.demo.build import DEMO_PASSWORD, PERSONAS, demo_build


class Command(BaseCommand):
    help = "Load the demo company with its interviews and scorecards (idempotent) and print the demo logins."

    # It lives in the interviews app, the highest layer that has demo data, so it can build every layer.
    def handle(self, *args: object, **options: object) -> None:
        demo_build()
        interviewed = interviews_demo_build()
        self.stdout.write(f"Demo company ready: {interviewed} applications with interviews and scorecards.")
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for p in PERSONAS:
            self.stdout.write(f"  {p.username:<8} {p.first_name} {p.last_name} — {p.title} ({p.role})")
