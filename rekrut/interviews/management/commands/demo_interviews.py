from django.core.management.base import BaseCommand

from rekrut.interviews.demo import interviews_demo_build


class Command(BaseCommand):
    help = "Add interviews and submitted scorecards to the demo company (run after `demo`; idempotent)."

    def handle(self, *args: object, **options: object) -> None:
        count = interviews_demo_build()
        self.stdout.write(f"Demo interviews: {count} applications interviewed.")
